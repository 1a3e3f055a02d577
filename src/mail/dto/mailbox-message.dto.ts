import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';

/** A message in the development mailbox, rendered as it would have been sent. */
export class MailboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() messageId: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The plain-text body, links and codes included.' }) text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MailboxPageDto extends PageOf(MailboxMessageDto) {}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';
import { TrimLower } from '../../common/transforms.js';
import { MAIL_STATUSES, type MailStatus } from '../../outbox/mail-templates.js';

export class ListMailQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: MAIL_STATUSES, description: 'Only messages in this state, e.g. failed.' })
  @IsOptional()
  @IsIn(MAIL_STATUSES, { message: `status must be one of ${MAIL_STATUSES.join(', ')}` })
  status?: MailStatus;
}

export class MailboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only messages to this address.' })
  @IsOptional()
  @TrimLower()
  @IsString()
  @Length(1, 320)
  to?: string;
}

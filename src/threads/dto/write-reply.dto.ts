import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

import { BodyField } from './content-fields.js';

export class CreateReplyDto {
  @BodyField() body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another reply of the same thread that this one quotes.' })
  @IsOptional()
  @IsUUID()
  quotedReplyId?: string;
}

export class UpdateReplyDto {
  @BodyField() body: string;
}

export class AcceptReplyDto {
  @ApiProperty({ format: 'uuid', description: 'A reply of this thread.' })
  @IsUUID()
  replyId: string;
}

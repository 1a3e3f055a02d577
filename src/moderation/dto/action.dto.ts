import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

import { Trim } from '../../common/transforms.js';

/** Every moderation action says why: it goes to the audit log and to the person affected. */
export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why: recorded in the audit log and sent to the author.' })
  @Trim()
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class MoveThreadDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The collaborative to move it to; you must moderate it too.' })
  @IsUUID('all', { message: 'collaborativeId must be a collaborative id (UUID)' })
  collaborativeId: string;
}

export class MergeThreadDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The thread this duplicate joins; you must moderate it too.' })
  @IsUUID('all', { message: 'intoThreadId must be a thread id (UUID)' })
  intoThreadId: string;
}

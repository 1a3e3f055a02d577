import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsDate, IsIn, IsString, Length } from 'class-validator';

import { Optional, ToDate, Trim } from '../../common/transforms.js';
import { type Role, ROLES } from '../user.entity.js';
import { UpdateProfileDto } from './update-profile.dto.js';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

/** The names an admin may set for someone, reserved ones included; the same shapes as a person's own edit. */
export class ChangeProfileDto extends PickType(UpdateProfileDto, ['handle', 'displayName'] as const) {}

export class SuspendUserDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Shown to the person when they try to sign in.' })
  @Trim()
  @IsString()
  @Length(3, 500)
  reason: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'When the suspension ends; omit for an indefinite one.',
  })
  @Optional()
  @ToDate()
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  until?: Date;
}

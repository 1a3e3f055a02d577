import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsIn, IsString, Length, MinDate } from 'class-validator';
import { Optional, ToDate, Trim } from '../../common/transforms.js';
import { ROLES, type Role } from '../user.entity.js';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class SuspendUserDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Shown to the person when they try to sign in.' })
  @Trim()
  @IsString()
  @Length(3, 500)
  reason: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the suspension ends; omit for an indefinite one.' })
  @Optional()
  @ToDate()
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  @MinDate(() => new Date(), { message: 'until must be in the future' })
  until?: Date;
}

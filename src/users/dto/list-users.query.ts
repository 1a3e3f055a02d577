import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';
import { ToBoolean, Trim } from '../../common/transforms.js';
import { type Role, ROLES, USER_STATUSES, type UserStatus } from '../user.entity.js';

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, email, handle or organisation.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  query?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `status must be one of ${USER_STATUSES.join(', ')}` })
  status?: UserStatus;

  @ApiPropertyOptional({
    description:
      'Only people whose handle or display name poses as staff or as the forum (true), or only those whose names do not (false). Add role=member to leave out staff, who may hold such names.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'reservedName must be true or false' })
  reservedName?: boolean;
}

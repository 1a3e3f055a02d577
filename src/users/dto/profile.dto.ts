import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import {
  type PublicUser,
  type Role,
  ROLES,
  type Sector,
  SECTORS,
  type User,
  USER_STATUSES,
  type UserStatus,
} from '../user.entity.js';

/** What any signed-in user may see of another. */
export class PublicProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'Name for @mentions.' }) handle: string;
  @ApiProperty() organisation: string;
  @ApiProperty() jobTitle: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty() bio: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ description: 'Only for yourself or when an admin asks.' }) email?: string;
}

/** Your own profile, with the fields only you (and admins) see. */
export class OwnProfileDto extends PublicProfileDto {
  @ApiProperty() override email: string;
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedUntil: string | null;
  @ApiProperty({ type: String, nullable: true }) suspensionReason: string | null;
}

export class UserPageDto extends PageOf(OwnProfileDto) {}

export function toPublicProfile(
  user: PublicUser & { email?: string },
  options: { withEmail?: boolean } = {},
): PublicProfileDto {
  return {
    id: user.id,
    displayName: user.displayName,
    handle: user.handle,
    organisation: user.organisation,
    jobTitle: user.jobTitle,
    sector: user.sector,
    bio: user.bio,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    ...(options.withEmail ? { email: user.email } : {}),
  };
}

export function toOwnProfile(user: User): OwnProfileDto {
  return {
    ...toPublicProfile(user),
    email: user.email,
    status: user.status,
    suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
    suspensionReason: user.suspensionReason,
  };
}

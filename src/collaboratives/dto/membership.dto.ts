import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { PageOf, PageQueryDto } from '../../common/pagination.js';
import { Optional, Trim } from '../../common/transforms.js';
import { PublicProfileDto } from '../../users/dto/profile.dto.js';
import { FOLLOW_LEVELS, type FollowLevel } from '../follow.entity.js';
import { JOIN_REQUEST_STATUSES, type JoinRequestStatus } from '../join-request.entity.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../membership.entity.js';

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId: string;

  @ApiPropertyOptional({ enum: MEMBERSHIP_ROLES, default: 'member' })
  @Optional()
  @IsIn(MEMBERSHIP_ROLES, { message: `role must be one of ${MEMBERSHIP_ROLES.join(', ')}` })
  role?: MembershipRole;
}

export class MemberDto {
  @ApiProperty({ type: PublicProfileDto }) user: PublicProfileDto;
  @ApiProperty({ enum: MEMBERSHIP_ROLES }) role: MembershipRole;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class MemberPageDto extends PageOf(MemberDto) {}

export class CreateJoinRequestDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why you would like to join: your role and organisation.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class ListJoinRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOIN_REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(JOIN_REQUEST_STATUSES, { message: `status must be one of ${JOIN_REQUEST_STATUSES.join(', ')}` })
  status: JoinRequestStatus = 'pending';
}

export class JoinRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) collaborativeId: string;
  @ApiProperty() collaborativeName: string;
  @ApiProperty({ type: PublicProfileDto }) requester: PublicProfileDto;
  @ApiProperty() message: string;
  @ApiProperty({ enum: JOIN_REQUEST_STATUSES }) status: JoinRequestStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class JoinRequestPageDto extends PageOf(JoinRequestDto) {}

export class FollowLevelDto {
  @ApiProperty({
    enum: FOLLOW_LEVELS,
    description:
      'all: every new thread and practice; questions-and-practices; none: stay following without notifications.',
  })
  @IsIn(FOLLOW_LEVELS, { message: `level must be one of ${FOLLOW_LEVELS.join(', ')}` })
  level: FollowLevel;
}

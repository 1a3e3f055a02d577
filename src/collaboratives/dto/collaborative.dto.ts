import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import { SECTORS } from '../../users/user.entity.js';
import type { CollaborativeAccess } from '../access.service.js';
import { COLLABORATIVE_TYPES, type CollaborativeType, VISIBILITIES, type Visibility } from '../collaborative.entity.js';
import { FOLLOW_LEVELS, type FollowLevel } from '../follow.entity.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../membership.entity.js';

export class ViewerDto {
  @ApiProperty({ enum: MEMBERSHIP_ROLES, nullable: true, description: 'Your role inside the collaborative, or null.' })
  membership: MembershipRole | null;
  @ApiProperty() following: boolean;
  @ApiProperty({
    enum: FOLLOW_LEVELS,
    nullable: true,
    description: 'Which new posts notify you; null when not following.',
  })
  followLevel: FollowLevel | null;
  @ApiProperty({ description: 'You may read its threads and practices.' }) canRead: boolean;
  @ApiProperty() canPost: boolean;
  @ApiProperty() canModerate: boolean;
  @ApiProperty({ description: 'You have a join request waiting for a decision.' }) joinRequestPending: boolean;
}

export class CollaborativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Markdown' }) description: string;
  @ApiProperty({ description: 'Sanitised HTML rendered from the description' }) descriptionHtml: string;
  @ApiProperty({ enum: COLLABORATIVE_TYPES }) type: CollaborativeType;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) ics: string | null;
  @ApiProperty({ type: [String] }) organisations: string[];
  @ApiProperty({ enum: VISIBILITIES }) visibility: Visibility;
  @ApiProperty() followerCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when you may not read inside it.' }) threadCount:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when you may not read inside it.' }) postCount:
    number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null when you may not read inside it.',
  })
  lastActivityAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when archived: read-only.' })
  archivedAt: string | null;
  @ApiProperty({ type: ViewerDto }) viewer: ViewerDto;
}

export class CollaborativePageDto extends PageOf(CollaborativeDto) {}

export interface ViewerFacts {
  followLevel: FollowLevel | null;
  joinRequestPending: boolean;
}

/** Members-only collaboratives are listed by name and description; what happens inside stays hidden. */
export function toCollaborativeDto(access: CollaborativeAccess, facts: ViewerFacts): CollaborativeDto {
  const c = access.collaborative;
  const inside = access.canRead;
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    descriptionHtml: c.descriptionHtml,
    type: c.type,
    sectors: c.sectors,
    region: c.region,
    ics: c.ics,
    organisations: c.organisations,
    visibility: c.visibility,
    followerCount: c.followerCount,
    memberCount: c.memberCount,
    threadCount: inside ? c.threadCount : null,
    postCount: inside ? c.postCount : null,
    createdAt: c.createdAt.toISOString(),
    lastActivityAt: inside ? c.lastActivityAt.toISOString() : null,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    viewer: {
      membership: access.membership,
      following: facts.followLevel !== null,
      followLevel: facts.followLevel,
      canRead: access.canRead,
      canPost: access.canPost,
      canModerate: access.canModerate,
      joinRequestPending: facts.joinRequestPending,
    },
  };
}

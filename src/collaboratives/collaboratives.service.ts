import { randomBytes } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { renderMarkdown } from '../common/markdown.js';
import { escapeLike, type Page } from '../common/pagination.js';
import { slugify } from '../common/slug.js';
import { UUID } from '../common/uuid.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../database/database-errors.js';
import { Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { AccessService } from './access.service.js';
import { ArchivedCollaborative } from './archived-collaborative.js';
import { Collaborative } from './collaborative.entity.js';
import { type CollaborativeDto, toCollaborativeDto } from './dto/collaborative.dto.js';
import type { ListCollaborativesQuery } from './dto/list-collaboratives.query.js';
import type { CreateCollaborativeDto, UpdateCollaborativeDto } from './dto/write-collaborative.dto.js';
import type { FollowLevel } from './follow.entity.js';
import type { MembershipRole } from './membership.entity.js';

/**
 * The name's words as a slug; a name with too few letters or digits for one (emoji only,
 * say), or whose slug would read as an id, gets "collaborative-" and a random suffix.
 */
function slugFromName(name: string): string {
  const slug = slugify(name);
  return slug.length >= 3 && !UUID.test(slug) ? slug : `collaborative-${randomBytes(3).toString('hex')}`;
}
const BY_NAME = new Keyset(
  [
    { sql: 'lower(c.name)', kind: 'text' },
    { sql: 'c.id', kind: 'uuid' },
  ],
  'ASC',
);

interface ViewerRow {
  membership_role: MembershipRole | null;
  follow_level: FollowLevel | null;
  join_pending: boolean;
}

/** The directory: finding, reading, creating, editing and archiving collaboratives. */
@Injectable()
export class CollaborativesService {
  constructor(
    @InjectRepository(Collaborative) private readonly collaboratives: Repository<Collaborative>,
    private readonly access: AccessService,
    private readonly events: EventStore,
  ) {}

  /** Collaboratives with the caller's membership, follow and pending request alongside. */
  private withViewer(caller: AuthUser): SelectQueryBuilder<Collaborative> {
    return this.collaboratives
      .createQueryBuilder('c')
      .leftJoin('collaborative_members', 'm', 'm.collaborative_id = c.id AND m.user_id = :viewerId', {
        viewerId: caller.id,
      })
      .addSelect('m.role', 'membership_role')
      .addSelect(
        '(SELECT f.level FROM collaborative_follows f WHERE f.collaborative_id = c.id AND f.user_id = :viewerId)',
        'follow_level',
      )
      .addSelect(
        `EXISTS (SELECT 1 FROM join_requests j WHERE j.collaborative_id = c.id AND j.user_id = :viewerId AND j.status = 'pending')`,
        'join_pending',
      );
  }

  private toDto(caller: AuthUser, collaborative: Collaborative, row: ViewerRow): CollaborativeDto {
    const access = this.access.decide(caller, collaborative, row.membership_role ?? null);
    return toCollaborativeDto(access, { followLevel: row.follow_level ?? null, joinRequestPending: row.join_pending });
  }

  async list(caller: AuthUser, query: ListCollaborativesQuery): Promise<Page<CollaborativeDto>> {
    const qb = this.withViewer(caller);
    if (query.q) qb.andWhere(`c.search_vector @@ websearch_to_tsquery('english', :q)`, { q: query.q });
    if (query.type) qb.andWhere('c.type = :type', { type: query.type });
    if (query.sector) qb.andWhere(':sector = ANY(c.sectors)', { sector: query.sector });
    if (query.region) {
      qb.andWhere(`(c.region ILIKE '%' || :region || '%' OR c.ics ILIKE '%' || :region || '%')`, {
        region: escapeLike(query.region),
      });
    }
    if (query.following)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM collaborative_follows ff WHERE ff.collaborative_id = c.id AND ff.user_id = :viewerId)',
      );
    if (query.member) qb.andWhere('m.role IS NOT NULL');

    let order = BY_NAME;
    if (query.sort === 'activity') {
      // Activity inside a collaborative the caller may not read is not theirs to see, not even
      // as a position in this list: those sort by when they were created instead.
      const readable = this.access.readableCondition(caller, 'c.id');
      const activity = `(CASE WHEN ${readable.sql} THEN c.last_activity_at ELSE c.created_at END)`;
      qb.setParameters(readable.params);
      order = new Keyset([
        { sql: activity, kind: 'timestamp' },
        { sql: 'c.id', kind: 'uuid' },
      ]);
    }
    const { rows, nextCursor } = await order.fetchEntities<Collaborative, ViewerRow>(qb, query);
    return { items: rows.map((row) => this.toDto(caller, row.entity, row.raw)), nextCursor };
  }

  /** By id or slug. Members-only ones are found too: their name and description are public. */
  async get(caller: AuthUser, idOrSlug: string): Promise<CollaborativeDto> {
    const qb = this.withViewer(caller);
    if (UUID.test(idOrSlug)) qb.where('c.id = :key', { key: idOrSlug });
    else qb.where('c.slug = :key', { key: idOrSlug.toLowerCase() });
    const { entities, raw } = await qb.getRawAndEntities<ViewerRow>();
    if (!entities[0]) throw new NotFoundException('No collaborative with this id or slug.');
    return this.toDto(caller, entities[0], raw[0]!);
  }

  async create(caller: AuthUser, dto: CreateCollaborativeDto): Promise<CollaborativeDto> {
    const slug = dto.slug ?? slugFromName(dto.name);
    const entity = this.collaboratives.create({
      ...dto,
      slug,
      description: dto.description ?? '',
      descriptionHtml: renderMarkdown(dto.description ?? ''),
    });
    try {
      await this.collaboratives.insert(entity);
    } catch (error) {
      if (hasSqlState(error, UNIQUE_VIOLATION)) {
        throw new ConflictException(`The slug "${slug}" is taken. Choose another slug.`);
      }
      throw error;
    }
    return this.get(caller, entity.id);
  }

  /** Admins, and leads of this collaborative. Archived ones are read-only. */
  async update(caller: AuthUser, id: string, dto: UpdateCollaborativeDto): Promise<CollaborativeDto> {
    // Not site moderators: they moderate content; what a collaborative says about itself is its leads' to change.
    const access = await this.access.lookup(caller, id);
    if (!access) throw new NotFoundException('No collaborative with this id.');
    if (caller.role !== 'admin' && access.membership !== 'lead') {
      throw new ForbiddenException('Only an admin or a lead of this collaborative can change its details.');
    }
    const { collaborative } = access;
    if (collaborative.archivedAt) throw new ArchivedCollaborative();
    const changes: Partial<Collaborative> = { ...dto };
    if (dto.description !== undefined) changes.descriptionHtml = renderMarkdown(dto.description);
    await this.collaboratives.manager.transaction(async (manager) => {
      await manager.update(Collaborative, { id }, changes);
      // Open sockets re-check their rooms: going members-only must stop outsiders' feeds at once.
      if (dto.visibility && dto.visibility !== collaborative.visibility) {
        await this.events.append(manager, {
          type: 'collaborative.visibility-changed',
          collaborativeId: id,
          payload: { collaborativeId: id, visibility: dto.visibility },
        });
      }
    });
    return this.get(caller, id);
  }

  /** Archiving keeps everything readable and stops every change. */
  async setArchived(caller: AuthUser, id: string, archived: boolean): Promise<CollaborativeDto> {
    await this.access.requireRead(caller, id);
    await this.collaboratives.update({ id }, { archivedAt: archived ? new Date() : null });
    return this.get(caller, id);
  }
}

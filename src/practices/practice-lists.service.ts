import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import type { Page } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { type KeyPart, Keyset } from '../database/keyset.js';
import type { AuthUser } from '../identity/auth-user.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import type { ListPracticesQuery } from './dto/list-practices.query.js';
import { PRACTICE_SUMMARY_FIELDS, type PracticeSummaryDto, toPracticeSummary } from './dto/practice.dto.js';
import { Practice } from './practice.entity.js';

const ID: KeyPart = { sql: 'p.id', kind: 'uuid' };

/**
 * Each published order matches one partial index of the migration (keys DESC, id DESC,
 * WHERE status = 'published' AND deleted_at IS NULL); a published case study always has
 * `published_at` and `last_activity_at`. Drafts are few per person, newest first.
 */
const ORDERS = {
  newest: new Keyset([{ sql: 'p.published_at', kind: 'timestamp' }, ID]),
  endorsed: new Keyset([{ sql: 'p.endorsement_count', kind: 'int' }, ID]),
  discussed: new Keyset([{ sql: 'p.last_activity_at', kind: 'timestamp' }, ID]),
  drafts: new Keyset([{ sql: 'p.created_at', kind: 'timestamp' }, ID]),
};

/** The library: published case studies the caller may read (or their own drafts), filtered and sorted. */
@Injectable()
export class PracticeListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(user: AuthUser, query: ListPracticesQuery): Promise<Page<PracticeSummaryDto>> {
    const conditions = ['p.deleted_at IS NULL'];
    const params: Record<string, unknown> = { me: user.id };
    if (query.status === 'draft') {
      conditions.push(
        `p.status = 'draft' AND (p.author_id = :me OR EXISTS (SELECT 1 FROM practice_coauthors pc WHERE pc.practice_id = p.id AND pc.user_id = :me))`,
      );
    } else {
      const readable = this.access.readableCondition(user, 'p.collaborative_id');
      conditions.push(`p.status = 'published' AND (p.collaborative_id IS NULL OR ${readable.sql})`);
      Object.assign(params, readable.params);
      // Hidden ones stay listed only for their authors.
      conditions.push(`(p.hidden_at IS NULL OR p.author_id = :me)`);
    }
    if (query.q) conditions.push(`p.search_vector @@ websearch_to_tsquery('english', :q)`);
    if (query.theme) conditions.push(':theme = ANY(p.themes)');
    if (query.sector) conditions.push(':sector = ANY(p.sectors)');
    if (query.tag) conditions.push(':tag = ANY(p.tags)');
    if (query.collaborativeId) conditions.push('p.collaborative_id = :collaborativeId');
    if (query.author) {
      conditions.push(
        `(p.author_id = :author OR EXISTS (SELECT 1 FROM practice_coauthors pa WHERE pa.practice_id = p.id AND pa.user_id = :author))`,
      );
    }
    const { q, theme, sector, tag, collaborativeId, author } = query;
    const practices = EntityRows.of(this.dataSource, Practice, 'p', PRACTICE_SUMMARY_FIELDS);
    const authors = EntityRows.of(this.dataSource, User, 'a', PUBLIC_PROFILE_FIELDS);
    const { rows, nextCursor } = await this.order(query).fetchRows(
      this.dataSource,
      {
        select: `${practices.select}, ${authors.select}`,
        from: 'practices p LEFT JOIN users a ON a.id = p.author_id',
        where: conditions.join(' AND '),
        params: { ...params, q, theme, sector, tag, collaborativeId, author },
      },
      query,
    );
    const items = rows.map((row) => {
      const practice = { ...practices.from(row)!, author: authors.from(row) ?? undefined };
      return toPracticeSummary(practice, practice.authorId === user.id);
    });
    return { items, nextCursor };
  }

  private order(query: ListPracticesQuery): Keyset {
    if (query.status === 'draft') return ORDERS.drafts;
    if (query.sort === 'endorsed') return ORDERS.endorsed;
    if (query.sort === 'discussed') return ORDERS.discussed;
    return ORDERS.newest;
  }
}

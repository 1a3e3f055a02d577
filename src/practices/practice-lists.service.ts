import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import { decodeCursor, exactTimestamp, type Page, toPage } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { ListPracticesQuery } from './dto/list-practices.query.js';
import { type PracticeSummaryDto, toPracticeSummary } from './dto/practice.dto.js';
import { Practice } from './practice.entity.js';

/** The library: published case studies the caller may read (or their own drafts), filtered and sorted. */
@Injectable()
export class PracticeListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(user: AuthUser, query: ListPracticesQuery): Promise<Page<PracticeSummaryDto>> {
    const qb = this.dataSource
      .createQueryBuilder(Practice, 'p')
      .leftJoinAndSelect('p.author', 'author')
      .where('p.deleted_at IS NULL');
    if (query.status === 'draft') {
      qb.andWhere(
        `p.status = 'draft' AND (p.author_id = :me OR EXISTS (SELECT 1 FROM practice_coauthors pc WHERE pc.practice_id = p.id AND pc.user_id = :me))`,
        { me: user.id },
      );
    } else {
      const readable = this.access.readableCondition(user, 'p.collaborative_id');
      qb.andWhere(`p.status = 'published' AND (p.collaborative_id IS NULL OR ${readable.sql})`, readable.params);
      // Hidden ones stay listed only for their authors.
      qb.andWhere(`(p.hidden_at IS NULL OR p.author_id = :me)`, { me: user.id });
    }
    if (query.q) qb.andWhere(`p.search_vector @@ websearch_to_tsquery('english', :q)`, { q: query.q });
    if (query.theme) qb.andWhere(':theme = ANY(p.themes)', { theme: query.theme });
    if (query.sector) qb.andWhere(':sector = ANY(p.sectors)', { sector: query.sector });
    if (query.tag) qb.andWhere(':tag = ANY(p.tags)', { tag: query.tag });
    if (query.collaborativeId)
      qb.andWhere('p.collaborative_id = :collaborativeId', { collaborativeId: query.collaborativeId });
    if (query.author) {
      qb.andWhere(
        `(p.author_id = :author OR EXISTS (SELECT 1 FROM practice_coauthors pa WHERE pa.practice_id = p.id AND pa.user_id = :author))`,
        {
          author: query.author,
        },
      );
    }
    const { column, kind } = this.sortKey(query);
    qb.addSelect(kind === 'date' ? exactTimestamp(column) : `${column}::text`, 'sort_key')
      .orderBy(column, 'DESC', 'NULLS LAST')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1);
    if (query.cursor) {
      // A count travels as text; one that is not a whole number (a cursor from another sort, say) is refused, not cast by PostgreSQL.
      const [key, id] = decodeCursor(query.cursor, [kind === 'date' ? 'date' : 'count', 'uuid']);
      const cast = kind === 'date' ? 'timestamptz' : 'integer';
      qb.andWhere(`(${column}, p.id) < (CAST(:key AS ${cast}), :id)`, { key, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((practice, index) => ({ practice, sortKey: raw[index]!.sort_key }));
    return toPage(
      rows,
      query.limit,
      (row) => [row.sortKey, row.practice.id],
      (row) => toPracticeSummary(row.practice, row.practice.authorId === user.id),
    );
  }

  private sortKey(query: ListPracticesQuery): { column: string; kind: 'date' | 'number' } {
    if (query.status === 'draft') return { column: 'p.created_at', kind: 'date' };
    if (query.sort === 'endorsed') return { column: 'p.endorsement_count', kind: 'number' };
    if (query.sort === 'discussed') return { column: 'p.last_activity_at', kind: 'date' };
    return { column: 'p.published_at', kind: 'date' };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import type { Page } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { Keyset } from '../database/keyset.js';
import { readRows } from '../database/read-rows.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import type { SearchHitDto, SearchQueryDto } from './dto/search.dto.js';
import { SNIPPET_OPTIONS, START, STOP, TITLE_OPTIONS, toMarkedHtml } from './highlight.js';
import { snippetWithoutMarkdown } from './snippet-text.js';

/** Written out where it is used (not a CTE), so the planner sees the words and picks the GIN index. */
const QUERY = `websearch_to_tsquery('english', :q)`;

/** Best match first; ties by kind and id, so every hit has one place in the order. */
const BEST_FIRST = new Keyset([
  { sql: 'h.rank', kind: 'real' },
  { sql: 'h.type', kind: 'text' },
  { sql: 'h.id', kind: 'uuid' },
]);

interface HitRow {
  type: 'thread' | 'reply' | 'practice';
  id: string;
  thread_id: string | null;
  collaborative_id: string | null;
  author_id: string;
  created_at: Date;
  thread_title: string;
  title_headline: string;
  snippet: string;
  [key: string]: unknown;
}

/**
 * Full-text search over threads and replies the caller may read: weighted tsvectors
 * kept by triggers, GIN indexes, websearch_to_tsquery (quotes and -word work), ranked,
 * with highlighted snippets and authors read for the page's rows only, in one statement.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async search(user: AuthUser, query: SearchQueryDto): Promise<Page<SearchHitDto>> {
    const readable = this.access.readableCondition(user, 't.collaborative_id');
    const filters = [
      't.deleted_at IS NULL',
      // Hidden by moderators: out of search for everyone, so its words cannot be found.
      't.hidden_at IS NULL',
      readable.sql,
      ...(query.collaborativeId ? ['t.collaborative_id = :collaborativeId'] : []),
      ...(query.tag ? ['t.tags @> ARRAY[:tag]::text[]'] : []),
    ].join(' AND ');
    const wanted = (type: HitRow['type']) => query.type === 'all' || query.type === type;
    const branches = [
      wanted('thread') &&
        `SELECT 'thread' AS type, t.id, t.id AS thread_id, t.collaborative_id, t.author_id, t.created_at, ts_rank(t.search_vector, ${QUERY}) AS rank
           FROM threads t WHERE t.search_vector @@ ${QUERY} AND ${filters}`,
      // Replies are ranked and sorted before their threads are checked (the inner ORDER BY
      // also keeps PostgreSQL from folding them into the join), so the thread and access
      // check runs down to the page's last reply, not for each of a common word's thousands.
      wanted('reply') &&
        `SELECT 'reply' AS type, r.id, r.thread_id, t.collaborative_id, r.author_id, r.created_at, r.rank
           FROM (SELECT r.id, r.thread_id, r.author_id, r.created_at, ts_rank(r.search_vector, ${QUERY}) AS rank
                   FROM replies r WHERE r.search_vector @@ ${QUERY} AND r.deleted_at IS NULL AND r.hidden_at IS NULL
                  ORDER BY rank DESC, id DESC) r
           JOIN threads t ON t.id = r.thread_id
          WHERE ${filters}`,
      wanted('practice') && this.practiceBranch(user, query),
    ].filter((branch): branch is string => typeof branch === 'string');
    const authors = EntityRows.of(this.dataSource, User, 'a', PUBLIC_PROFILE_FIELDS);
    const after = BEST_FIRST.after(query.cursor);
    const order = BEST_FIRST.orderSql;
    // Each kind's own best page, then the best of those: a page can hold no more of a kind
    // than that kind's page, and the limit inside lets a kind stop early.
    const bestOf = (branch: string) =>
      `(SELECT h.* FROM (${branch}) h ${after ? `WHERE ${after.sql}` : ''} ORDER BY ${order} LIMIT :limit)`;
    const sql = `
      WITH page AS (
        SELECT h.*, ${BEST_FIRST.selectSql} FROM (${branches.map(bestOf).join(' UNION ALL ')}) h
         ORDER BY ${order} LIMIT :limit
      )
      SELECT h.*, ${authors.select}, COALESCE(t.title, p.title) AS thread_title,
             CASE WHEN h.type = 'reply' THEN t.title
                  ELSE ts_headline('english', translate(COALESCE(t.title, p.title), :markers, ''), ${QUERY}, :titleOptions) END AS title_headline,
             ts_headline('english', translate(COALESCE(r.body, t.body, p.summary || ' ' || p.challenge || ' ' || p.approach || ' ' || p.outcomes || ' ' || p.lessons), :markers, ''), ${QUERY}, :snippetOptions) AS snippet
        FROM page h LEFT JOIN threads t ON t.id = h.thread_id LEFT JOIN replies r ON h.type = 'reply' AND r.id = h.id
             LEFT JOIN practices p ON h.type = 'practice' AND p.id = h.id
             JOIN users a ON a.id = h.author_id
       ORDER BY ${order}`;
    const params = {
      ...readable.params,
      ...this.access.readableCondition(user, 'p.collaborative_id').params,
      ...after?.params,
      q: query.q,
      collaborativeId: query.collaborativeId,
      tag: query.tag,
      limit: query.limit + 1,
      markers: START + STOP,
      titleOptions: TITLE_OPTIONS,
      snippetOptions: SNIPPET_OPTIONS,
    };
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const page = BEST_FIRST.pageOf(await readRows<HitRow>(this.dataSource, text, values), query.limit);
    return {
      items: page.rows.map((row) => ({
        type: row.type,
        id: row.id,
        threadId: row.thread_id,
        collaborativeId: row.collaborative_id,
        threadTitle: row.thread_title,
        titleHtml: toMarkedHtml(row.title_headline),
        snippetHtml: toMarkedHtml(snippetWithoutMarkdown(row.snippet)),
        author: toPublicProfile(authors.from(row)!),
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Published case studies the caller may read (those in no collaborative, everyone). */
  private practiceBranch(user: AuthUser, query: SearchQueryDto): string {
    const readable = this.access.readableCondition(user, 'p.collaborative_id');
    const filters = [
      `p.status = 'published'`,
      'p.deleted_at IS NULL',
      'p.hidden_at IS NULL',
      `(p.collaborative_id IS NULL OR ${readable.sql})`,
      ...(query.collaborativeId ? ['p.collaborative_id = :collaborativeId'] : []),
      ...(query.tag ? ['p.tags @> ARRAY[:tag]::text[]'] : []),
    ].join(' AND ');
    return `SELECT 'practice' AS type, p.id, NULL::uuid AS thread_id, p.collaborative_id, p.author_id, p.published_at AS created_at, ts_rank(p.search_vector, ${QUERY}) AS rank
              FROM practices p WHERE p.search_vector @@ ${QUERY} AND ${filters}`;
  }
}

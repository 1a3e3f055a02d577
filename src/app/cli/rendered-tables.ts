import type { EntityManager } from 'typeorm';

import {
  type RenderedTable,
  type RerenderOptions,
  type RerenderProgress,
  rerenderTable,
} from '../../content/rerender-bodies.js';
import { SECTIONS } from '../../practices/practice.entity.js';

const byId = [{ column: 'id', type: 'uuid' }] as const;
const post = [{ markdown: 'body', html: 'body_html', excerpt: 'excerpt', mentions: 'mentions' }] as const;
const revisionOf = (postColumn: string) => [
  { column: postColumn, type: 'uuid' as const },
  { column: 'number', type: 'integer' as const },
];

/** Every table that stores Markdown beside what was rendered from it. */
export const RENDERED_TABLES: readonly RenderedTable[] = [
  { table: 'threads', key: byId, columns: post },
  { table: 'replies', key: byId, columns: post },
  { table: 'practice_comments', key: byId, columns: post },
  {
    table: 'practices',
    key: byId,
    columns: SECTIONS.map((section) => ({
      markdown: section,
      html: `${section}_html`,
    })),
  },
  { table: 'collaboratives', key: byId, columns: [{ markdown: 'description', html: 'description_html' }] },
  { table: 'thread_revisions', key: revisionOf('thread_id'), columns: [{ markdown: 'body', html: 'body_html' }] },
  { table: 'reply_revisions', key: revisionOf('reply_id'), columns: [{ markdown: 'body', html: 'body_html' }] },
];

/**
 * Renders all stored Markdown again (after the renderer or its sanitiser changed), one table
 * after another, and answers what each table came to.
 */
export async function rerenderContent(manager: EntityManager, options: RerenderOptions): Promise<RerenderProgress[]> {
  const outcomes: RerenderProgress[] = [];
  for (const table of RENDERED_TABLES) outcomes.push(await rerenderTable(manager, table, options));
  return outcomes;
}

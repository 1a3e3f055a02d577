import type { DataSource } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { Keyset } from '../database/keyset.js';
import { User } from '../users/user.entity.js';

const NEWEST_FIRST = new Keyset([{ sql: 'v.number', kind: 'int' }]);

/** The history a reader gets of what they may not see in full (hidden content, for those who are not its authors or moderators). */
export const NO_REVISIONS: Page<never> = { items: [], nextCursor: null };

/**
 * One page of a post's earlier versions, newest first, each with its editor: threads,
 * replies, case studies and comments keep their histories alike (`table` aliased `v`).
 */
export async function revisionPage<Revision extends { editor?: User | null }, Dto>(
  dataSource: DataSource,
  revisionsOf: { entity: new () => Revision; table: string; postColumn: string; postId: string },
  page: PageQueryDto,
  toDto: (revision: Revision) => Dto,
): Promise<Page<Dto>> {
  const revisions = EntityRows.of(dataSource, revisionsOf.entity, 'v');
  const editors = EntityRows.of(dataSource, User, 'a');
  const { rows, nextCursor } = await NEWEST_FIRST.fetchRows(
    dataSource,
    {
      select: `${revisions.select}, ${editors.select}`,
      from: `${revisionsOf.table} v JOIN users a ON a.id = v.editor_id`,
      where: `v.${revisionsOf.postColumn} = :postId`,
      params: { postId: revisionsOf.postId },
    },
    page,
  );
  return { items: rows.map((row) => toDto({ ...revisions.from(row)!, editor: editors.from(row)! })), nextCursor };
}

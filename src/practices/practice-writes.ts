import type { EntityManager } from 'typeorm';

import { renderMarkdown } from '../common/markdown.js';
import type { UpdatePracticeDto } from './dto/write-practice.dto.js';
import { type Practice, SECTIONS } from './practice.entity.js';

/** Content fields and, for each Markdown section, its rendered HTML: worked out before the write's transaction. */
export function contentChanges(dto: UpdatePracticeDto): Partial<Practice> {
  const { coAuthorIds: _coAuthors, ...fields } = dto;
  const changes: Partial<Practice> = { ...fields } as Partial<Practice>;
  for (const section of SECTIONS) {
    const markdown = dto[section];
    if (markdown !== undefined) (changes as Record<string, string>)[`${section}Html`] = renderMarkdown(markdown);
  }
  return changes;
}

/** Replaces the co-author list (never including the author). */
export async function setCoAuthors(
  manager: EntityManager,
  practiceId: string,
  authorId: string,
  coAuthorIds: string[],
): Promise<void> {
  await manager.query(`DELETE FROM practice_coauthors WHERE practice_id = $1`, [practiceId]);
  const others = coAuthorIds.filter((id) => id !== authorId);
  if (others.length > 0) {
    await manager.query(`INSERT INTO practice_coauthors (practice_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      practiceId,
      others,
    ]);
  }
}

/** A deleted case study keeps its place but not its history, as a deleted thread does. */
export async function forgetPracticeRevisions(manager: EntityManager, practiceId: string): Promise<void> {
  await manager.query(`DELETE FROM practice_revisions WHERE practice_id = $1`, [practiceId]);
}

/** The editable fields, as a revision keeps them. */
const SNAPSHOT_FIELDS = [
  'title',
  'summary',
  'challenge',
  'approach',
  'outcomes',
  'lessons',
  'outcomeMeasures',
  'sectors',
  'themes',
  'tags',
  'organisations',
  'contact',
] as const satisfies ReadonlyArray<keyof Practice>;

/** The editable fields as they are now, kept as a revision before an edit. */
export function snapshot(practice: Practice): Record<string, unknown> {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, practice[field]]));
}

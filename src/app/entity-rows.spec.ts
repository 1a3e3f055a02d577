import { describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { EntityRows } from '../database/entity-rows.js';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy.js';
import { EventRecord } from '../events/event.entity.js';
import { PRACTICE_SUMMARY_FIELDS } from '../practices/dto/practice.dto.js';
import { Practice } from '../practices/practice.entity.js';
import {
  PracticeComment,
  PracticeCommentRevision,
  PracticeEndorsement,
  PracticeRevision,
} from '../practices/practice-relations.entities.js';
import { Reply } from '../threads/reply.entity.js';
import { ReplyRevision, ThreadRevision } from '../threads/revision.entities.js';
import { Thread } from '../threads/thread.entity.js';
import { User } from '../users/user.entity.js';
import { ENTITIES } from './entities.js';

/** Entity metadata as the forum builds it, without connecting to a database. */
async function metadataOnly(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
  });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

describe('EntityRows', () => {
  test('selects every column, relation ids included, and maps a row back to the entity', async () => {
    const threads = EntityRows.of(await metadataOnly(), Thread, 't');
    expect(threads.select).toContain('t.author_id AS t__author_id');
    expect(threads.select).toContain('t.collaborative_id AS t__collaborative_id');
    const thread = threads.from({ t__id: 'thread-1', t__author_id: 'user-1', t__is_pinned: true, t__hidden_at: null });
    expect(thread).toMatchObject({ id: 'thread-1', authorId: 'user-1', isPinned: true, hiddenAt: null });
  });

  test('leaves out columns the entity never selects, and answers null for a LEFT JOIN that found nothing', async () => {
    const users = EntityRows.of(await metadataOnly(), User, 'a');
    expect(users.select).not.toContain('password_hash');
    expect(users.from({ a__id: null, a__handle: null })).toBeNull();
  });

  test('with a field list, reads only those columns and the primary key, and refuses a field the entity cannot select', async () => {
    const dataSource = await metadataOnly();
    const authors = EntityRows.of(dataSource, User, 'a', ['displayName', 'createdAt']);
    expect(authors.select).toBe('a.id AS a__id, a.display_name AS a__display_name, a.created_at AS a__created_at');
    expect(authors.from({ a__id: 'user-1', a__display_name: 'Ada', a__created_at: null })).toEqual({
      id: 'user-1',
      displayName: 'Ada',
      createdAt: null,
    });
    expect(EntityRows.of(dataSource, User, 'a').select).toContain('a.email AS a__email');
    expect(() => EntityRows.of(dataSource, User, 'b', ['passwordHash'])).toThrow(
      /User has no selectable column passwordHash/,
    );
  });

  test('a case study list reads its summary columns only, never the sections', async () => {
    const summaries = EntityRows.of(await metadataOnly(), Practice, 'p', PRACTICE_SUMMARY_FIELDS);
    expect(summaries.select).toContain('p.outcome_measures AS p__outcome_measures');
    expect(summaries.select).not.toMatch(/challenge|approach|outcomes\b|lessons|organisations|contact/);
  });

  test('accepts every entity the hot reads map, and refuses one with a column pg would not parse as the entity holds it', async () => {
    const dataSource = await metadataOnly();
    for (const entity of [
      Thread,
      Reply,
      User,
      Collaborative,
      ThreadRevision,
      ReplyRevision,
      PracticeRevision,
      PracticeCommentRevision,
      Practice,
      PracticeComment,
      PracticeEndorsement,
    ])
      expect(EntityRows.of(dataSource, entity, 'x').select).toMatch(/^x\./);
    expect(() => EntityRows.of(dataSource, EventRecord, 'e')).toThrow(/EventRecord\.id \(bigint\)/);
  });
});

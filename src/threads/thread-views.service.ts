import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { Thread } from './thread.entity.js';
import { rowsOf } from './thread-writes.js';

/**
 * Views are distinct signed-in readers other than the author. A reader's first visit
 * writes one row and bumps the counter in the same statement; every later visit is an
 * index probe that writes nothing (ON CONFLICT DO NOTHING checks before inserting).
 * So popular threads are not rewritten on every read, the count survives restarts and
 * several instances, and reloading a page does not inflate it.
 */
@Injectable()
export class ThreadViewsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts the caller's view if it is their first; returns the thread's view count. */
  async record(user: AuthUser, thread: Thread): Promise<number> {
    if (thread.authorId === user.id || thread.deletedAt) return thread.viewCount;
    const [counted] = await rowsOf<{ view_count: number }>(
      this.dataSource.manager,
      `WITH first_view AS (
         INSERT INTO thread_views (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING thread_id
       )
       UPDATE threads SET view_count = view_count + 1 WHERE id IN (SELECT thread_id FROM first_view) RETURNING view_count`,
      [thread.id, user.id],
    );
    return counted?.view_count ?? thread.viewCount;
  }
}

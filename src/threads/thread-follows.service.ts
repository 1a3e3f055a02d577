import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AuthUser } from '../identity/auth-user.js';
import { ThreadAccess } from './thread-access.js';

/** Following one thread: its new replies notify you (idempotent both ways). */
@Injectable()
export class ThreadFollowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadAccess,
  ) {}

  async follow(user: AuthUser, threadId: string): Promise<void> {
    await this.guard.read(user, threadId);
    await this.dataSource.query(
      `INSERT INTO thread_follows (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [threadId, user.id],
    );
  }

  async unfollow(user: AuthUser, threadId: string): Promise<void> {
    await this.guard.read(user, threadId);
    await this.dataSource.query(`DELETE FROM thread_follows WHERE thread_id = $1 AND user_id = $2`, [
      threadId,
      user.id,
    ]);
  }

  async follows(user: AuthUser, threadId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM thread_follows WHERE thread_id = $1 AND user_id = $2`, [
      threadId,
      user.id,
    ]);
    return rows.length > 0;
  }
}

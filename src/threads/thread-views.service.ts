import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { readRows } from '../database/read-rows.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Thread } from './thread.entity.js';
import { type ViewerStateRow, viewerStateSql } from './viewer-state.js';

/** The reader's relation to a thread, read as they open it. */
export interface ViewerState {
  viewCount: number;
  voted: boolean;
  followsCollaborative: boolean;
  followsThread: boolean;
}

/** Opens a thread for a reader: counts a first view (see viewer-state.ts) and reads their vote and follows. */
@Injectable()
export class ThreadViewsService {
  constructor(private readonly dataSource: DataSource) {}

  async open(user: AuthUser, thread: Thread, countView: boolean): Promise<ViewerState> {
    // The author's own visits and deleted threads are never counted.
    const counts = countView && thread.authorId !== user.id && !thread.deletedAt;
    // On the pool like the other reads of a thread: one autocommitted statement, so a first view's row and count commit together.
    const [state] = await readRows<ViewerStateRow>(this.dataSource, viewerStateSql(counts), [
      thread.id,
      user.id,
      thread.collaborativeId,
    ]);
    return {
      viewCount: state!.view_count ?? thread.viewCount,
      voted: state!.voted,
      followsCollaborative: state!.follows,
      followsThread: state!.following,
    };
  }
}

import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AuthUser } from '../identity/auth-user.js';
import { AccessService } from './access.service.js';
import type { FollowLevel } from './follow.entity.js';
import { addFollow, removeFollow } from './membership-writes.js';

/** Following a collaborative: idempotent, with an exact follower count. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async follow(caller: AuthUser, collaborativeId: string): Promise<void> {
    const access = await this.access.lookup(caller, collaborativeId);
    if (!access) throw new NotFoundException('No collaborative with this id.');
    // Members-only collaboratives are listed in the directory, so saying why is no leak.
    if (!access.canRead)
      throw new ForbiddenException('Only members can follow this collaborative. Ask to join it first.');
    await this.dataSource.transaction((manager) => addFollow(manager, collaborativeId, caller.id));
  }

  /** How much a follow notifies: every new post, only questions and practices, or nothing. */
  async setLevel(caller: AuthUser, collaborativeId: string, level: FollowLevel): Promise<void> {
    const [, updated] = await this.dataSource.query(
      `UPDATE collaborative_follows SET level = $3 WHERE collaborative_id = $1 AND user_id = $2`,
      [collaborativeId, caller.id, level],
    );
    if (updated === 0) throw new NotFoundException('You do not follow this collaborative. Follow it first.');
  }

  async unfollow(caller: AuthUser, collaborativeId: string): Promise<void> {
    const access = await this.access.lookup(caller, collaborativeId);
    if (!access) throw new NotFoundException('No collaborative with this id.');
    await this.dataSource.transaction((manager) => removeFollow(manager, collaborativeId, caller.id));
  }
}

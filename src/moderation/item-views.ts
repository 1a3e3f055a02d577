import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ContentType } from '../content/content-writes.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type CommentDto, toCommentDto } from '../practices/dto/comment.dto.js';
import type { PracticeDetailDto } from '../practices/dto/practice.dto.js';
import { PracticeComment } from '../practices/practice-relations.entities.js';
import { PracticesService } from '../practices/practices.service.js';
import type { ReplyViewDto } from '../threads/dto/reply.dto.js';
import type { ThreadDetailDto } from '../threads/dto/thread.dto.js';
import { RepliesService } from '../threads/replies.service.js';
import { ThreadsService } from '../threads/threads.service.js';

export type ItemView = ThreadDetailDto | ReplyViewDto | PracticeDetailDto | CommentDto;

/** The changed item as the moderator who changed it sees it, through its own module's view. */
@Injectable()
export class ItemViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadsService,
    private readonly replies: RepliesService,
    private readonly practices: PracticesService,
  ) {}

  async of(user: AuthUser, type: ContentType, id: string): Promise<ItemView> {
    if (type === 'thread') return this.threads.show(user, id, { countView: false });
    if (type === 'reply') return this.replies.show(user, id);
    if (type === 'practice') return this.practices.show(user, id, false);
    const comment = await this.dataSource
      .getRepository(PracticeComment)
      .findOneOrFail({ where: { id }, relations: { author: true } });
    // Only moderators reach here, and moderators see hidden comments.
    return toCommentDto(comment, true);
  }
}

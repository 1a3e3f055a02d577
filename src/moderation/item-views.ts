import { Injectable } from '@nestjs/common';

import { ContentKinds, type ContentType } from '../content/content-kinds.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { CommentDto } from '../practices/dto/comment.dto.js';
import type { PracticeDetailDto } from '../practices/dto/practice.dto.js';
import type { ReplyViewDto } from '../threads/dto/reply.dto.js';
import type { ThreadDetailDto } from '../threads/dto/thread.dto.js';

export type ItemView = ThreadDetailDto | ReplyViewDto | PracticeDetailDto | CommentDto;

/** The changed item as the moderator who changed it sees it, through its own module's view. */
@Injectable()
export class ItemViews {
  constructor(private readonly kinds: ContentKinds) {}

  async of(user: AuthUser, type: ContentType, id: string): Promise<ItemView> {
    return (await this.kinds.of(type).view(user, id)) as ItemView;
  }
}

import { BadRequestException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

import type { AuthUser } from '../identity/auth-user.js';
import type { ThreadDetailDto } from '../threads/dto/thread.dto.js';
import { CreateThreadDto } from '../threads/dto/write-thread.dto.js';
import { ThreadsService } from '../threads/threads.service.js';
import type { AskAuthorsDto } from './dto/comment.dto.js';
import { PracticeAccess } from './practice-access.js';
import { requireMayRespond } from './practice-rules.js';

/**
 * "Ask the authors": a question thread in the case study's collaborative (or one the
 * asker chooses), linked both ways, so the follow-up happens where peers see it.
 */
@Injectable()
export class PracticeQuestionsService {
  constructor(
    private readonly loader: PracticeAccess,
    private readonly threads: ThreadsService,
  ) {}

  async ask(user: AuthUser, practiceId: string, dto: AskAuthorsDto): Promise<ThreadDetailDto> {
    const found = await this.loader.read(user, practiceId);
    requireMayRespond(found);
    const { practice } = found;
    const collaborativeId = dto.collaborativeId ?? practice.collaborativeId;
    if (!collaborativeId) {
      throw new BadRequestException(
        'This case study belongs to no collaborative: choose one to ask in (collaborativeId).',
      );
    }
    const body = `${dto.body}\n\n---\nAbout the case study [${practice.title.replace(/[[\]]/g, '')}](/practices/${practice.id}).`;
    const question = plainToInstance(CreateThreadDto, {
      title: dto.title,
      body,
      kind: 'question',
      tags: ['case-study'],
    });
    return this.threads.ask(user, collaborativeId, question, async (manager, threadId) => {
      await manager.query(`INSERT INTO practice_questions (practice_id, thread_id) VALUES ($1, $2)`, [
        practiceId,
        threadId,
      ]);
    });
  }
}

import type { CommentDto } from './dto/comment.dto.js';
import type { PracticeDto } from './dto/practice.dto.js';

/** The events this feature appends, added to the one typed map (see events/domain-events.ts). */
declare module '../events/domain-events.js' {
  interface DomainEventMap {
    'practice.published': PracticeDto;
    'practice.updated': PracticeDto;
    'practice.deleted': { practiceId: string; collaborativeId: string | null };
    'comment.created': CommentDto;
    'comment.updated': CommentDto;
    'comment.deleted': { commentId: string; practiceId: string };
    'endorsements.changed': { practiceId: string; endorsementCount: number };
    'practice.hidden': PracticeDto;
    'practice.restored': PracticeDto;
    'comment.hidden': CommentDto;
    'comment.restored': CommentDto;
  }
}

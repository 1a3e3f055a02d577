import type { Deleted } from '../events/domain-events.js';
import type { CommentDto } from './dto/comment.dto.js';
import type { PracticeDto } from './dto/practice.dto.js';

/**
 * The events this feature appends, added to the one typed map (see events/domain-events.ts).
 * `| Deleted`: content/redaction.ts rewrites stored copies of deleted content (each kind's storedEvents).
 */
declare module '../events/domain-events.js' {
  interface DomainEventMap {
    'practice.published': PracticeDto | Deleted;
    'practice.updated': PracticeDto | Deleted;
    'practice.deleted': { practiceId: string; collaborativeId: string | null };
    'comment.created': CommentDto | Deleted;
    'comment.updated': CommentDto | Deleted;
    'comment.deleted': { commentId: string; practiceId: string };
    'endorsements.changed': { practiceId: string; endorsementCount: number };
    'practice.hidden': PracticeDto | Deleted;
    'practice.restored': PracticeDto | Deleted;
    'comment.hidden': CommentDto | Deleted;
    'comment.restored': CommentDto | Deleted;
  }
}

import { ConflictException, ForbiddenException } from '@nestjs/common';

import { type FieldError, ValidationProblem } from '../common/problem-details.js';
import {
  type ContentShape,
  isAuthor,
  mayDelete,
  mayEdit,
  requireLive,
  requireMayDelete,
  requireMayEdit,
  requireOpenCollaborative,
  seesHidden,
} from '../content/content-rules.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Practice } from './practice.entity.js';
import type { CommentInContext, PracticeInContext } from './practice-access.js';

/**
 * The rules that depend on a case study or comment, one per question: `may…` answers for
 * the client (`viewer` flags), `require…` refuses with the status and reason. The shared
 * ones (edit, delete, live, archived) are content/content-rules.ts's, so case studies and
 * comments answer as threads and replies do. Whether the caller may see the case study at
 * all is PracticeAccess's.
 */

/** A case study as the shared rules see it: its co-authors may do all its first author may. */
const practiceShape = ({ practice, coAuthorIds }: PracticeInContext): ContentShape => ({
  authorId: practice.authorId,
  deletedAt: practice.deletedAt,
  coAuthorIds,
});

export const isPracticeAuthor = (user: AuthUser, found: PracticeInContext) => isAuthor(user, practiceShape(found));

export const seesHiddenPractice = (user: AuthUser, found: PracticeInContext) =>
  seesHidden(user, practiceShape(found), found.access);

export const mayEditPractice = (user: AuthUser, found: PracticeInContext) =>
  mayEdit(user, practiceShape(found), found.access);

/** Its authors edit and publish it (403), while it is live (409) in an open collaborative (409). */
export function requireMayEditPractice(user: AuthUser, found: PracticeInContext): void {
  requireMayEdit(user, practiceShape(found), found.access, 'case study');
}

export const mayDeletePractice = (user: AuthUser, found: PracticeInContext) =>
  mayDelete(user, practiceShape(found), found.access);

export function requireMayDeletePractice(user: AuthUser, found: PracticeInContext): void {
  requireMayDelete(user, practiceShape(found), found.access, 'case study');
}

/** Publishing needs every part a reader relies on; each missing one is named. */
export function requireComplete(practice: Practice): void {
  const missing: FieldError[] = [];
  for (const field of ['summary', 'challenge', 'approach', 'outcomes', 'lessons'] as const) {
    if (!practice[field].trim()) missing.push({ field, message: `${field} is needed before publishing` });
  }
  if (practice.themes.length === 0)
    missing.push({ field: 'themes', message: 'at least one theme is needed before publishing' });
  if (missing.length > 0) throw new ValidationProblem(missing);
}

/**
 * Open for responses (comments, endorsements, questions to the authors): published, live,
 * not hidden, in an open collaborative (or none) the caller may post in. Site staff read
 * members-only collaboratives to moderate them, not to take part.
 */
export function mayRespond(found: PracticeInContext): boolean {
  const { practice, access } = found;
  return (
    practice.status === 'published' &&
    !practice.deletedAt &&
    !practice.hiddenAt &&
    !access.collaborative?.archivedAt &&
    access.canPost
  );
}

/** Why it takes no responses, in the order threads refuse replies: deleted, hidden, archived (409), not a member (403). */
export function requireMayRespond(found: PracticeInContext): void {
  const { practice, access } = found;
  // Only its authors can see a draft at all; the others were told 404 by PracticeAccess.
  if (practice.status !== 'published')
    throw new ConflictException('This case study is a draft: publish it before it takes responses.');
  requireLive(practice, 'case study');
  if (practice.hiddenAt)
    throw new ConflictException(
      'This case study is hidden by moderators pending review: it takes no responses until it is restored.',
    );
  requireOpenCollaborative(access);
  if (!access.canPost)
    throw new ForbiddenException(
      'Only members of this collaborative can respond to its case studies. Ask to join first.',
    );
}

export const mayEndorse = (user: AuthUser, found: PracticeInContext) =>
  mayRespond(found) && !isPracticeAuthor(user, found);

/** ... and never one's own. */
export function requireMayEndorse(user: AuthUser, found: PracticeInContext): void {
  requireMayRespond(found);
  if (isPracticeAuthor(user, found)) throw new ForbiddenException('You cannot endorse your own case study.');
}

/**
 * Withdrawing one's endorsement: anyone who reads the case study (it is idempotent), while
 * its collaborative is open; as for taking back a vote, even once it is deleted.
 */
export function requireMayWithdraw(found: PracticeInContext): void {
  requireOpenCollaborative(found.access);
}

export const seesHiddenComment = (user: AuthUser, found: CommentInContext) =>
  seesHidden(user, found.comment, found.access);

/** Its author edits it (403), while it is live (409) in an open collaborative (409). */
export function requireMayEditComment(user: AuthUser, found: CommentInContext): void {
  requireMayEdit(user, found.comment, found.access, 'comment');
}

export function requireMayDeleteComment(user: AuthUser, found: CommentInContext): void {
  requireMayDelete(user, found.comment, found.access, 'comment');
}

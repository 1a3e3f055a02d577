import type { AuthUser } from '../identity/auth-user.js';
import { ArchivedCollaborative, ContentDeleted, type ContentName, NotYours } from './content-errors.js';

/**
 * The rules every kind of content shares, one per question: `may…` answers for the client
 * (`viewer` flags), `require…` refuses with the typed error of content-errors.ts. Whether
 * the caller may see the content at all is the feature's loader's (with AccessService).
 * Rules that only one kind has (a locked thread, an accepted answer, publishing) stay in
 * that feature's rules file.
 */

/** What the rules read of a piece of content: whose it is and whether it is live. */
export interface ContentShape {
  authorId: string;
  deletedAt: Date | null;
  /** A case study's co-authors, who may do all that its first author may. */
  coAuthorIds?: readonly string[];
}

/**
 * What they read of the caller's access where the content lives. A `CollaborativeAccess`
 * fits; a case study in no collaborative has `collaborative: null` (never archived).
 */
export interface ContentAccess {
  collaborative: { archivedAt: Date | null } | null;
  canModerate: boolean;
}

export const isArchived = (access: ContentAccess) => Boolean(access.collaborative?.archivedAt);

export const isAuthor = (user: AuthUser, content: ContentShape) =>
  content.authorId === user.id || (content.coAuthorIds?.includes(user.id) ?? false);

export function requireOpenCollaborative(access: ContentAccess): void {
  if (isArchived(access)) throw new ArchivedCollaborative();
}

export function requireLive(content: ContentShape, what: ContentName): void {
  if (content.deletedAt) throw new ContentDeleted(what);
}

/** Hidden content shows in full to its author and to those who moderate it; everyone else sees the notice. */
export function seesHidden(user: AuthUser, content: ContentShape, access: ContentAccess): boolean {
  return isAuthor(user, content) || access.canModerate;
}

export function mayEdit(user: AuthUser, content: ContentShape, access: ContentAccess): boolean {
  return isAuthor(user, content) && !content.deletedAt && !isArchived(access);
}

/** Only the author edits (403), and only live content (409) in an open collaborative (409). */
export function requireMayEdit(user: AuthUser, content: ContentShape, access: ContentAccess, what: ContentName): void {
  if (!isAuthor(user, content)) throw NotYours.toEdit(what);
  requireLive(content, what);
  requireOpenCollaborative(access);
}

/**
 * The author, while the collaborative is open. Moderators delete with a reason instead
 * (`POST .../delete`), so it is audited and the author told why.
 */
export function mayDelete(user: AuthUser, content: ContentShape, access: ContentAccess): boolean {
  return !content.deletedAt && isAuthor(user, content) && !isArchived(access);
}

/** Deleting what is already deleted changes nothing (204), so a double click is harmless. */
export function requireMayDelete(
  user: AuthUser,
  content: ContentShape,
  access: ContentAccess,
  what: ContentName,
): void {
  if (!isAuthor(user, content)) throw NotYours.toDelete(what, access.canModerate);
  requireOpenCollaborative(access);
}

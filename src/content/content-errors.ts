import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';

export { ArchivedCollaborative } from '../collaboratives/archived-collaborative.js';

/**
 * The refusals every kind of content shares, one class per condition, each with one status
 * and one pattern of words (docs/conventions.md has the table):
 *
 * | Condition                                              | Status | Class                   |
 * | ------------------------------------------------------ | ------ | ----------------------- |
 * | missing, or where the caller may not read (or a draft) | 404    | `NotFoundContent`       |
 * | someone else's, to edit or delete                      | 403    | `NotYours`              |
 * | deleted, on any write                                  | 409    | `ContentDeleted`        |
 * | its collaborative is archived, on any write            | 409    | `ArchivedCollaborative` |
 *
 * Checked in that order, so a reader who may not see something learns nothing more about it.
 */

/** What people call each kind of content in a message. */
export type ContentName = 'thread' | 'reply' | 'case study' | 'comment';

/** Hidden and missing answer alike: the same status and the same words. */
export class NotFoundContent extends NotFoundException {
  constructor(what: ContentName) {
    super(`No ${what} with this id.`);
  }
}

/** 403 with what only the author may do; `detail` says who may, and how. */
export class NotYours extends ForbiddenException {
  constructor(detail: string) {
    super(detail);
  }

  static toEdit(what: ContentName): NotYours {
    return new NotYours(`Only ${what === 'case study' ? 'its authors' : 'the author'} can edit this ${what}.`);
  }

  /** Moderators are sent to the route that takes a reason, so their deletions are audited. */
  static toDelete(what: ContentName, canModerate: boolean): NotYours {
    if (!canModerate) return new NotYours(`Only ${owners(what)} can delete this ${what}.`);
    return new NotYours(
      `Only ${owners(what)} ${what === 'case study' ? 'delete' : 'deletes'} this ${what} here. As a moderator, delete it with a reason (POST /api/${PATHS[what]}/{id}/delete with { "reason" }), which is audited and sent to its author.`,
    );
  }
}

/** 409: a tombstone takes no edits, comments or endorsements. */
export class ContentDeleted extends ConflictException {
  constructor(what: ContentName) {
    super(`This ${what} was deleted, so it can no longer be changed or responded to.`);
  }
}

const PATHS: Record<ContentName, string> = {
  thread: 'threads',
  reply: 'replies',
  'case study': 'practices',
  comment: 'comments',
};

/** A case study has co-authors, so "its authors"; everything else has one. */
const owners = (what: ContentName) => (what === 'case study' ? 'its authors' : 'its author');

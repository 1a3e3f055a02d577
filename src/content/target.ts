/** What can be reported or moderated: the four kinds of content, and a person's profile. */
export const TARGET_TYPES = ['thread', 'reply', 'practice', 'comment', 'user'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** Anything people can report or moderators act on, with where it lives and whose it is. */
export interface Target {
  type: TargetType;
  id: string;
  collaborativeId: string | null;
  authorId: string | null;
  threadId: string | null;
  practiceId: string | null;
  hiddenAt: Date | null;
  hiddenById: string | null;
  deletedAt: Date | null;
  /** For drafts of case studies: only their authors may see them. */
  draftAuthorIds: string[] | null;
  /** What a moderator reviews: title and body (or a profile's name and bio). */
  content: Record<string, unknown>;
}

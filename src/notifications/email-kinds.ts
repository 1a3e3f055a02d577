/**
 * What a person may choose to be emailed about, and how. Each kind gathers notification
 * types a person would turn on or off together. Moderators' notices about one's own content
 * or account are not a kind: they are account mail, always sent.
 */
export const EMAIL_KINDS = [
  'replies',
  'mentions',
  'accepted-answers',
  'followed-collaboratives',
  'join-requests',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_FREQUENCIES = ['immediate', 'digest', 'never'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

/**
 * The defaults, for a busy director who lives in Outlook: what answers them or asks for them
 * comes at once (replies to their questions and threads they follow, @mentions, their answer
 * accepted, the outcome of their request to join); what is new where they merely follow
 * waits for the weekly digest.
 */
export const DEFAULT_EMAIL_FREQUENCIES: Readonly<Record<EmailKind, EmailFrequency>> = {
  replies: 'immediate',
  mentions: 'immediate',
  'accepted-answers': 'immediate',
  'followed-collaboratives': 'digest',
  'join-requests': 'immediate',
};

/** The email kind of each notification type; `moderation` is account mail, so absent. */
export const EMAIL_KIND_OF_NOTIFICATION: Readonly<Record<string, EmailKind>> = {
  reply: 'replies',
  comment: 'replies',
  mention: 'mentions',
  'answer-accepted': 'accepted-answers',
  'new-thread': 'followed-collaboratives',
  'new-practice': 'followed-collaboratives',
  'join-request': 'join-requests',
};

/** Notification types emailed as account mail: always, at once, without an unsubscribe link. */
export const ACCOUNT_NOTIFICATION_TYPES: readonly string[] = ['moderation'];

/** What each kind covers, in words for people (the preferences page and the unsubscribe page). */
export const EMAIL_KIND_LABELS: Readonly<Record<EmailKind, string>> = {
  replies: 'Replies to your questions, threads you follow and comments on your case studies',
  mentions: 'When someone @mentions you',
  'accepted-answers': 'When your reply is accepted as the answer',
  'followed-collaboratives': 'New threads and case studies in collaboratives you follow',
  'join-requests': 'The outcome of your requests to join a collaborative',
};

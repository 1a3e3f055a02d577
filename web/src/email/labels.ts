import type { components } from '../api/schema';

export type EmailPreferences = components['schemas']['EmailPreferencesDto'];
export type EmailKind = keyof EmailPreferences;
export type EmailFrequency = EmailPreferences[EmailKind];

/** The kinds in the order the page asks about them, each with its question. */
export const EMAIL_KINDS: ReadonlyArray<{ kind: EmailKind; legend: string }> = [
  { kind: 'replies', legend: 'Replies to your questions, threads you follow and comments on your case studies' },
  { kind: 'mentions', legend: 'When someone @mentions you' },
  { kind: 'accepted-answers', legend: 'When your reply is accepted as the answer' },
  { kind: 'followed-collaboratives', legend: 'New threads and case studies in collaboratives you follow' },
  { kind: 'join-requests', legend: 'The outcome of your requests to join a collaborative' },
];

export const FREQUENCY_LABELS: Readonly<Record<EmailFrequency, string>> = {
  immediate: 'Email me straight away',
  digest: 'Include it in my digest email',
  never: 'Do not email me about this',
};

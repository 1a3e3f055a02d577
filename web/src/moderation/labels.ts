import type { ReportReason, ReportTarget, ResolveAction } from '../api/types';

// Records over the generated unions: a reason or action added to the API fails the type check here.
export const REASON_LABELS: Record<ReportReason, { label: string; hint: string }> = {
  'patient-identifiable-data': {
    label: 'Patient-identifiable data',
    hint: 'Names, NHS numbers or details that could identify a patient. It is hidden at once until a moderator looks.',
  },
  inaccurate: { label: 'Inaccurate or misleading', hint: 'Figures or claims that are wrong' },
  disrespectful: { label: 'Disrespectful', hint: 'Personal attacks or language that breaks the forum’s standards' },
  spam: { label: 'Spam or advertising', hint: 'Selling something or off-topic posting' },
  confidential: { label: 'Confidential', hint: 'Commercially or organisationally sensitive information' },
  other: { label: 'Something else', hint: 'Say what in the details' },
};

export const REASONS = Object.keys(REASON_LABELS) as ReportReason[];

export const TARGET_LABELS: Record<ReportTarget, string> = {
  thread: 'thread',
  reply: 'reply',
  practice: 'case study',
  comment: 'comment',
  user: 'profile',
};

export const RESOLVE_LABELS: Record<ResolveAction, { label: string; hint: string }> = {
  dismiss: { label: 'Dismiss the reports', hint: 'Nothing is wrong; anything the reports alone hid is shown again' },
  hide: { label: 'Hide it', hint: 'Readers see that moderators hid it; its author still sees it' },
  delete: { label: 'Delete it', hint: 'It becomes a tombstone for everyone' },
  'edit-request': { label: 'Ask the author to change it', hint: 'The author is sent your note' },
};

export const RESOLVE_ACTIONS = Object.keys(RESOLVE_LABELS) as ResolveAction[];

/** What the page says once an item is decided. */
export const RESOLVED_MESSAGES: Record<ResolveAction, string> = {
  dismiss: 'The reports were dismissed',
  hide: 'The item was hidden',
  delete: 'The item was deleted',
  'edit-request': 'The author was asked to change it',
};

/** The audit log's actions (`<what>.<verb>`), as a moderator would say them. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'report.dismiss': 'Reports dismissed',
  'report.hide': 'Reports upheld: hidden',
  'report.delete': 'Reports upheld: deleted',
  'report.edit-request': 'Edit requested',
  'thread.pin': 'Thread pinned',
  'thread.unpin': 'Thread unpinned',
  'thread.lock': 'Thread locked',
  'thread.unlock': 'Thread unlocked',
  'thread.move': 'Thread moved',
  'thread.merge': 'Thread merged',
  'thread.hide': 'Thread hidden',
  'thread.restore': 'Thread restored',
  'thread.delete': 'Thread deleted',
  'thread.auto-hide': 'Thread hidden after reports',
  'reply.hide': 'Reply hidden',
  'reply.restore': 'Reply restored',
  'reply.delete': 'Reply deleted',
  'reply.auto-hide': 'Reply hidden after reports',
  'practice.hide': 'Case study hidden',
  'practice.restore': 'Case study restored',
  'practice.delete': 'Case study deleted',
  'practice.auto-hide': 'Case study hidden after reports',
  'comment.hide': 'Comment hidden',
  'comment.restore': 'Comment restored',
  'comment.delete': 'Comment deleted',
  'comment.auto-hide': 'Comment hidden after reports',
  'user.suspend': 'Account suspended',
  'user.unsuspend': 'Suspension lifted',
  'user.role-change': 'Role changed',
  'user.profile-change': 'Name set by an admin',
};

/**
 * A plain DELETE is for authors. Moderators delete someone else's post through
 * `POST .../delete` with a reason, so it is audited and its author told why; this is the
 * refusal that says so, for the kinds of content that have both routes.
 */
export function moderatorsDeleteWithReason(
  what: 'thread' | 'reply' | 'case study' | 'comment',
  canModerate: boolean,
): string {
  const path = { thread: 'threads', reply: 'replies', 'case study': 'practices', comment: 'comments' }[what];
  return canModerate
    ? `Only its author deletes this ${what} here. As a moderator, delete it with a reason (POST /api/${path}/{id}/delete with { "reason" }), which is audited and sent to its author.`
    : `Only its author can delete this ${what}.`;
}

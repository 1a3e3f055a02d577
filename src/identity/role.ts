/** Site-wide roles: every member, site moderators, and admins who also manage roles. */
export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

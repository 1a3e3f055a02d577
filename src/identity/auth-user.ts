import type { Role } from './role.js';

/** The caller of a request, as the access token and its live session establish it. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
}

/** Site moderators and admins: they may read every collaborative and moderate anywhere. */
export const isSiteStaff = (user: Pick<AuthUser, 'role'>): boolean =>
  user.role === 'moderator' || user.role === 'admin';

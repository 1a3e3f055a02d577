import { api, session } from '../api/client';
import type { Problem } from '../api/types';

/**
 * Ends this session. The tokens are forgotten here even when the API cannot be reached:
 * someone signing out of a shared computer must not stay signed in because of the network.
 */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } catch {
    // Offline: the refresh token is forgotten below; the session expires on the server in time.
  } finally {
    session.end();
  }
}

/** Ends every session of this person; on failure they stay signed in here and see why. */
export async function signOutEverywhere(): Promise<Problem | null> {
  const { error } = await api.DELETE('/api/auth/sessions');
  if (error) return error;
  session.end();
  return null;
}

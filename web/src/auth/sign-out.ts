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
    // Offline: the access token is forgotten below. Only the API can clear the HttpOnly cookie, so
    // until a sign-out reaches it, a reload here signs back in; the devices page can end that session.
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

import { useSyncExternalStore } from 'react';

import { session } from '../api/client';
import type { SessionState } from '../api/session';

/** Who is signed in; re-renders on sign-in, refresh, profile edits and sign-out (in any tab). */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.state);
}

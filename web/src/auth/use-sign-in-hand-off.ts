import { useRef } from 'react';
import { useNavigate } from 'react-router';

import { session } from '../api/client';
import type { Tokens } from '../api/types';
import { useSession } from './use-session';

/**
 * For the pages that sign someone in (sign in, register). Someone already signed in is sent
 * on; but once the page signs someone in itself it navigates with its own message, and must
 * not be overtaken by that redirect when it re-renders on the way out.
 */
export function useSignInHandOff() {
  const navigate = useNavigate();
  const state = useSession();
  const signingIn = useRef(false);
  return {
    alreadySignedIn: state.status === 'signed-in' && !signingIn.current,
    signedIn(tokens: Tokens, to: string, flash?: string) {
      signingIn.current = true;
      session.begin(tokens);
      navigate(to, { replace: true, state: flash ? { flash } : null });
    },
  };
}

import { useCallback, useEffect, useState } from 'react';

import type { Problem } from './types';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; problem: Pick<Problem, 'status' | 'detail'> };

const UNREACHABLE = { status: 0, detail: 'The forum could not be reached. Check your connection and try again.' };

/**
 * Loads something for a page with one of the typed API calls, again whenever `key` changes
 * or `reload()` is called. An answer that arrives after the page moved on is dropped.
 */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: Problem }>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((count) => count + 1), []);
  useEffect(() => {
    let current = true;
    load().then(
      ({ data, error }) =>
        current &&
        setState(data !== undefined ? { status: 'loaded', data } : { status: 'failed', problem: error ?? UNREACHABLE }),
      () => current && setState({ status: 'failed', problem: UNREACHABLE }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  return [state, reload];
}

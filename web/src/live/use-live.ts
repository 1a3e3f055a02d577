import { useEffect, useRef, useSyncExternalStore } from 'react';

import { live } from './live';
import type { LiveEnvelope, LiveStatus, Subject } from './live-connection';

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(live.onStatus, live.status);
}

/** Calls `handle` for each live event of these types (and `resync`) while the component is shown. */
export function useLiveEvents(types: string[], handle: (event: LiveEnvelope) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  const key = types.join(',');
  useEffect(() => {
    const wanted = new Set([...types, 'resync']);
    return live.listen((event) => {
      if (wanted.has(event.type)) latest.current(event);
    });
    // `types` is a new array each render; `key` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** Joins a subject's room (a thread, a practice or a collaborative) while the component is shown. */
export function useLiveSubject(subject: Subject | null): void {
  const key = subject ? JSON.stringify(subject) : '';
  useEffect(() => {
    if (!subject) return;
    return live.subscribe(subject);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

import { useEffect, useRef, useSyncExternalStore } from 'react';

import type { EventType } from '../api/events';
import { live } from './live';
import type { LiveStatus, ReceivedEvent, ReceivedEventOf, Subject } from './live-connection';

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(live.onStatus, live.status);
}

/**
 * Calls `handle` for each live event of these types (and `resync`) while the component is
 * shown; checking `event.type` in it narrows `event.data` to that type's payload.
 */
export function useLiveEvents<T extends EventType>(
  types: readonly T[],
  handle: (event: ReceivedEventOf<T>) => void,
): void {
  const latest = useRef(handle);
  latest.current = handle;
  const key = types.join(',');
  useEffect(() => {
    const wanted = new Set<string>([...types, 'resync']);
    const isWanted = (event: ReceivedEvent): event is ReceivedEventOf<T> => wanted.has(event.type);
    return live.listen((event) => {
      if (isWanted(event)) latest.current(event);
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

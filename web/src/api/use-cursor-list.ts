import { useCallback, useEffect, useRef, useState } from 'react';

import type { Problem } from './types';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type LoadPage<T> = (cursor?: string) => Promise<{ data?: Page<T>; error?: Problem }>;

export interface CursorList<T> {
  status: 'loading' | 'loaded' | 'failed';
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
  problem: Pick<Problem, 'status' | 'detail'> | null;
  more(): void;
  reload(): void;
  /** Changes the shown items in place (a live event, a vote) without asking the API. */
  update(change: (items: T[]) => T[]): void;
}

const UNREACHABLE = { status: 0, detail: 'The forum could not be reached. Check your connection and try again.' };

/**
 * A cursor-paginated list of the API (`{ items, nextCursor }`): the first page, then more on
 * request, again from the start whenever `key` changes or `reload()` is called.
 */
export function useCursorList<T>(loadPage: LoadPage<T>, key: string): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<CursorList<T>['status']>('loading');
  const [problem, setProblem] = useState<CursorList<T>['problem']>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [round, setRound] = useState(0);
  const latest = useRef(loadPage);
  latest.current = loadPage;
  const generation = useRef(0);

  const shownKey = useRef(key);

  useEffect(() => {
    const mine = ++generation.current;
    // Something else asked for (a new filter): the old items must not pass for its answer.
    // A reload of the same list keeps them until the new page arrives, so nothing flickers.
    if (shownKey.current !== key) {
      shownKey.current = key;
      setItems([]);
      setCursor(null);
      setStatus('loading');
    }
    latest.current().then(
      ({ data, error }) => {
        if (mine !== generation.current) return;
        if (data) {
          setItems(data.items);
          setCursor(data.nextCursor);
          setStatus('loaded');
        } else {
          setProblem(error ?? UNREACHABLE);
          setStatus('failed');
        }
      },
      () => {
        if (mine !== generation.current) return;
        setProblem(UNREACHABLE);
        setStatus('failed');
      },
    );
  }, [key, round]);

  const more = useCallback(() => {
    if (!cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    latest
      .current(cursor)
      .then(({ data }) => {
        if (mine !== generation.current || !data) return;
        setItems((shown) => [...shown, ...data.items]);
        setCursor(data.nextCursor);
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setRound((count) => count + 1), []);
  const update = useCallback((change: (items: T[]) => T[]) => setItems(change), []);

  return { status, items, hasMore: cursor !== null, loadingMore, problem, more, reload, update };
}

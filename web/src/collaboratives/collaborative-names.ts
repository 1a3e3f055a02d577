import { useEffect, useState } from 'react';

import { api } from '../api/client';

export interface CollaborativeName {
  name: string;
  slug: string;
}

type Names = ReadonlyMap<string, CollaborativeName>;

/** The directory's largest page, and how many pages to read at most: the forum has tens of collaboratives. */
const PAGE = 100;
const MAX_PAGES = 10;

let directory: Promise<Names> | null = null;

async function readDirectory(): Promise<Names> {
  const names = new Map<string, CollaborativeName>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await api.GET('/api/collaboratives', { params: { query: { limit: PAGE, cursor } } });
    if (!data) break;
    for (const item of data.items) names.set(item.id, { name: item.name, slug: item.slug });
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return names;
}

/**
 * Collaboratives' names by id, so lists of threads and search results can say where each one
 * was posted (the API gives their collaborative's id only). Read once per tab and shared by
 * every list on it; a failed read is tried again by the next page that asks.
 */
export function useCollaborativeNames(): Names {
  const [names, setNames] = useState<Names>(new Map());
  useEffect(() => {
    let current = true;
    directory ??= readDirectory().catch((error: unknown) => {
      directory = null;
      throw error;
    });
    directory.then(
      (read) => current && setNames(read),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return names;
}

import type pg from 'pg';

import type { ForumUnderTest } from './forum-under-test.js';

export interface Writer {
  id: string;
  email: string;
  token: string;
}

/** acked: 2xx; refused: 4xx, so nothing was written; unknown: no answer (crash, outage) or 5xx. */
export type Outcome = 'acked' | 'refused' | 'unknown';

export interface JournalEntry {
  kind: string;
  key: string;
  /** The state this write sets for `key`. */
  state: unknown;
  outcome: Outcome;
  status: number | null;
  contentType: string;
  startedAt: number;
  ms: number;
}

export interface LoadContext {
  forum: ForumUnderTest;
  admin: Writer;
  /** Collaborative ids by slug. */
  collaboratives: Map<string, string>;
  /** Threads the writers may reply to. */
  threadIds: string[];
}

export interface PlannedWrite {
  key: string;
  state: unknown;
  method: string;
  path: string;
  token: string;
  body?: unknown;
}

/**
 * One kind of write the load makes, and how to read its state back. Each kind keeps to
 * its own keys (and collaboratives), so kinds never change each other's state.
 */
export interface WriteKind {
  name: string;
  initial: unknown;
  plan(writer: Writer, context: LoadContext, step: number): PlannedWrite;
  read(db: pg.Client, key: string): Promise<unknown>;
}

const pick = <T>(items: readonly T[], step: number) => items[step % items.length]!;
const FOLLOWED = [
  'greater-manchester-acute',
  'acute-hospitals-alliance-bsw',
  'south-london-mental-health-community',
  'west-yorkshire-harrogate-mhlda',
];
const JOINED = ['bradford-craven-act-as-one', 'surrey-downs-place', 'sussex-community-providers'];
const ASKED = ['foundation-group', 'dorset-ics-partnership', 'somerset-ics-partnership', 'modality-partnership'];

const writerOf = (key: string) => key.split(':')[1]!;
const collaborativeOf = (key: string) => key.split(':')[2]!;

/** Whether `table` has a row for the key's person and collaborative. */
async function rowExists(db: pg.Client, table: string, key: string): Promise<boolean> {
  const found = await db.query(`SELECT 1 FROM ${table} WHERE user_id = $1 AND collaborative_id = $2 LIMIT 1`, [
    writerOf(key),
    collaborativeOf(key),
  ]);
  return (found.rowCount ?? 0) > 0;
}

export const FOLLOWS: WriteKind = {
  name: 'follow',
  initial: false,
  plan(writer, context, step) {
    const id = context.collaboratives.get(pick(FOLLOWED, step))!;
    const follow = step % 3 !== 0;
    return {
      key: `follow:${writer.id}:${id}`,
      state: follow,
      method: follow ? 'PUT' : 'DELETE',
      path: `/api/collaboratives/${id}/follow`,
      token: writer.token,
    };
  },
  read: (db, key) => rowExists(db, 'collaborative_follows', key),
};

export const MEMBERSHIPS: WriteKind = {
  name: 'membership',
  initial: false,
  plan(writer, context, step) {
    const id = context.collaboratives.get(pick(JOINED, step))!;
    const key = `member:${writer.id}:${id}`;
    // A lead (here the admin) adds; the member leaves by themself.
    if (step % 2 === 0)
      return {
        key,
        state: true,
        method: 'POST',
        path: `/api/collaboratives/${id}/members`,
        token: context.admin.token,
        body: { userId: writer.id },
      };
    return {
      key,
      state: false,
      method: 'DELETE',
      path: `/api/collaboratives/${id}/members/${writer.id}`,
      token: writer.token,
    };
  },
  read: (db, key) => rowExists(db, 'collaborative_members', key),
};

export const JOIN_REQUESTS: WriteKind = {
  name: 'join-request',
  initial: false,
  plan(writer, context, step) {
    const id = context.collaboratives.get(pick(ASKED, step))!;
    return {
      key: `join:${writer.id}:${id}`,
      state: true,
      method: 'POST',
      path: `/api/collaboratives/${id}/join-requests`,
      token: writer.token,
      body: { message: `step ${step}` },
    };
  },
  read: (db, key) => rowExists(db, 'join_requests', key),
};

export const PROFILE_EDITS: WriteKind = {
  name: 'profile',
  initial: '',
  plan(writer, _context, step) {
    const bio = `Edit ${step} by ${writer.id}`;
    return {
      key: `bio:${writer.id}`,
      state: bio,
      method: 'PATCH',
      path: '/api/users/me',
      token: writer.token,
      body: { bio },
    };
  },
  async read(db, key) {
    const found = await db.query<{ bio: string }>('SELECT bio FROM users WHERE id = $1', [writerOf(key)]);
    return found.rows[0]?.bio;
  },
};

/** A reply whose body names its key, so it can be found again. */
export const REPLIES: WriteKind = {
  name: 'reply',
  initial: false,
  plan(writer, context, step) {
    const threadId = pick(context.threadIds, step + writer.id.charCodeAt(0));
    const key = `reply:${writer.id}:${step}`;
    return {
      key,
      state: true,
      method: 'POST',
      path: `/api/threads/${threadId}/replies`,
      token: writer.token,
      body: { body: `Our experience (${key}).` },
    };
  },
  async read(db, key) {
    const found = await db.query('SELECT 1 FROM replies WHERE author_id = $1 AND body = $2', [
      writerOf(key),
      `Our experience (${key}).`,
    ]);
    return (found.rowCount ?? 0) > 0;
  },
};

export const TODAY_WRITES: readonly WriteKind[] = [REPLIES, FOLLOWS, MEMBERSHIPS, JOIN_REQUESTS, PROFILE_EDITS];

/** One write over HTTP, never waiting more than `timeoutMs`; a network failure is an unknown outcome. */
export async function send(
  context: LoadContext,
  write: PlannedWrite,
  timeoutMs = 10_000,
): Promise<{ status: number | null; outcome: Outcome; body: unknown; contentType: string }> {
  try {
    const response = await fetch(context.forum.http.baseUrl + write.path, {
      method: write.method,
      headers: {
        authorization: `Bearer ${write.token}`,
        ...(write.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: write.body !== undefined ? JSON.stringify(write.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body = contentType.includes('json') && text ? JSON.parse(text) : text;
    const outcome: Outcome = response.status < 300 ? 'acked' : response.status < 500 ? 'refused' : 'unknown';
    return { status: response.status, outcome, body, contentType };
  } catch {
    return { status: null, outcome: 'unknown', body: null, contentType: '' };
  }
}

/**
 * Writers, each writing in a loop (one request at a time, like a person's browser) until
 * stopped, recording every write and its outcome.
 */
export class WriteLoad {
  readonly journal: JournalEntry[] = [];
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly context: LoadContext,
    private readonly writers: Writer[],
    private readonly kinds: readonly WriteKind[] = TODAY_WRITES,
  ) {}

  start(): void {
    this.stopped = false;
    this.loops = this.writers.map((writer, index) => this.loop(writer, index));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async loop(writer: Writer, offset: number): Promise<void> {
    for (let step = offset; !this.stopped; step++) {
      const kind = this.kinds[step % this.kinds.length]!;
      const write = kind.plan(writer, this.context, Math.floor(step / this.kinds.length));
      const startedAt = Date.now();
      const { status, outcome, contentType } = await send(this.context, write);
      this.journal.push({
        kind: kind.name,
        key: write.key,
        state: write.state,
        outcome,
        status,
        contentType,
        startedAt,
        ms: Date.now() - startedAt,
      });
      if (outcome === 'unknown') await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  count(outcome: Outcome): number {
    return this.journal.filter((entry) => entry.outcome === outcome).length;
  }
}

import { io, type Socket } from 'socket.io-client';

import type { EventType, LiveEvent, PayloadVersion } from '../api/events';

/** The server no longer keeps what this tab missed: listeners reload from the API. */
export interface ResyncEvent {
  id: '';
  type: 'resync';
  collaborativeId: null;
  createdAt: string;
  data: unknown;
}

/** What listeners get: an event as the server sends it, live or replayed (typed by `type`), or a resync. */
export type ReceivedEvent = LiveEvent | ResyncEvent;

/** An event of one of these types, or a resync. */
export type ReceivedEventOf<T extends EventType> = Extract<LiveEvent, { type: T }> | ResyncEvent;

/** The payload version this client reads; a newer shape it does not know is skipped (docs/live-updates.md). */
const KNOWN_VERSION: PayloadVersion = 1;

/** `paused`: the server refused the connection for now (too many open from this account or network). */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting' | 'paused';

export type Subject = { threadId: string } | { practiceId: string } | { collaborativeId: string };

/** What the connection needs from the sign-in: the token now, and a fresh one when it is refused. */
export interface TokenSource {
  accessTokenNow(): string | null;
  refresh(): Promise<unknown>;
}

type Listener = (event: ReceivedEvent) => void;

const SEEN_KEPT = 500;
/** After a refusal for too many connections: tries again after 5 s, then 10, 20… up to this. */
const PAUSE_MOST_MS = 120_000;

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * This tab's one socket to `/live`. It keeps the id of the last event seen, so a reconnect
 * (network drop, sleep, an expired token) hands it to the server and the missed events arrive
 * first, in order, without the pages reloading. Subjects (a thread, a practice, a
 * collaborative) are counted by the components that want them and renewed after each reconnect.
 */
export class LiveConnection {
  private socket: Socket | null = null;
  private lastEventId: string | null = null;
  /** The last id when the socket dropped: subjects replay from there after a reconnect. */
  private droppedAt: string | null = null;
  private readonly seen = new Set<string>();
  private readonly subjects = new Map<string, { subject: Subject; count: number }>();
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<() => void>();
  private currentStatus: LiveStatus = 'off';
  private refusedInARow = 0;
  private pausedInARow = 0;
  private pauseReason: string | null = null;

  constructor(private readonly tokens: TokenSource) {}

  readonly status = (): LiveStatus => this.currentStatus;

  /** Why the connection is paused, in the server's words (what to do about it); null otherwise. */
  readonly pausedBecause = (): string | null => (this.currentStatus === 'paused' ? this.pauseReason : null);

  readonly onStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Every event this tab receives; filter by `type` and subject in the listener. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.socket) return;
    this.setStatus('connecting');
    const socket = io('/live', {
      // A function, so every reconnect sends the token and last id as they are then.
      auth: (send) => send({ token: this.tokens.accessTokenNow(), lastEventId: this.lastEventId }),
    });
    socket.on('connect', () => this.connected());
    socket.on('disconnect', (reason) => this.dropped(reason));
    socket.on('connect_error', (error) => void this.refused(error));
    socket.onAny((type: string, envelope: LiveEvent) => this.received(type, envelope));
    this.socket = socket;
  }

  /** On sign-out: the socket closes and nothing of this person's stream is kept. */
  stop(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
    this.lastEventId = null;
    this.droppedAt = null;
    this.seen.clear();
    this.setStatus('off');
  }

  subscribe(subject: Subject): () => void {
    const key = JSON.stringify(subject);
    const entry = this.subjects.get(key);
    if (entry) entry.count++;
    else {
      this.subjects.set(key, { subject, count: 1 });
      if (this.socket?.connected) this.socket.emit('subscribe', subject, () => undefined);
    }
    return () => {
      const current = this.subjects.get(key);
      if (!current) return;
      current.count--;
      if (current.count > 0) return;
      this.subjects.delete(key);
      if (this.socket?.connected) this.socket.emit('unsubscribe', subject, () => undefined);
    };
  }

  private connected(): void {
    this.refusedInARow = 0;
    this.pausedInARow = 0;
    this.pauseReason = null;
    this.setStatus('live');
    for (const { subject } of this.subjects.values()) {
      this.socket?.emit(
        'subscribe',
        this.droppedAt ? { ...subject, lastEventId: this.droppedAt } : subject,
        () => undefined,
      );
    }
    this.droppedAt = null;
  }

  private dropped(reason: string): void {
    this.droppedAt = this.lastEventId;
    if (!this.socket) return;
    // The server closing the socket (a suspension, a role change) is not retried by socket.io.
    if (reason === 'io server disconnect') void this.retryWithFreshToken();
    else this.setStatus('reconnecting');
  }

  /**
   * The handshake failed. After a network failure socket.io tries again by itself (`active`);
   * a refusal by the server it leaves to us: `unauthorized` (most often the access token
   * expired while the tab slept) gets a fresh token, anything else (too many connections
   * from this account or network) is said and tried again later, since a new token would not help.
   */
  private async refused(error: Error): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.setStatus('reconnecting');
    if (socket.active) return;
    if (error.message === 'unauthorized') await this.retryWithFreshToken();
    else await this.pauseThenRetry(socket, error.message);
  }

  private async pauseThenRetry(socket: Socket, reason: string): Promise<void> {
    this.pauseReason = reason;
    this.setStatus('paused');
    this.pausedInARow++;
    await new Promise((resolve) => setTimeout(resolve, Math.min(PAUSE_MOST_MS, 5000 * 2 ** (this.pausedInARow - 1))));
    // Signed out (or in as someone else) meanwhile: this socket is not the tab's any more.
    if (this.socket !== socket || !this.tokens.accessTokenNow()) return;
    this.setStatus('reconnecting');
    socket.connect();
  }

  private async retryWithFreshToken(): Promise<void> {
    this.setStatus('reconnecting');
    this.refusedInARow++;
    // Back off when refresh keeps failing, so a dead session does not spin.
    if (this.refusedInARow > 1)
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** this.refusedInARow)));
    try {
      await this.tokens.refresh();
    } catch {
      // Offline: the next try refreshes again.
    }
    if (this.socket && this.tokens.accessTokenNow()) this.socket.connect();
  }

  private received(type: string, envelope: LiveEvent): void {
    if (type === 'resync') {
      // The server no longer keeps what this tab missed: listeners reload from the API.
      for (const listener of this.listeners)
        listener({ id: '', type, collaborativeId: null, createdAt: new Date().toISOString(), data: envelope });
      return;
    }
    if (!envelope || typeof envelope.id !== 'string') return;
    // A reconnect's replay and a subject's replay can both carry an event: deliver it once.
    if (this.seen.has(envelope.id)) return;
    this.seen.add(envelope.id);
    if (this.seen.size > SEEN_KEPT) this.seen.delete(this.seen.values().next().value!);
    if (!this.lastEventId || compareIds(envelope.id, this.lastEventId) > 0) this.lastEventId = envelope.id;
    // Seen, so not asked for again, but a payload shape this client does not know is not read.
    if (envelope.data?.v !== KNOWN_VERSION) return;
    for (const listener of this.listeners) listener(envelope);
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener();
  }
}

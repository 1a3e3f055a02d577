import { Injectable } from '@nestjs/common';

import { type EventEnvelope, toEnvelope } from '../events/envelope.js';
import { EventRelay } from '../events/event-relay.service.js';
import type { SubjectKind } from '../events/live-subjects.js';
import { EventsReader, type ExtraSubjects } from './events-reader.service.js';
import type { LiveSocket } from './live-socket.js';

const PAGE = 500;

type Send = (envelope: EventEnvelope) => void;

/**
 * Replays what a reconnecting socket missed, in order. Callers run it inside the
 * socket's DeliveryGate hold, together with joining the rooms, so live events that
 * arrive meanwhile wait and follow the replay.
 */
@Injectable()
export class CatchUpService {
  constructor(
    private readonly reader: EventsReader,
    private readonly relay: EventRelay,
  ) {}

  /** Everything after `lastEventId` the reader may see now; `resync` when it is no longer kept. */
  async onConnect(socket: LiveSocket, lastEventId: string, send: Send): Promise<void> {
    if (!(await this.reader.isRetained(lastEventId))) {
      socket.emit('resync', { reason: 'Events after this id are no longer kept. Reload from the REST API.' } as never);
      return;
    }
    await this.replay(socket, send, lastEventId, {});
  }

  /** A subscription with `lastEventId` replays that subject's events. */
  async onSubscribe(socket: LiveSocket, send: Send, kind: SubjectKind, id: string, lastEventId: string): Promise<void> {
    if (!(await this.reader.isRetained(lastEventId))) {
      socket.emit('resync', { reason: 'Events after this id are no longer kept. Reload from the REST API.' } as never);
      return;
    }
    const extra: ExtraSubjects =
      kind === 'threadId' ? { threads: [id] } : kind === 'practiceId' ? { practices: [id] } : { collaboratives: [id] };
    await this.replay(socket, send, lastEventId, extra, kind, id);
  }

  private async replay(
    socket: LiveSocket,
    send: Send,
    afterId: string,
    extra: ExtraSubjects,
    kind?: SubjectKind,
    id?: string,
  ): Promise<void> {
    const only = (row: { thread_id: string | null; practice_id: string | null; collaborative_id: string | null }) =>
      !kind ||
      (kind === 'threadId'
        ? row.thread_id === id
        : kind === 'practiceId'
          ? row.practice_id === id
          : row.collaborative_id === id);
    // Only up to what the relay has already handed out: everything after it reaches this
    // socket live, in order, so a replay that ran ahead could be followed by older events.
    const upTo = this.relay.position;
    let after = afterId;
    for (;;) {
      const rows = await this.reader.visibleAfter(socket.data.user, after, PAGE, extra, upTo);
      for (const row of rows) if (only(row)) send(toEnvelope(row));
      if (rows.length < PAGE || socket.disconnected) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }
}

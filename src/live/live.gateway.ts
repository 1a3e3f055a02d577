import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Subscription } from 'rxjs';
import type { Namespace } from 'socket.io';

import { AccessTokens } from '../auth/access-tokens.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { Clock } from '../common/clock.js';
import { Limiter } from '../common/limiter.js';
import { UUID } from '../common/uuid.js';
import { rooms, type RoutedEvent } from '../events/envelope.js';
import { EventRelay } from '../events/event-relay.service.js';
import { SUBJECT_KINDS, type SubjectKind } from '../events/live-subjects.js';
import { CatchUpService } from './catch-up.service.js';
import { DeliveryGate } from './delivery-gate.js';
import { LiveLimits } from './live-limits.js';
import { LiveRooms } from './live-rooms.service.js';
import type { Ack, LiveSocket } from './live-socket.js';
import { authenticateHandshake, parseEventId } from './socket-auth.js';

const PACKETS_PER_SECOND = 20;
/** Connection set-ups (handshake check, rooms, catch-up) running at once; the rest queue. */
const SETUPS_AT_ONCE = 8;
const CLIENT_EVENTS = new Set(['subscribe', 'unsubscribe']);

/**
 * socket.io namespace `/live`. Authenticates the handshake, joins the reader's rooms,
 * replays what they missed since `lastEventId`, then streams live events in order.
 * Handlers never throw: a bad packet gets an error ack or is ignored.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket> {
  @WebSocketServer() namespace: Namespace;
  private readonly logger = new Logger('LiveGateway');
  private subscription: Subscription | null = null;
  private readonly setups = new Limiter(SETUPS_AT_ONCE);

  constructor(
    private readonly tokens: AccessTokens,
    private readonly relay: EventRelay,
    private readonly catchUp: CatchUpService,
    private readonly liveRooms: LiveRooms,
    private readonly sessions: SessionsService,
    private readonly limits: LiveLimits,
    private readonly clock: Clock,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const crowded = this.limits.admitNetwork(socket);
      if (crowded) return next(new Error(crowded));
      const refuse = (message: string) => {
        this.limits.release(socket);
        next(new Error(message));
      };
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; lastEventId?: unknown };
      const lastEventId = parseEventId(auth.lastEventId);
      this.setups
        .run(() => authenticateHandshake(auth.token, this.tokens))
        .then((identity) => {
          if (!identity || lastEventId === undefined) return refuse('unauthorized');
          const full = this.limits.admitPerson(socket, identity.user.id);
          if (full) return refuse(full);
          const live = socket as LiveSocket;
          live.data = {
            user: identity.user,
            expiresAt: identity.expiresAt,
            lastEventId,
            gate: new DeliveryGate((envelope) => live.emit(envelope.type, envelope as never)),
            subjects: new Map(),
            packets: { windowStart: this.clock.nowMs(), count: 0 },
          };
          next();
        })
        .catch(() => refuse('unauthorized'));
    });
    this.relay.setAudience((userId) => (namespace.adapter.rooms.get(rooms.user(userId))?.size ?? 0) > 0);
    this.subscription = this.relay.events$.subscribe((event) => {
      this.deliver(event).catch((error: Error) => this.logger.warn(`Delivery failed: ${error.message}`));
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    try {
      socket.on('error', () => undefined);
      // Access is checked with the token it was granted on: when that expires, so does the
      // socket; the client reconnects with a refreshed token (and its lastEventId).
      const cancelExpiry = this.clock.at(socket.data.expiresAt, () => socket.disconnect(true));
      socket.once('disconnect', cancelExpiry);
      socket.use((packet, next) => this.limit(socket, packet, next));
      socket.onAny((event: string, ...args: unknown[]) => {
        const ack = args[args.length - 1];
        if (!CLIENT_EVENTS.has(event) && typeof ack === 'function')
          (ack as Ack)({ ok: false, error: `unknown event "${String(event).slice(0, 50)}"` });
      });
      socket.on('subscribe', (payload: unknown, ack?: unknown) => void this.subscribe(socket, payload, ack, true));
      socket.on('unsubscribe', (payload: unknown, ack?: unknown) => void this.subscribe(socket, payload, ack, false));
      const { lastEventId, gate } = socket.data;
      // Rooms are joined inside the hold, so no live event can overtake the replay.
      await this.setups.run(() =>
        gate.hold(async (send) => {
          await this.liveRooms.joinInitialRooms(socket);
          if (lastEventId !== null) await this.catchUp.onConnect(socket, lastEventId, send);
        }),
      );
      // The session was checked at the handshake, before this socket could hear that it
      // ended (`session.ended` and `user.suspended` only reach sockets already connected):
      // asked again now that it can, so one that ended in between is not left open.
      const { user, expiresAt } = socket.data;
      const still = await this.tokens.checkSession({ userId: user.id, sessionId: user.sessionId, expiresAt });
      if ('refused' in still) socket.disconnect(true);
    } catch (error) {
      this.logger.warn(`Connection setup failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  /** Per-socket limit on client events: floods are dropped, with an error ack when one is asked for. */
  private limit(socket: LiveSocket, packet: unknown[], next: (error?: Error) => void): void {
    const window = socket.data.packets;
    const now = this.clock.nowMs();
    if (now - window.windowStart >= 1000) Object.assign(window, { windowStart: now, count: 0 });
    window.count++;
    if (window.count <= PACKETS_PER_SECOND) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as Ack)({ ok: false, error: 'too many messages; slow down' });
  }

  private async subscribe(socket: LiveSocket, payload: unknown, ack: unknown, join: boolean): Promise<void> {
    const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
    try {
      const subject = parseSubject(payload);
      if (!subject)
        return reply({ ok: false, error: 'send one of { threadId }, { practiceId } or { collaborativeId } as a UUID' });
      if (!join) {
        await this.liveRooms.leave(socket, subject.kind, subject.id);
        return reply({ ok: true });
      }
      // `session.ended` closes the socket on every instance, but only once the relay reads it:
      // one primary-key look-up closes the gap between the commit and then.
      if (!(await this.sessionIsLive(socket))) {
        reply({ ok: false, error: 'this session has ended; sign in again' });
        socket.disconnect(true);
        return;
      }
      await socket.data.gate.hold(async (send) => {
        const resolved = await this.liveRooms.join(socket, subject.kind, subject.id);
        reply(resolved ? { ok: true } : { ok: false, error: 'not found' });
        if (resolved && subject.lastEventId)
          await this.catchUp.onSubscribe(socket, send, subject.kind, subject.id, subject.lastEventId);
      });
    } catch (error) {
      this.logger.warn(`subscribe failed: ${(error as Error).message}`);
      reply({ ok: false, error: 'could not subscribe; try again' });
    }
  }

  private async sessionIsLive(socket: LiveSocket): Promise<boolean> {
    const { id, sessionId } = socket.data.user;
    const caller = await this.sessions.resolveCaller(id, sessionId);
    return caller !== null && !caller.suspended;
  }

  /** Hands one event to the local sockets in its rooms, each once, then applies any access change it implies. */
  private async deliver(event: RoutedEvent): Promise<void> {
    const local = this.namespace.adapter.rooms;
    const recipients = new Set<string>();
    for (const room of event.rooms) for (const socketId of local.get(room) ?? []) recipients.add(socketId);
    // Sockets in the middle of a catch-up go through their gate; the others get one
    // broadcast, which encodes the packet once instead of once per socket (a new thread
    // in a collaborative with thousands of live followers). `local`: every instance runs
    // its own relay, so this must not go through the Redis adapter to the others.
    const open: string[] = [];
    for (const socketId of recipients) {
      const socket = this.namespace.sockets.get(socketId) as LiveSocket | undefined;
      if (!socket) continue;
      if (socket.data.gate.isOpen) open.push(socketId);
      else socket.data.gate.offer(event.envelope);
    }
    if (open.length > 0) this.namespace.local.to(open).emit(event.envelope.type, event.envelope as never);
    await this.liveRooms.applyAccessChange(this.namespace, event);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}

function parseSubject(payload: unknown): { kind: SubjectKind; id: string; lastEventId: string | null } | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const record = payload as Record<string, unknown>;
  const kinds = SUBJECT_KINDS.filter((kind) => Object.prototype.hasOwnProperty.call(record, kind));
  if (kinds.length !== 1) return null;
  const kind = kinds[0]!;
  const id = record[kind];
  const lastEventId = parseEventId(record.lastEventId);
  if (typeof id !== 'string' || !UUID.test(id) || lastEventId === undefined) return null;
  return { kind, id: id.toLowerCase(), lastEventId };
}

import type { Socket } from 'socket.io';

import type { AuthUser } from '../identity/auth-user.js';
import type { DeliveryGate } from './delivery-gate.js';

export interface LiveSocketData {
  user: AuthUser;
  /** When the handshake's access token expires (ms since the epoch): the socket ends then. */
  expiresAt: number;
  lastEventId: string | null;
  gate: DeliveryGate;
  /** Each joined subject room and the collaborative it belongs to (null: none). */
  subjects: Map<string, string | null>;
  /** Client events in the current one-second window, for the per-socket limit. */
  packets: { windowStart: number; count: number };
}

export type LiveSocket = Socket<
  Record<string, (...args: never[]) => void>,
  Record<string, (...args: never[]) => void>,
  Record<string, never>,
  LiveSocketData
>;

export type Ack = (answer: { ok: true; [key: string]: unknown } | { ok: false; error: string }) => void;

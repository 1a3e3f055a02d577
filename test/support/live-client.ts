import { io, type Socket } from 'socket.io-client';

export interface Envelope {
  id: string;
  type: string;
  collaborativeId: string | null;
  threadId?: string;
  practiceId?: string;
  createdAt: string;
  data: any;
}

export interface LiveClient {
  socket: Socket;
  received: Envelope[];
  resyncs: number;
  /** Resolves once `predicate` holds for what has arrived, or rejects after `ms`. */
  waitFor(predicate: (received: Envelope[]) => boolean, ms?: number): Promise<void>;
  request(event: string, payload: unknown): Promise<any>;
  close(): void;
}

/**
 * A real socket.io-client connection to `/live`, recording every event it gets (into
 * `received` when given: events can arrive in the same tick as the connection itself).
 */
export function connectLive(
  baseUrl: string,
  auth: Record<string, unknown>,
  received: Envelope[] = [],
): Promise<LiveClient> {
  const socket = io(`${baseUrl}/live`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const client: LiveClient = {
    socket,
    received,
    resyncs: 0,
    waitFor(predicate, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (predicate(client.received)) return resolve();
          if (Date.now() - started > ms)
            return reject(new Error(`timed out; received ${client.received.map((e) => e.type).join(', ')}`));
          setTimeout(check, 20);
        };
        check();
      });
    },
    request(event, payload) {
      return socket.timeout(5000).emitWithAck(event, payload);
    },
    close() {
      socket.disconnect();
    },
  };
  socket.onAny((event: string, envelope: Envelope) => {
    if (event === 'resync') client.resyncs++;
    else client.received.push(envelope);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/** The message of the connect_error a refused handshake gets. */
export async function refusal(baseUrl: string, auth: Record<string, unknown>): Promise<string> {
  try {
    const client = await connectLive(baseUrl, auth);
    client.close();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  }
}

export const ids = (received: Envelope[]) => received.map((envelope) => BigInt(envelope.id));
export const isIncreasing = (values: bigint[]) =>
  values.every((value, index) => index === 0 || value > values[index - 1]!);

import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';

import { clientAddress, type TrustProxy } from '../common/client-address.js';
import { networkOf } from '../common/network-of.js';
import { AppConfig } from '../config/app-config.js';

/** The `connect_error` messages of a refused handshake: they say what to do, and are not `unauthorized`. */
export const TOO_MANY_FOR_PERSON = 'too many live connections for this account: close other tabs or windows';
export const TOO_MANY_FOR_NETWORK = 'too many live connections from your network: try again later';

/** Open places per key, up to a cap; a key's entry goes once its count is back to zero. */
class Places {
  private readonly taken = new Map<string, number>();

  constructor(private readonly cap: number) {}

  take(key: string): boolean {
    const count = this.taken.get(key) ?? 0;
    if (count >= this.cap) return false;
    this.taken.set(key, count + 1);
    return true;
  }

  give(key: string): void {
    const count = (this.taken.get(key) ?? 0) - 1;
    if (count > 0) this.taken.set(key, count);
    else this.taken.delete(key);
  }
}

interface Held {
  gives: Array<() => void>;
  giveAll: () => void;
}

/**
 * LIVE_SOCKETS_PER_PERSON and LIVE_SOCKETS_PER_ADDRESS: caps on the `/live` sockets one
 * person, and one network (an IPv6 caller by its /64, as the request limits count), hold
 * open. Counted in this instance's memory, so behind a balancer each instance has its own
 * count. A handshake holds its places from the moment it is admitted until its socket
 * disconnects or, for one that never connected (refused later, or its client gone while it
 * was checked), until its connection closes.
 */
@Injectable()
export class LiveLimits {
  private readonly perPerson: Places;
  private readonly perNetwork: Places;
  private readonly trustProxy: TrustProxy;
  private readonly held = new WeakMap<Socket, Held>();

  constructor(config: AppConfig) {
    this.perPerson = new Places(config.liveLimits.socketsPerPerson);
    this.perNetwork = new Places(config.liveLimits.socketsPerAddress);
    this.trustProxy = config.trustProxy;
  }

  /** Before the token is checked, so a flood of bad handshakes from one network is capped too. Null: go on. */
  admitNetwork(socket: Socket): string | null {
    // The address as the HTTP side's request.ip gives it, so both count the same callers.
    const network = networkOf(clientAddress(socket.request, this.trustProxy));
    return this.hold(socket, this.perNetwork, network) ? null : TOO_MANY_FOR_NETWORK;
  }

  /** Once the handshake says who it is. Null: go on. */
  admitPerson(socket: Socket, userId: string): string | null {
    return this.hold(socket, this.perPerson, userId) ? null : TOO_MANY_FOR_PERSON;
  }

  /** Gives back every place the socket holds (a handshake refused after it was admitted). */
  release(socket: Socket): void {
    const held = this.held.get(socket);
    if (!held) return;
    this.held.delete(socket);
    socket.off('disconnect', held.giveAll);
    // One connection may connect and leave the namespace many times: its listeners must not pile up.
    socket.conn.off('close', held.giveAll);
    for (const give of held.gives) give();
  }

  private hold(socket: Socket, places: Places, key: string): boolean {
    // A connection already closed will never close again, so a place taken now would never
    // be given back; socket.io drops such a socket anyway.
    if (socket.conn.readyState !== 'open') return true;
    if (!places.take(key)) return false;
    let held = this.held.get(socket);
    if (!held) {
      const giveAll = () => this.release(socket);
      held = { gives: [], giveAll };
      this.held.set(socket, held);
      socket.once('disconnect', giveAll);
      socket.conn.once('close', giveAll);
    }
    held.gives.push(() => places.give(key));
    return true;
  }
}

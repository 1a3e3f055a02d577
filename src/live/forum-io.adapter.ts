import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Incoming packets over this are dropped by socket.io before any handler sees them. */
export const MAX_PACKET_BYTES = 64 * 1024;

/**
 * A connection that has not joined a namespace by then is closed: one that never asks, or
 * whose handshake was refused (socket.io keeps a refused one open until this timer). The
 * default of 45 s let 3,000 unauthenticated connections sit on an instance. A client whose
 * handshake waited longer in the set-up queue reconnects, with socket.io's back-off.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * socket.io with hostile-input limits, and with REDIS_URL the Redis adapter, so room
 * operations and broadcasts reach the sockets of every API instance.
 */
export class ForumIoAdapter extends IoAdapter {
  private readonly log = new Logger('ForumIoAdapter');
  private redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
    private readonly corsOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_PACKET_BYTES,
      connectTimeout: CONNECT_TIMEOUT_MS,
      cors: { origin: this.corsOrigins.length > 0 ? this.corsOrigins : false },
    } as ServerOptions);
    if (this.redisUrl) {
      const publisher = new Redis(this.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      const subscriber = publisher.duplicate();
      for (const client of [publisher, subscriber])
        client.on('error', (error) => this.log.warn(`Redis: ${error.message}`));
      this.redisClients = [publisher, subscriber];
      server.adapter(createAdapter(publisher, subscriber));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => undefined)));
  }
}

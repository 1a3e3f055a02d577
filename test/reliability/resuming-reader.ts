import { connectLive, type Envelope, type LiveClient } from '../support/live-client.js';

/**
 * A live client that, after each drop, reconnects with the last id it saw, keeping one
 * list of everything received across its connections (as a browser tab would).
 */
export class ResumingReader {
  readonly received: Envelope[] = [];
  private client: LiveClient | null = null;

  constructor(
    private readonly baseUrl: () => string,
    private readonly token: () => string,
    private readonly startAfter = '0',
  ) {}

  async connect(): Promise<void> {
    const lastEventId = this.received.at(-1)?.id ?? this.startAfter;
    this.client = await connectLive(this.baseUrl(), { token: this.token(), lastEventId }, this.received);
  }

  get live(): LiveClient | null {
    return this.client;
  }

  close(): void {
    this.client?.close();
  }
}

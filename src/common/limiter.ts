/**
 * Runs at most `concurrency` tasks at a time; the others wait their turn, in order. For
 * bursts that would otherwise take every database connection at once (a thousand sockets
 * reconnecting after a deploy), so the pool's wait limit is never reached and HTTP
 * requests keep getting connections.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

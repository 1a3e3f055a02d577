import type { EventEnvelope } from '../events/envelope.js';

/**
 * Keeps one socket's stream in order while it catches up: live events that arrive during
 * a catch-up wait in a queue and follow it, minus any the catch-up already sent.
 *
 * A catch-up reads the events table directly, so it can run ahead of this instance's
 * relay: events it replayed may still be offered live after the hold ends. Their ids are
 * kept until the live stream passes them (it offers ids in increasing order), so each is
 * sent once.
 */
export class DeliveryGate {
  private holds = 0;
  private queue: EventEnvelope[] = [];
  private replayed = new Set<string>();

  constructor(private readonly send: (envelope: EventEnvelope) => void) {}

  /** Nothing held, queued or replayed: a live event may go straight out, in a broadcast. */
  get isOpen(): boolean {
    return this.holds === 0 && this.replayed.size === 0;
  }

  offer(envelope: EventEnvelope): void {
    if (this.holds > 0) this.queue.push(envelope);
    else this.deliverLive(envelope);
  }

  async hold(catchUp: (send: (envelope: EventEnvelope) => void) => Promise<void>): Promise<void> {
    this.holds++;
    try {
      await catchUp((envelope) => {
        this.replayed.add(envelope.id);
        this.send(envelope);
      });
    } finally {
      this.holds--;
      if (this.holds === 0) {
        const queued = this.queue;
        this.queue = [];
        for (const envelope of queued) this.deliverLive(envelope);
      }
    }
  }

  private deliverLive(envelope: EventEnvelope): void {
    if (this.replayed.size > 0) {
      const live = BigInt(envelope.id);
      const alreadySent = this.replayed.has(envelope.id);
      // Live ids only grow: replayed ids at or below this one can never be offered again.
      for (const id of this.replayed) if (BigInt(id) <= live) this.replayed.delete(id);
      if (alreadySent) return;
    }
    this.send(envelope);
  }
}

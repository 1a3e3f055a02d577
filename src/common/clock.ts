/**
 * The one time source for expiries, limits, schedules and retention. Code that decides
 * "has this expired?" asks the clock (and passes its time to SQL as a parameter rather
 * than using `now()`), so a test can move time forward instead of sleeping or rewriting
 * rows. Timestamps that merely record when something happened may use the database's.
 */
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Milliseconds since the epoch, as `Date.now()`. */
  nowMs(): number {
    return this.now().getTime();
  }

  /**
   * Runs `task` once this clock reaches `time` (milliseconds since the epoch); answers a
   * function that cancels it. For schedules such as a socket's end, so a test that moves
   * the clock sees them happen.
   */
  at(time: number, task: () => void): () => void {
    let timer: NodeJS.Timeout;
    const wait = () => {
      const left = time - this.nowMs();
      if (left <= 0) return task();
      // setTimeout takes at most 2^31 - 1 ms; a later time waits in steps.
      timer = setTimeout(wait, Math.min(left, MAX_TIMEOUT_MS));
    };
    wait();
    return () => clearTimeout(timer);
  }
}

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * A clock a test moves by hand: real time plus whatever it has been advanced by. Moving it
 * runs at once what was scheduled (`at`) for the time it has reached.
 */
export class AdjustableClock extends Clock {
  private offsetMs = 0;
  private readonly scheduled = new Set<{ time: number; task: () => void }>();

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  override at(time: number, task: () => void): () => void {
    const entry = { time, task };
    this.scheduled.add(entry);
    const cancel = super.at(time, () => this.run(entry));
    return () => {
      this.scheduled.delete(entry);
      cancel();
    };
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    const now = this.nowMs();
    for (const entry of this.scheduled) if (entry.time <= now) this.run(entry);
  }

  private run(entry: { time: number; task: () => void }): void {
    if (this.scheduled.delete(entry)) entry.task();
  }
}

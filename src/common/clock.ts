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
}

/** A clock a test moves by hand: real time plus whatever it has been advanced by. */
export class AdjustableClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

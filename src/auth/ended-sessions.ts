/** Long enough to absorb a flood; short enough that memory follows recent callers only. */
const REMEMBER_MS = 5 * 60_000;
const MOST = 10_000;

/**
 * Ids of sessions this instance has seen ended, kept for a few minutes. Safe to
 * remember because an ended session never becomes live again. Oldest entries go first
 * once the set is full (a Map keeps insertion order).
 */
export class EndedSessions {
  private readonly seen = new Map<string, number>();

  has(sessionId: string, now: number): boolean {
    const until = this.seen.get(sessionId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.seen.delete(sessionId);
    return false;
  }

  add(sessionId: string, now: number): void {
    this.seen.delete(sessionId);
    this.seen.set(sessionId, now + REMEMBER_MS);
    if (this.seen.size > MOST) this.seen.delete(this.seen.keys().next().value!);
  }
}

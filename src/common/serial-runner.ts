/**
 * Runs one job at a time: a `wake()` while it runs schedules exactly one more run, so
 * bursts of wake-ups (LISTEN/NOTIFY, timers) collapse and no run is lost.
 */
export class SerialRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.job()
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Stops further runs and waits for the current one. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

// A one-line progress bar on stderr: weighted steps, elapsed time, the step in hand.
export class Progress {
  constructor(steps) {
    this.steps = steps; // [{ name, weight }]
    this.total = steps.reduce((sum, step) => sum + step.weight, 0);
    this.done = 0;
    this.started = Date.now();
    this.tty = process.stderr.isTTY;
  }

  async step(name, work) {
    const step = this.steps.find((candidate) => candidate.name === name) ?? { name, weight: 0 };
    const began = Date.now();
    this.draw(name);
    const timer = this.tty ? setInterval(() => this.draw(name), 500) : null;
    try {
      return await work();
    } finally {
      if (timer) clearInterval(timer);
      this.done += step.weight;
      this.draw(`${name} (${((Date.now() - began) / 1000).toFixed(1)} s)`, true);
    }
  }

  draw(label, finished = false) {
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const pct = String(Math.round((this.done / this.total) * 100)).padStart(3);
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(0).padStart(4);
    const line = `[${bar}] ${pct}% ${elapsed} s  ${label}`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
    else if (finished) process.stderr.write(`${line}\n`);
  }
}

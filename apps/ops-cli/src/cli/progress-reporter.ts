import { type Output } from './output';

export class ProgressReporter {
  private done = 0;
  private lastAt: number;

  constructor(
    private readonly output: Output,
    private readonly label: string,
    private readonly total?: number,
    private readonly intervalMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {
    this.lastAt = now();
  }

  step(count = 1, detail = ''): void {
    this.done += count;
    const at = this.now();
    if (at - this.lastAt >= this.intervalMs) {
      this.lastAt = at;
      this.output.progress(this.line(detail));
    }
  }

  finish(detail = ''): void {
    this.output.progress(this.line(detail));
  }

  private line(detail: string): string {
    const count = this.total === undefined ? `${this.done}` : `${this.done}/${this.total}`;
    return `${this.label}: ${count}${detail ? ` ${detail}` : ''}`;
  }
}

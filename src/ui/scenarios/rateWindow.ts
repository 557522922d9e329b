// The rate a counter grows at now, over the last few simulated seconds: a producer's achieved
// rate beside the rate its profile offers at this moment (the report's own throughput is a mean
// since warm-up, which lags behind a changing load). Readings and span are in simulated time, so
// the figure is the same at any speed.

/** Readings kept per span: enough to slide smoothly, few enough to stay small at any speed. */
const STEPS = 20;

export class RateWindow {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly span: number) {}

  /** Adds a reading; time going back or the counter dropping (reset, warm-up) starts over. */
  add(time: number, count: number): void {
    const n = this.times.length;
    if (n > 0 && (time < this.times[n - 1]! || count < this.counts[n - 1]!)) this.clear();
    const m = this.times.length;
    // Close to the last reading: only move its count on, so memory does not grow with the frame rate.
    if (m > 1 && time - this.times[m - 2]! < this.span / STEPS) {
      this.times[m - 1] = time;
      this.counts[m - 1] = count;
      return;
    }
    this.times.push(time);
    this.counts.push(count);
    while (this.times.length > 2 && this.times[1]! <= time - this.span) {
      this.times.shift();
      this.counts.shift();
    }
  }

  /** Per second over the readings held, or undefined with fewer than two. */
  rate(): number | undefined {
    const n = this.times.length;
    if (n < 2) return undefined;
    const dt = this.times[n - 1]! - this.times[0]!;
    return dt > 0 ? (this.counts[n - 1]! - this.counts[0]!) / dt : undefined;
  }

  clear(): void {
    this.times.length = 0;
    this.counts.length = 0;
  }
}

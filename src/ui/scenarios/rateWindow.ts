// The rate a counter grows at now, over its last few readings: a producer's achieved rate beside
// the rate its profile offers at this moment (the report's own throughput is a mean since warm-up,
// which lags behind a changing load).

/** Readings kept: at two reports a second, a few seconds of wall time. */
const READINGS = 6;

export class RateWindow {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  /** Adds a reading; time going back or the counter dropping (reset, warm-up) starts over. */
  add(time: number, count: number): void {
    const n = this.times.length;
    if (n > 0 && (time < this.times[n - 1]! || count < this.counts[n - 1]!)) this.clear();
    else if (n > 0 && time === this.times[n - 1]!) {
      this.counts[n - 1] = count;
      return;
    }
    this.times.push(time);
    this.counts.push(count);
    if (this.times.length > READINGS) {
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

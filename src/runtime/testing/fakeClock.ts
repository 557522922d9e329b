// A manual wall clock and timer for pacing tests (test-only): time moves only when told to, and
// optionally by `autoStep` ms on every read, to model a host whose work takes time.
export class FakeClock {
  private t = 0;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(private readonly autoStep = 0) {}

  readonly now = (): number => {
    const t = this.t;
    this.t += this.autoStep;
    return t;
  };

  readonly schedule = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.t + ms, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  };

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = Math.max(this.t, end);
  }

  get pending(): number {
    return this.timers.length;
  }
}

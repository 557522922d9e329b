// The pending-event set: a binary min-heap stored in parallel typed arrays, ordered by time and
// then by a scheduling sequence number, so events due at the same time run in the order they
// were scheduled. Growth doubles the arrays; nothing is allocated per event.

/**
 * An event scheduled before the current time, or at a time that is not a number: it would run out
 * of order. The engine's run loop checks each event it takes (one comparison of values it has
 * loaded anyway: a past event is always the earliest) and throws this.
 */
export class PastEventError extends Error {
  constructor(
    readonly time: number,
    readonly now: number,
  ) {
    super(`an event was scheduled at t = ${time}, before the current time ${now}`);
  }
}

export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private code: Int32Array;
  private n = 0;
  private nextSeq = 0;
  /** The earliest entry is taken (its event is running) but still in place; see take(). */
  private taken = false;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.code = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
    this.nextSeq = 0;
    this.taken = false;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0]! : Infinity;
  }

  /** Code of the earliest event (valid only when size > 0). */
  peekCode(): number {
    return this.code[0]!;
  }

  /** Event code at heap position i, for audits. */
  codeAt(i: number): number {
    return this.code[i]!;
  }

  /**
   * Marks the earliest event as taken, for the run loop: the next push() puts its entry in that
   * place (one sift down instead of a pop and a push), and settle() removes it if none came. The
   * order of events is the same as pop() then push(): entries are ordered by (time, sequence).
   * size, peek and codeAt are valid only when settled.
   */
  take(): void {
    this.taken = true;
  }

  /** Removes the taken entry if no push() replaced it. */
  settle(): void {
    if (this.taken) {
      this.taken = false;
      this.pop();
    }
  }

  push(t: number, code: number): void {
    // Small, so that hot callers inline it and the one of insert() / replaceTop() they use.
    if (this.taken) {
      this.taken = false;
      this.replaceTop(t, code);
    } else this.insert(t, code);
  }

  /** A new entry, sifted up from the bottom. */
  private insert(t: number, code: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const codes = this.code;
    const s = this.nextSeq++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      // Every entry in the heap was scheduled before this one: at equal times it goes after.
      if (pt <= t) break;
      time[i] = pt;
      seq[i] = seq[p]!;
      codes[i] = codes[p]!;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    codes[i] = code;
  }

  /** The earliest entry replaced by a new one (scheduled last, so after any entry at the same time). */
  private replaceTop(t: number, code: number): void {
    const time = this.time;
    const seq = this.seq;
    const codes = this.code;
    const n = this.n;
    let i = 0;
    for (;;) {
      let k = 2 * i + 1;
      if (k >= n) break;
      const r = k + 1;
      if (r < n && (time[r]! < time[k]! || (time[r] === time[k] && seq[r]! < seq[k]!))) k = r;
      const kt = time[k]!;
      if (t < kt) break;
      time[i] = kt;
      seq[i] = seq[k]!;
      codes[i] = codes[k]!;
      i = k;
    }
    time[i] = t;
    seq[i] = this.nextSeq++;
    codes[i] = code;
  }

  /** Removes the earliest event (call peekTime/peekCode first). */
  pop(): void {
    const n = --this.n;
    if (n === 0) return;
    const time = this.time;
    const seq = this.seq;
    const codes = this.code;
    const t = time[n]!;
    const s = seq[n]!;
    const c = codes[n]!;
    let i = 0;
    for (;;) {
      let k = 2 * i + 1;
      if (k >= n) break;
      const r = k + 1;
      if (r < n && (time[r]! < time[k]! || (time[r] === time[k] && seq[r]! < seq[k]!))) k = r;
      const kt = time[k]!;
      if (t < kt || (t === kt && s < seq[k]!)) break;
      time[i] = kt;
      seq[i] = seq[k]!;
      codes[i] = codes[k]!;
      i = k;
    }
    time[i] = t;
    seq[i] = s;
    codes[i] = c;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const code = new Int32Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    code.set(this.code);
    this.time = time;
    this.seq = seq;
    this.code = code;
  }
}

// A growable FIFO ring of Int32 message slots. One per bus subscription, partition, inbox and
// blocked-publisher list; pushes and shifts allocate nothing once the ring has grown to size.

export class Fifo {
  private buf: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.buf.length) this.grow();
    const mask = this.buf.length - 1;
    this.buf[(this.head + this.length) & mask] = v;
    this.length++;
  }

  /** Puts v before the oldest value (a retry to the head of a bus). */
  unshift(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.length++;
  }

  /** Removes and returns the oldest value (length must be > 0). */
  shift(): number {
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return v;
  }

  peek(): number {
    return this.buf[this.head]!;
  }

  /** The i-th oldest value. */
  at(i: number): number {
    return this.buf[(this.head + i) & (this.buf.length - 1)]!;
  }

  /** Removes the i-th oldest value, keeping the order of the rest (O(length); used with filters only). */
  removeAt(i: number): number {
    const mask = this.buf.length - 1;
    const v = this.buf[(this.head + i) & mask]!;
    for (let j = i; j < this.length - 1; j++) {
      this.buf[(this.head + j) & mask] = this.buf[(this.head + j + 1) & mask]!;
    }
    this.length--;
    return v;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    // Capacities stay powers of two so the index wrap is a mask.
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.at(i);
    this.buf = next;
    this.head = 0;
  }
}

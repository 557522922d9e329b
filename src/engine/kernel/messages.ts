// Messages in flight, as a struct of arrays indexed by slot. Slots are recycled through a free
// list, so a run of any length allocates only when the number of live messages reaches a new high.
import { checkEventArg } from './events';

/** Dead-lettered: left out of end-to-end latency, and ends as dead-lettered at a terminal bus. */
export const FLAG_DEAD_LETTER = 1;
/** One of several deliveries of a copy after a lease ran out (its group is `copy`). */
export const FLAG_LEASED = 2;

export class MessagePool {
  /** Producer emission time: end-to-end latency is measured from here. */
  origin = new Float64Array(0);
  /** Arrival at the current bus or inbox: queue wait is measured from here. */
  arrive = new Float64Array(0);
  type = new Int32Array(0);
  key = new Int32Array(0);
  /** Delivery attempts so far from an at-least-once queue. */
  deliveries = new Int32Array(0);
  /** Who to hold back if this copy meets a full "block" queue (-1: nobody). */
  pub = new Int32Array(0);
  /** Edge the copy is travelling on, or the queue it returns to on redelivery. */
  where = new Int32Array(0);
  flags = new Uint8Array(0);
  /** When it expires in the bus it waits in (its TTL); Infinity without one. */
  expires = new Float64Array(0);
  /** The source (bus → handler edge) it was delivered over, for its acknowledgement; −1 before. */
  src = new Int32Array(0);
  /** Network time of its delivery (the edge's latency), spent before a worker takes it. */
  transit = new Float64Array(0);
  /** Its lease group (leases.ts) when FLAG_LEASED: the deliveries of one copy. */
  copy = new Int32Array(0);
  /** Its open delivery record (leases.ts) while a windowed source with a lease or ack latency delivers it. */
  dlv = new Int32Array(0);
  private freeList = new Int32Array(0);
  private nFree = 0;
  private cap = 0;
  live = 0;

  /** Slots the tables have room for (they grow by doubling). */
  get capacity(): number {
    return this.cap;
  }

  /** Bytes of the tables. */
  get bytes(): number {
    let b = 0;
    for (const a of [
      this.origin,
      this.arrive,
      this.type,
      this.key,
      this.deliveries,
      this.pub,
      this.where,
      this.flags,
      this.freeList,
    ])
      b += a.byteLength;
    return b;
  }

  constructor(capacity = 256) {
    this.resize(capacity);
  }

  alloc(): number {
    if (this.nFree === 0) this.resize(this.cap * 2);
    this.live++;
    return this.freeList[--this.nFree]!;
  }

  /** The copy in `slot` has ended; the slot is reused. */
  free(slot: number): void {
    this.live--;
    this.freeList[this.nFree++] = slot;
  }

  /** A new slot with the same fields as `slot`. */
  clone(slot: number): number {
    const c = this.alloc();
    this.origin[c] = this.origin[slot]!;
    this.arrive[c] = this.arrive[slot]!;
    this.type[c] = this.type[slot]!;
    this.key[c] = this.key[slot]!;
    this.deliveries[c] = this.deliveries[slot]!;
    this.pub[c] = this.pub[slot]!;
    this.where[c] = this.where[slot]!;
    this.flags[c] = this.flags[slot]!;
    this.expires[c] = this.expires[slot]!;
    this.src[c] = this.src[slot]!;
    this.transit[c] = this.transit[slot]!;
    this.copy[c] = this.copy[slot]!;
    this.dlv[c] = this.dlv[slot]!;
    return c;
  }

  clear(): void {
    this.live = 0;
    this.nFree = this.cap;
    for (let i = 0; i < this.cap; i++) this.freeList[i] = this.cap - 1 - i;
  }

  private resize(cap: number): void {
    // Slots are event arguments (a copy on a wire, a redelivery).
    checkEventArg(cap, 'messages');
    const old = this.cap;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.origin = grow(this.origin, (n) => new Float64Array(n));
    this.arrive = grow(this.arrive, (n) => new Float64Array(n));
    this.type = grow(this.type, (n) => new Int32Array(n));
    this.key = grow(this.key, (n) => new Int32Array(n));
    this.deliveries = grow(this.deliveries, (n) => new Int32Array(n));
    this.pub = grow(this.pub, (n) => new Int32Array(n));
    this.where = grow(this.where, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.expires = grow(this.expires, (n) => new Float64Array(n));
    this.src = grow(this.src, (n) => new Int32Array(n));
    this.transit = grow(this.transit, (n) => new Float64Array(n));
    this.copy = grow(this.copy, (n) => new Int32Array(n));
    this.dlv = grow(this.dlv, (n) => new Int32Array(n));
    const free = new Int32Array(cap);
    free.set(this.freeList.subarray(0, this.nFree));
    // New slots go below the existing free ones; lowest slot numbers are handed out first.
    let k = this.nFree;
    for (let s = cap - 1; s >= old; s--) free[k++] = s;
    this.freeList = free;
    this.nFree = k;
    this.cap = cap;
  }
}

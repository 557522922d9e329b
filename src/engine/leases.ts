// Deliveries a bus must follow up on, and leases. A delivery from a bus with a lease (visibility
// timeout, ack deadline) or over an edge with an acknowledgement latency gets a record: the bus
// knows the message is out until the acknowledgement arrives. If the lease runs out first, the bus
// offers the message again (delivery count + 1; dead-lettered past maxDeliveries) while the first
// worker goes on working: one copy, several deliveries. The first completion ends the copy; a later
// one is a duplicate (counted on the handler, its emissions happen again). Records and groups are
// pooled typed arrays, used only by flows with leases or acknowledgement latencies.
import type { Engine } from './engine';
import { checkEventArg, EV, eventCode } from './kernel/events';
import { FLAG_LEASED } from './kernel/messages';

/**
 * The deliveries of one copy after a lease ran out on it. `done`: a delivery completed, so any
 * later completion is a duplicate. `acked`: a completion's acknowledgement reached the bus, which
 * deleted the message: no more redeliveries, and instances still waiting in the bus go.
 * `instances` counts the copy's live messages and the open delivery records that refer to it.
 */
export class LeaseGroups {
  done = new Uint8Array(16);
  acked = new Uint8Array(16);
  instances = new Int32Array(16);
  private free: number[] = [];
  private n = 0;

  alloc(): number {
    const g = this.free.pop() ?? this.n++;
    if (g >= this.done.length) {
      const grow = <A extends Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.done = grow(this.done, (k) => new Uint8Array(k));
      this.acked = grow(this.acked, (k) => new Uint8Array(k));
      this.instances = grow(this.instances, (k) => new Int32Array(k));
    }
    this.done[g] = 0;
    this.acked[g] = 0;
    this.instances[g] = 0;
    return g;
  }

  /** One instance or record of group g is over; the group goes when none is left. */
  leave(g: number): void {
    if (--this.instances[g]! === 0) this.free.push(g);
  }

  clear(): void {
    this.free = [];
    this.n = 0;
  }
}

/** Open deliveries: where they came from and the message as delivered. */
export class DeliveryRecords {
  src = new Int32Array(16);
  open = new Uint8Array(16);
  /** The delivered message's slot while the handler has it; −1 once it completed or failed. */
  slot = new Int32Array(16);
  /** Pending things that refer to the record: its lease timer, its acknowledgement. */
  refs = new Int32Array(16);
  origin = new Float64Array(16);
  arrive = new Float64Array(16);
  expires = new Float64Array(16);
  type = new Int32Array(16);
  key = new Int32Array(16);
  deliveries = new Int32Array(16);
  flags = new Uint8Array(16);
  /** Its lease group, or −1. */
  group = new Int32Array(16);
  /** The handler completed it (its acknowledgement deletes the message), rather than failed it. */
  completed = new Uint8Array(16);
  private free: number[] = [];
  private n = 0;

  alloc(): number {
    const r = this.free.pop() ?? this.n++;
    if (r >= this.src.length) this.grow();
    return r;
  }

  /** Drops one reference; the record is reused when none is left. */
  unref(r: number): void {
    if (--this.refs[r]! === 0) this.free.push(r);
  }

  clear(): void {
    this.free = [];
    this.n = 0;
  }

  private grow(): void {
    checkEventArg(this.src.length * 2, 'open deliveries');
    const cap = this.src.length * 2;
    const grow = <A extends Uint8Array | Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    const i32 = (k: number) => new Int32Array(k);
    const f64 = (k: number) => new Float64Array(k);
    const u8 = (k: number) => new Uint8Array(k);
    this.src = grow(this.src, i32);
    this.open = grow(this.open, u8);
    this.slot = grow(this.slot, i32);
    this.refs = grow(this.refs, i32);
    this.origin = grow(this.origin, f64);
    this.arrive = grow(this.arrive, f64);
    this.expires = grow(this.expires, f64);
    this.type = grow(this.type, i32);
    this.key = grow(this.key, i32);
    this.deliveries = grow(this.deliveries, i32);
    this.flags = grow(this.flags, u8);
    this.group = grow(this.group, i32);
    this.completed = grow(this.completed, u8);
  }
}

/** Opens the record of a delivery of `slot` over source s (and starts its lease, if the bus has one). */
export function openDelivery(eng: Engine, s: number, slot: number): number {
  const d = eng.deliveries;
  const pool = eng.pool;
  const r = d.alloc();
  d.src[r] = s;
  d.open[r] = 1;
  d.slot[r] = slot;
  d.refs[r] = 1; // the acknowledgement
  d.origin[r] = pool.origin[slot]!;
  d.arrive[r] = pool.arrive[slot]!;
  d.expires[r] = pool.expires[slot]!;
  d.type[r] = pool.type[slot]!;
  d.key[r] = pool.key[slot]!;
  d.deliveries[r] = pool.deliveries[slot]!;
  d.flags[r] = pool.flags[slot]!;
  d.group[r] = pool.flags[slot]! & FLAG_LEASED ? pool.copy[slot]! : -1;
  if (d.group[r]! >= 0) eng.leaseGroups.instances[d.group[r]!]!++;
  d.completed[r] = 0;
  pool.dlv[slot] = r;
  const lease = eng.topo.lease[eng.topo.srcNode[s]!]!;
  if (lease < Infinity) {
    d.refs[r]!++;
    eng.heap.push(eng.now + lease, eventCode(EV.lease, r));
  }
  return r;
}

/** The group of the copy in `slot`, made when its first lease runs out. */
function groupOf(eng: Engine, slot: number): number {
  const pool = eng.pool;
  if (pool.flags[slot]! & FLAG_LEASED) return pool.copy[slot]!;
  const g = eng.leaseGroups.alloc();
  eng.leaseGroups.instances[g] = 1;
  pool.flags[slot]! |= FLAG_LEASED;
  pool.copy[slot] = g;
  return g;
}

/**
 * EV.lease: delivery r's lease ran out. Unless it was acknowledged, the bus offers the message
 * again, as a new delivery of the same copy; the first keeps its worker. `offerAgain` puts the
 * new instance back in its bus (retry delay and position), or dead-letters it past maxDeliveries.
 */
export function leaseExpired(eng: Engine, r: number, offerAgain: (slot: number, s: number) => void): void {
  const d = eng.deliveries;
  const groups = eng.leaseGroups;
  if (d.open[r] && !(d.group[r]! >= 0 && groups.acked[d.group[r]!])) {
    const pool = eng.pool;
    let g = d.group[r]!;
    const live = d.slot[r]!;
    if (g < 0) {
      if (live >= 0) g = groupOf(eng, live);
      else {
        // It completed, but the acknowledgement is still on its way: the copy has ended.
        g = groups.alloc();
        groups.done[g] = 1;
      }
      d.group[r] = g;
      groups.instances[g]!++;
    }
    const slot = pool.alloc();
    pool.origin[slot] = d.origin[r]!;
    pool.arrive[slot] = eng.now;
    pool.expires[slot] = d.expires[r]!;
    pool.type[slot] = d.type[r]!;
    pool.key[slot] = d.key[r]!;
    pool.deliveries[slot] = d.deliveries[r]! + 1;
    pool.pub[slot] = -1;
    pool.flags[slot] = d.flags[r]! | FLAG_LEASED;
    pool.copy[slot] = g;
    groups.instances[g]!++;
    offerAgain(slot, d.src[r]!);
  }
  d.unref(r);
}

/**
 * Delivery r's acknowledgement reached its bus (or its handler is done with it at once): a
 * completion deletes the message, so its group redelivers no more.
 */
export function closeRecord(eng: Engine, r: number): void {
  const d = eng.deliveries;
  d.open[r] = 0;
  const g = d.group[r]!;
  if (g >= 0) {
    if (d.completed[r]) eng.leaseGroups.acked[g] = 1;
    eng.leaseGroups.leave(g);
  }
  d.unref(r);
}

/** Ends one delivery of a lease group: its copy has ended (`done`) or this instance has. */
export function leaveGroup(eng: Engine, slot: number, done: boolean): void {
  const g = eng.pool.copy[slot]!;
  if (done) eng.leaseGroups.done[g] = 1;
  eng.leaseGroups.leave(g);
  eng.pool.flags[slot]! &= ~FLAG_LEASED;
}

/**
 * An instance of a copy is about to end or go on (dropped, expired, dead-lettered, forwarded to a
 * bus or store): true when that is the copy's end; false when another delivery has ended the copy
 * already, so this instance is a duplicate.
 */
export function claimCopy(eng: Engine, slot: number): boolean {
  if (!(eng.pool.flags[slot]! & FLAG_LEASED)) return true;
  const duplicate = eng.leaseGroups.done[eng.pool.copy[slot]!] === 1;
  leaveGroup(eng, slot, true);
  return !duplicate;
}

/** True when `slot` is an instance of a message its bus has deleted (a completion was acknowledged). */
export const isDeleted = (eng: Engine, slot: number): boolean =>
  (eng.pool.flags[slot]! & FLAG_LEASED) !== 0 && eng.leaseGroups.acked[eng.pool.copy[slot]!] === 1;

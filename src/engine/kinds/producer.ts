// Producers: emit events of one type at drawn interarrival times, from `start`, until `count`.
// Each event gets a key (uniform over `keys` values, else a fresh number) and a copy goes on
// every outgoing edge whose filter passes its type.
import { FIELD_DEFAULTS } from '../../model/defaults';
import {
  firstActive,
  operationalTime,
  profileSegments,
  segmentAt,
  timeAtOperational,
  type ProfileSegments,
} from '../../model/profile';
import { compileDist, D_EXPONENTIAL, sample, type CompiledDist } from '../distributions';
import type { Engine } from '../engine';
import { EV, eventCode } from '../kernel/events';
import { C_OUT, COUNTERS, T_EMITTED } from '../metrics';
import { fanOut, send } from '../routing';
import type { EngineKind } from './types';

export interface ProducerTables {
  interarrival: CompiledDist[];
  /** Event type emitted (−1 for other kinds). */
  eventType: Int32Array;
  count: Float64Array;
  start: Float64Array;
  keys: Int32Array;
  /** Skewed keys (keySkew > 0): Walker's alias tables over the keys, one uniform draw per key; null: uniform. */
  keyAlias: (Int32Array | null)[];
  keyProb: (Float64Array | null)[];
  /** A load profile's segments, or null for a steady rate. */
  profile: (ProfileSegments | null)[];
}

const none = compileDist({ dist: 'constant', value: 0 });

export const allocateProducerTables = (N: number): ProducerTables => ({
  interarrival: Array.from({ length: N }, () => none),
  eventType: new Int32Array(N).fill(-1),
  count: new Float64Array(N).fill(Infinity),
  start: new Float64Array(N),
  keys: new Int32Array(N),
  keyAlias: Array.from({ length: N }, () => null),
  keyProb: Array.from({ length: N }, () => null),
  profile: Array.from({ length: N }, () => null),
});

/**
 * Alias tables (Vose) for key k of `keys` drawn with probability ∝ 1/(k + 1)^s (Zipf): draw a
 * uniform u in [0, keys), take k = ⌊u⌋, keep it when the fraction is below prob[k], else alias[k].
 */
export function zipfAlias(keys: number, s: number): { alias: Int32Array; prob: Float64Array } {
  const weights = Float64Array.from({ length: keys }, (_, k) => (k + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  const prob = Float64Array.from(weights, (w) => (w * keys) / total);
  const alias = new Int32Array(keys);
  const small: number[] = [];
  const large: number[] = [];
  prob.forEach((p, k) => (p < 1 ? small : large).push(k));
  while (small.length > 0 && large.length > 0) {
    const l = small.pop()!;
    const g = large.pop()!;
    alias[l] = g;
    prob[g] = prob[g]! + prob[l]! - 1;
    (prob[g]! < 1 ? small : large).push(g);
  }
  // What is left is 1 up to rounding.
  for (const k of [...small, ...large]) prob[k] = 1;
  return { alias, prob };
}

/** A key for producer p's next event: skewed, uniform over `keys`, or a fresh number per event. */
function drawKey(eng: Engine, p: number): number {
  const topo = eng.topo;
  const keys = topo.keys[p]!;
  if (keys === 0) return eng.nextKey++;
  const alias = topo.keyAlias[p];
  if (!alias) return eng.rng.int(keys);
  const u = eng.rng.next() * keys;
  const k = Math.floor(u);
  return u - k < topo.keyProb[p]![k]! ? k : alias[k]!;
}

/** EV.produce for a producer outside a lane. A producer with blocked copies waits instead. */
export function emit(eng: Engine, p: number): void {
  if (eng.pBlocked[p]! > 0) {
    eng.pWaiting[p] = 1;
    return;
  }
  const key = nextEmission(eng, p);
  const e = eng.lanes.plainEdge[p]!;
  if (e < 0 && !anyEdgePasses(eng, p, eng.topo.eventType[p]!)) return;
  const slot = newCopy(eng, p, key);
  eng.metrics.totals[T_EMITTED]!++;
  if (e < 0) fanOut(eng, p, slot);
  else {
    eng.counters[p * COUNTERS + C_OUT]!++;
    send(eng, slot, e);
  }
}

/** EV.resumeProducer: the last blocked copy was admitted; the waiting emission happens now. */
export function resume(eng: Engine, p: number): void {
  eng.pWaiting[p] = 0;
  emit(eng, p);
}

/** Counts an emission of p, draws its key and schedules the next one; returns the key. */
export function nextEmission(eng: Engine, p: number): number {
  const topo = eng.topo;
  const rng = eng.rng;
  eng.produced[p]!++;
  const key = drawKey(eng, p);
  if (eng.produced[p]! < topo.count[p]!) {
    // draw(), written out: a double returned from a call that is not inlined is boxed.
    const d = topo.interarrival[p]!;
    const x = d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
    const profile = topo.profile[p]!;
    if (profile === null) eng.heap.push(eng.now + x, eventCode(EV.produce, p));
    else scheduleOnProfile(eng, p, profile, x);
  }
  return key;
}

/**
 * The next emission of profiled producer p, `gap` seconds of its own clock from now: the time at
 * which Λ has advanced by `gap` (the gap shrinks where the factor is above 1, and an emission
 * waits out a factor of 0). After a hold ("block") the clock resumes from now.
 */
function scheduleOnProfile(eng: Engine, p: number, profile: ProfileSegments, gap: number): void {
  const j = segmentAt(profile, eng.now, eng.pSegment[p]!);
  const next = timeAtOperational(profile, operationalTime(profile, j, eng.now) + gap, j);
  eng.pSegment[p] = j;
  if (next.t < Infinity) eng.heap.push(Math.max(eng.now, next.t), eventCode(EV.produce, p));
}

/** When producer p emits first: at its start, or once its profile's factor turns positive. */
export const firstEmission = (topo: Engine['topo'], p: number): number => {
  const profile = topo.profile[p];
  return profile ? firstActive(profile, topo.start[p]!) : topo.start[p]!;
};

/** A new message: p's event with this key, emitted now. */
export function newCopy(eng: Engine, p: number, key: number): number {
  const pool = eng.pool;
  const slot = pool.alloc();
  const now = eng.now;
  pool.origin[slot] = now;
  pool.arrive[slot] = now;
  pool.type[slot] = eng.topo.eventType[p]!;
  pool.key[slot] = key;
  pool.deliveries[slot] = 0;
  pool.pub[slot] = p;
  pool.flags[slot] = 0;
  return slot;
}

function anyEdgePasses(eng: Engine, n: number, type: number): boolean {
  const topo = eng.topo;
  for (let i = topo.outStart[n]!; i < topo.outStart[n + 1]!; i++) {
    if (topo.accepts[topo.outEdges[i]! * topo.acceptStride + type]) return true;
  }
  return false;
}

export const producerKind: EngineKind<'producer'> = {
  compile(topo, n, c, ctx) {
    topo.interarrival[n] = compileDist(c.interarrival);
    topo.eventType[n] = ctx.typeIndex(c.eventType);
    topo.count[n] = c.count ?? Infinity;
    topo.start[n] = c.start ?? FIELD_DEFAULTS.start;
    topo.keys[n] = c.keys ?? 0;
    topo.profile[n] = c.profile?.length ? profileSegments(c.profile) : null;
    if (c.keys !== undefined && c.keySkew) {
      const { alias, prob } = zipfAlias(c.keys, c.keySkew);
      topo.keyAlias[n] = alias;
      topo.keyProb[n] = prob;
    }
  },
  throughput: C_OUT,
  capacity: () => 0,
  workers: () => 0,
};

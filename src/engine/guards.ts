// Guards that stop a run with an answer instead of letting it hang or exhaust memory: too many
// messages held at once (an overloaded node growing without bound), simulated time that no longer
// advances (a loop of instant or near-instant hops), and a deadlock of "block" queues. The run
// loop calls checkGuards() every GUARD_EVERY events, so the hot path pays one countdown per event.
import type { Halt } from './api';
import type { Engine } from './engine';
import { C_DONE, C_IN, C_OUT, COUNTERS } from './metrics';
import { KIND_CODE, KIND_NAME, kindAt } from './kinds/codes';
import { formatCount, formatDuration, formatRate } from '../model/format';

/** Events between guard checks. */
export const GUARD_EVERY = 4096;
/**
 * Time "does not advance" when this many events pass within STUCK_SPAN seconds of simulated
 * time: over 2 × 10¹² events per simulated second, which no real system comes near.
 */
export const STUCK_EVENTS = 2 ** 21;
export const STUCK_SPAN = 1e-6;
/** When the counters are noted, to name the nodes busiest in a stuck stretch. */
const SUSPECT_EVENTS = 2 ** 18;

/** The guard state of a run (reset with it). */
export class GuardState {
  windowStart = 0;
  windowEvents = 0;
  /** Counters when the current stretch became suspect, or null. */
  suspectBase: Float64Array | null = null;

  reset(): void {
    this.windowStart = 0;
    this.windowEvents = 0;
    this.suspectBase = null;
  }
}

/** Runs the message and time guards; true when the run has been halted. */
export function checkGuards(eng: Engine): boolean {
  if (eng.pool.live > eng.limits.maxMessages) {
    eng.lanes.flush(eng);
    halt(eng, growthHalt(eng));
    return true;
  }
  const g = eng.guard;
  if (eng.now - g.windowStart >= STUCK_SPAN) {
    g.windowStart = eng.now;
    g.windowEvents = 0;
    g.suspectBase = null;
    return false;
  }
  g.windowEvents += GUARD_EVERY;
  if (g.windowEvents >= SUSPECT_EVENTS && !g.suspectBase) {
    eng.lanes.flush(eng);
    g.suspectBase = eng.counters.slice();
  }
  if (g.windowEvents < STUCK_EVENTS) return false;
  eng.lanes.flush(eng);
  halt(eng, stuckHalt(eng, g.suspectBase ?? new Float64Array(eng.counters.length)));
  return true;
}

/**
 * Called when the only events left are scheduled actions (samples, the end of warm-up): if copies
 * are blocked at full queues, nothing will ever admit them — a deadlock.
 */
export function checkDeadlock(eng: Engine): void {
  if (eng.heap.size > eng.timelinePending || eng.halted) return;
  const full: number[] = [];
  let blocked = 0;
  for (let n = 0; n < eng.N; n++) {
    const waiting = eng.blockedAt[n]!.length;
    if (waiting > 0) {
      full.push(n);
      blocked += waiting;
    }
  }
  if (full.length === 0) return;
  const names = full.slice(0, 3).map((n) => nodeName(eng, n));
  const more = full.length > 3 ? ` and ${full.length - 3} more` : '';
  halt(eng, {
    kind: 'deadlock',
    node: full[0]!,
    message:
      `deadlock by t = ${time(eng.now)}: ${names.join(', ')}${more} ${full.length > 1 ? 'are' : 'is'} full ` +
      `and ${blocked === 1 ? 'the copy blocked there waits' : `the ${formatCount(blocked)} copies blocked there wait`} ` +
      `for room that only ${full.length > 1 ? 'they' : 'it'} could make: nothing can move. ` +
      `Give a queue in the loop more capacity, a drop overflow policy, or a consumer that does not publish back into it.`,
  });
}

interface HaltAt {
  kind: Halt['kind'];
  node: number;
  message: string;
}

/** Records the halt (the caller has flushed the lane counters, so the message's figures are whole). */
function halt(eng: Engine, h: HaltAt): void {
  const topo = eng.topo;
  eng.halted = {
    kind: h.kind,
    message: h.message,
    time: eng.now,
    ...(h.node >= 0 ? { path: `nodes[${topo.nodeInFile[h.node]}]`, nodeId: topo.nodeIds[h.node]! } : {}),
  };
}

/** "queue “Orders”": the kind and the label (else the id), as graph checks name nodes. */
export function nodeName(eng: Engine, n: number): string {
  return `${KIND_NAME[kindAt(eng.topo, n)]} "${eng.topo.nodeLabels[n]}"`;
}

const time = (t: number): string => (t === 0 ? '0' : formatDuration(t));
const rate = formatRate;

function growthHalt(eng: Engine): HaltAt {
  const limit = formatCount(eng.limits.maxMessages);
  let n = -1;
  for (let i = 0; i < eng.N; i++) if (n < 0 || eng.metrics.depth[i]! > eng.metrics.depth[n]!) n = i;
  const held = n >= 0 ? eng.metrics.depth[n]! : 0;
  const head = `the run holds more than its limit of ${limit} messages at t = ${time(eng.now)}`;
  if (n < 0 || held < eng.pool.live / 2) {
    return {
      kind: 'messages',
      node: -1,
      message: `${head}, most of them in service, on the wire or waiting to be retried. Raise the limit, or look for a node whose work outgrows its capacity.`,
    };
  }
  const arrivals = eng.now > 0 ? eng.counters[n * COUNTERS + C_IN]! / eng.now : 0;
  const capacity = capacityOf(eng, n);
  const load =
    capacity > 0
      ? `: arrivals ${rate(arrivals)} against a capacity of ${rate(capacity)} (ρ = ${Number((arrivals / capacity).toPrecision(3))})`
      : '';
  return {
    kind: 'messages',
    node: n,
    message:
      `${nodeName(eng, n)} holds ${formatCount(held)} waiting messages and grows without bound${load}; ${head}. ` +
      `Give it more consumers, a capacity with an overflow policy, or raise the limit.`,
  };
}

/** Messages per second the consumers of node n can take (its handlers' workers over their mean service). */
function capacityOf(eng: Engine, n: number): number {
  const topo = eng.topo;
  const handlerRate = (h: number): number => {
    const hist = eng.metrics.hist;
    const measured = hist.count(h * 3 + 1) > 0 ? hist.mean(h * 3 + 1) : 0;
    const mean = measured > 0 ? measured : topo.serviceMean[h]!;
    return mean > 0 ? topo.concurrency[h]! / mean : Infinity;
  };
  const kind = kindAt(topo, n);
  if (kind === KIND_CODE.handler) return handlerRate(n);
  let total = 0;
  for (let i = topo.outStart[n]!; i < topo.outStart[n + 1]!; i++) {
    const h = topo.edgeDst[topo.outEdges[i]!]!;
    if (kindAt(topo, h) !== KIND_CODE.handler) continue;
    const r =
      kind === KIND_CODE.stream
        ? handlerRate(h) * Math.min(1, topo.partitions[n]! / topo.concurrency[h]!)
        : handlerRate(h);
    // Competing consumers add up; a topic's or stream's slowest subscriber is the one that grows.
    total = kind === KIND_CODE.queue ? total + r : total === 0 ? r : Math.min(total, r);
  }
  return total;
}

function stuckHalt(eng: Engine, base: Float64Array): HaltAt {
  const activity = (n: number): number => {
    let a = 0;
    for (const c of [C_IN, C_OUT, C_DONE]) a += eng.counters[n * COUNTERS + c]! - base[n * COUNTERS + c]!;
    return a;
  };
  const busiest = Array.from({ length: eng.N }, (_, n) => n)
    .filter((n) => activity(n) > 0)
    .sort((a, b) => activity(b) - activity(a))
    .slice(0, 4);
  const where = busiest.length > 0 ? `, mostly at ${busiest.map((n) => nodeName(eng, n)).join(', ')}` : '';
  return {
    kind: 'stuck',
    node: busiest[0] ?? -1,
    message:
      `simulated time has stopped advancing at t = ${time(eng.now)}: ${formatCount(STUCK_EVENTS)} events within ` +
      `${STUCK_SPAN * 1e6} µs${where}. A loop whose service times and latencies are (almost) 0 circles ` +
      `events without end, and a stream that blocks on failure retries a failing message without end: ` +
      `give a handler on it a real service time, an edge on it a latency, or the retry a delay.`,
  };
}

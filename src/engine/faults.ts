// Faults on the timeline (Flow JSON v2). Each fault is two rows of the engine's table of scheduled
// actions, its start and its end (actions.ts calls in here); while it is active it changes one
// table the hot paths already read: a handler's service multiplier, an edge's latency multiplier,
// a handler's failure rate, or — for a pause — which workers may take work. Nothing else in the
// run loop knows about faults, and a flow without them runs exactly as before.
//
// Each fault also keeps its story for the report: the target's backlog when it began, the peak,
// when the backlog was back to that level after the fault ended (its drain time), and the copies
// lost, dead-lettered and duplicated from its start until then.
import type { Fault } from '../model/faults';
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { KIND_CODE, kindAt, SOURCE } from './kinds/codes';
import { block, unblock } from './backpressure';
import { acknowledge, receiptOf, refill } from './consume';
import { arriveAt } from './kinds';
import { dispatch } from './routing';
import { abortJob, takeNext } from './kinds/handler';
import { passKey, requeue } from './kinds/queue';
import { offerGroup } from './kinds/stream';
import { requeueSubscription } from './kinds/topic';
import { C_DUP, COUNTERS, T_DEAD, T_LOST } from './metrics';
import type { Topology } from './topology';

/** A fault compiled against the topology: its target as a node or an edge number. */
export interface CompiledFault {
  fault: Fault;
  /** Node number, or −1 when the target is an edge. */
  node: number;
  /** Edge number, or −1 when the target is a node. */
  edge: number;
}

export function compileFaults(
  faults: readonly Fault[],
  topo: Pick<Topology, 'nodeIds' | 'edgeIds'>,
): CompiledFault[] {
  const nodes = new Map(topo.nodeIds.map((id, i) => [id, i]));
  const edges = new Map(topo.edgeIds.map((id, i) => [id, i]));
  return faults.map((fault) => ({
    fault,
    node: nodes.get(fault.target) ?? -1,
    edge: edges.get(fault.target) ?? -1,
  }));
}

/** A fault's figures as the run goes. */
export interface FaultStory {
  started: boolean;
  ended: boolean;
  /** The target's backlog when the fault began. */
  before: number;
  peak: number;
  /** Seconds from the fault's end until the backlog was back to `before`; NaN until then. */
  drainTime: number;
  lost: number;
  deadLettered: number;
  duplicates: number;
}

const newStory = (): FaultStory => ({
  started: false,
  ended: false,
  before: 0,
  peak: 0,
  drainTime: NaN,
  lost: 0,
  deadLettered: 0,
  duplicates: 0,
});

export const newStories = (n: number): FaultStory[] => Array.from({ length: n }, newStory);

/** Messages waiting for a handler (its inbox, its buffers and the buses it reads) or in a bus. */
function backlogOf(eng: Engine, n: number): number {
  const topo = eng.topo;
  // A bus's waiting messages, and what it did not accept while out.
  if (kindAt(topo, n) !== KIND_CODE.handler) return eng.metrics.depth[n]! + eng.held[n]!.length;
  let total = eng.metrics.depth[n]!;
  for (let s = topo.srcStart[n]!; s < topo.srcStart[n + 1]!; s++) {
    if (topo.srcKind[s] !== SOURCE.inbox) total += eng.metrics.depth[topo.srcNode[s]!]!;
  }
  return total;
}

function backlog(eng: Engine, f: CompiledFault): number {
  if (f.node >= 0) return backlogOf(eng, f.node);
  return eng.inFlight[f.edge]! + backlogOf(eng, eng.topo.edgeDst[f.edge]!);
}

const duplicatesNow = (eng: Engine): number => {
  let d = 0;
  for (let n = 0; n < eng.N; n++) d += eng.counters[n * COUNTERS + C_DUP]!;
  return d;
};

/** The copies lost, dead-lettered and duplicated so far, to take differences from. */
function tally(eng: Engine, story: FaultStory, sign: 1 | -1): void {
  story.lost += sign * eng.metrics.totals[T_LOST]!;
  story.deadLettered += sign * eng.metrics.totals[T_DEAD]!;
  story.duplicates += sign * duplicatesNow(eng);
}

export function startFault(eng: Engine, i: number): void {
  const f = eng.topo.faults[i]!;
  const story = eng.faultStories[i]!;
  story.started = true;
  story.before = backlog(eng, f);
  story.peak = story.before;
  tally(eng, story, -1);
  apply(eng, f);
}

export function endFault(eng: Engine, i: number): void {
  const f = eng.topo.faults[i]!;
  const story = eng.faultStories[i]!;
  // The backlog just before the fault lets go (its peak, for a fault that held it back to the end).
  watchFault(eng, i);
  story.ended = true;
  apply(eng, f);
  watchFault(eng, i);
}

/** Follows fault i's backlog (at its end and at every sample): its peak, and when it has drained. */
export function watchFault(eng: Engine, i: number): void {
  const story = eng.faultStories[i]!;
  if (!story.started || !Number.isNaN(story.drainTime)) return;
  const f = eng.topo.faults[i]!;
  const now = backlog(eng, f);
  if (now > story.peak) story.peak = now;
  if (story.ended && now <= story.before) {
    story.drainTime = eng.now - (f.fault.at + f.fault.duration);
    tally(eng, story, 1);
  }
}

/** A fault's figures for the report: counts up to its drain, or up to now while it has not drained. */
export function faultFigures(eng: Engine, i: number): FaultStory {
  const story = { ...eng.faultStories[i]! };
  if (story.started && Number.isNaN(story.drainTime)) tally(eng, story, 1);
  return story;
}

/** Sets what the target's active faults say now (called at each start and end). */
function apply(eng: Engine, f: CompiledFault): void {
  const active = (kind: Fault['kind']): Fault[] =>
    eng.topo.faults
      .filter((g, j) => g.node === f.node && g.edge === f.edge && g.fault.kind === kind && isActive(eng, j))
      .map((g) => g.fault);
  switch (f.fault.kind) {
    case 'slow': {
      const factor = active('slow').reduce((x, g) => x * (g.factor ?? 1), 1);
      if (f.node >= 0) eng.serviceFactor[f.node] = factor;
      else eng.latencyFactor[f.edge] = factor;
      break;
    }
    case 'fail': {
      // Overlapping windows: the one that began last says.
      const latest = active('fail').at(-1);
      eng.failureOverride[f.node] = latest ? latest.rate! : NaN;
      break;
    }
    case 'pause':
      if (active('pause').length > 0) pause(eng, f.node);
      else resume(eng, f.node);
      break;
    case 'crash':
      if (active('crash').length > 0) crash(eng, f.node);
      else restart(eng, f.node);
      break;
    case 'outage':
      if (active('outage').length > 0) beginOutage(eng, f.node);
      else endOutage(eng, f.node);
      break;
    case 'partition':
      if (active('partition').length > 0) cut(eng, f.edge);
      else heal(eng, f.edge);
      break;
  }
}

const isActive = (eng: Engine, j: number): boolean => {
  const s = eng.faultStories[j]!;
  return s.started && !s.ended;
};

// Pause: workers freeze. Idle ones are set aside; a job in service when the pause began ends its
// remaining time after the pause, and its service time includes the pause (the handler took that
// long); frozen workers do not count as busy; nothing new starts until it is over.

function pause(eng: Engine, h: number): void {
  if (eng.pausedSince[h]! >= 0) return;
  eng.pausedSince[h] = eng.now;
  eng.metrics.addBusy(h, -inService(eng, h), eng.now);
  const idle = eng.idle[h]!;
  const parked = eng.parked[h]!;
  while (idle.length > 0) parked.push(idle.pop()!);
}

function resume(eng: Engine, h: number): void {
  const since = eng.pausedSince[h]!;
  if (since < 0) return;
  eng.pausedSince[h] = -1;
  const frozenFor = eng.now - since;
  eng.metrics.addBusy(h, inService(eng, h), eng.now);
  for (const w of eng.owners[h]!) {
    if (eng.wSlot[w]! < 0) continue;
    eng.wService[w]! += frozenFor;
    if (eng.wFrozen[w]! >= 0) {
      // Its service would have ended during the pause: what was left then runs now.
      eng.heap.push(eng.now + eng.wFrozen[w]!, eventCode(EV.done, w));
      eng.wFrozen[w] = -1;
    } else eng.wDelay[w]! += frozenFor;
  }
  wake(eng, h);
}

// Outage: a bus accepts nothing — an arriving copy is held and its publisher waits, as with
// "block" — and delivers nothing of what it stores. When it is back, the held copies arrive in
// order and its consumers take up again.

function beginOutage(eng: Engine, n: number): void {
  if (eng.outageSince[n]! >= 0) return;
  eng.outageSince[n] = eng.now;
  eng.outages++;
}

function endOutage(eng: Engine, n: number): void {
  if (eng.outageSince[n]! < 0) return;
  eng.outageSince[n] = -1;
  eng.outages--;
  // Its consumers take up again first — what it stored is older than what it held back — then
  // the held copies arrive in order.
  const topo = eng.topo;
  for (let i = topo.outStart[n]!; i < topo.outStart[n + 1]!; i++) takeUp(eng, topo.outEdges[i]!);
  const held = eng.held[n]!;
  while (held.length > 0) {
    const slot = held.shift();
    eng.metrics.blocked[n]!--;
    unblock(eng, eng.pool.pub[slot]!);
    arriveAt(eng, slot, n);
  }
}

/** The consumer at the end of bus → handler edge e takes up what waits for it. */
function takeUp(eng: Engine, e: number): void {
  const topo = eng.topo;
  const h = topo.edgeDst[e]!;
  if (kindAt(topo, h) !== KIND_CODE.handler) return;
  const s = topo.edgeSource[e]!;
  if (s < 0) return;
  if (topo.srcKind[s] === SOURCE.group) offerGroup(eng, e);
  else if (topo.srcWindowed[s]) refill(eng, s);
  else for (const w of eng.idle[h]!.splice(0)) takeNext(eng, w, false);
}

// Partition: an edge carries nothing. Copies entering it are held on it (counted on its wire);
// a consumer behind it takes nothing from its bus and its window is shut. When it heals the held
// copies go on, in order, and the consumer takes up again.

/** True while bus n is in an outage. */
export const busOut = (eng: Engine, n: number): boolean => eng.outages !== 0 && eng.outageSince[n]! >= 0;

/** True while a partition cuts edge e. */
export const edgeCut = (eng: Engine, e: number): boolean => eng.cuts !== 0 && eng.cutSince[e]! >= 0;

function cut(eng: Engine, e: number): void {
  if (eng.cutSince[e]! >= 0) return;
  eng.cutSince[e] = eng.now;
  eng.cuts++;
}

function heal(eng: Engine, e: number): void {
  if (eng.cutSince[e]! < 0) return;
  eng.cutSince[e] = -1;
  eng.cuts--;
  takeUp(eng, e);
  const held = eng.edgeHeld[e]!;
  while (held.length > 0) {
    eng.inFlight[e]!--;
    dispatch(eng, held.shift(), e);
  }
}

/** A copy reaches bus n during its outage: held, its publisher waiting, until the bus is back. */
export function holdAtOutage(eng: Engine, n: number, slot: number): void {
  eng.held[n]!.push(slot);
  eng.metrics.blocked[n]!++;
  block(eng, eng.pool.pub[slot]!);
}

/** Workers of h with a job in service (frozen ones included). */
function inService(eng: Engine, h: number): number {
  let k = 0;
  for (const w of eng.owners[h]!) if (eng.wSlot[w]! >= 0) k++;
  return k;
}

// Crash: every worker stops. A job in service fails as in a crash (its bus redelivers it with its
// delivery count + 1, or it is lost where nothing redelivers; a stream's consumer reads it again
// first when it restarts), messages prefetched to the handler go back to their bus, and nothing
// is taken until the restart. Messages in the handler's own inbox wait for it.

function crash(eng: Engine, h: number): void {
  if (eng.crashedSince[h]! >= 0) return;
  eng.crashedSince[h] = eng.now;
  const topo = eng.topo;
  // Jobs go back in the order their messages reached the bus, as a broker requeues them.
  const busy = eng.owners[h]!.filter((w) => eng.wSlot[w]! >= 0);
  busy.sort((a, b) => eng.pool.arrive[eng.wSlot[a]!]! - eng.pool.arrive[eng.wSlot[b]!]! || a - b);
  for (const w of busy) {
    eng.wIgnore[w]!++;
    eng.wDelay[w] = 0;
    eng.metrics.addBusy(h, -1, eng.now);
    abortJob(eng, w);
    eng.parked[h]!.push(w);
  }
  const idle = eng.idle[h]!;
  while (idle.length > 0) eng.parked[h]!.push(idle.pop()!);
  for (let s = topo.srcStart[h]!; s < topo.srcStart[h + 1]!; s++) {
    const local = eng.local[s]!;
    while (local.length > 0) {
      eng.metrics.addDepth(h, -1, eng.now);
      giveBack(eng, s, local.shift());
    }
  }
}

function restart(eng: Engine, h: number): void {
  if (eng.crashedSince[h]! < 0) return;
  eng.crashedSince[h] = -1;
  wake(eng, h);
  const topo = eng.topo;
  for (let s = topo.srcStart[h]!; s < topo.srcStart[h + 1]!; s++) if (topo.srcWindowed[s]) refill(eng, s);
}

/** The parked workers of h look for work again. */
function wake(eng: Engine, h: number): void {
  if (eng.pausedSince[h]! >= 0 || eng.crashedSince[h]! >= 0) return;
  const parked = eng.parked[h]!;
  while (parked.length > 0) {
    const w = parked.pop()!;
    if (eng.wSlot[w]! < 0) takeNext(eng, w, false);
  }
}

/**
 * A message pushed to a crashed handler goes back to its bus as it was (it was never served), and
 * its window slot is released.
 */
export function giveBack(eng: Engine, s: number, slot: number): void {
  const topo = eng.topo;
  const n = topo.srcNode[s]!;
  const receipt = receiptOf(eng, s, slot, eng.receipt);
  // An ordered queue keeps the message's key for it: it is still the key's next.
  if (topo.orderByKey[n]) passKey(eng, n, slot);
  if (topo.srcKind[s] === SOURCE.queue) requeue(eng, n, slot);
  else requeueSubscription(eng, topo.srcEdge[s]!, slot);
  acknowledge(eng, receipt, false);
}

/**
 * EV.done for worker w of a handler that may be stopped: true when the completion is ignored (a
 * crash took the job) or deferred (the handler is paused now, or was during this service).
 */
export function deferDone(eng: Engine, w: number, h: number): boolean {
  if (eng.wIgnore[w]! > 0) {
    eng.wIgnore[w]!--;
    return true;
  }
  const since = eng.pausedSince[h]!;
  if (since >= 0) {
    eng.wFrozen[w] = eng.now - since;
    return true;
  }
  const delay = eng.wDelay[w]!;
  if (delay > 0) {
    eng.wDelay[w] = 0;
    eng.heap.push(eng.now + delay, eventCode(EV.done, w));
    return true;
  }
  return false;
}

/** takeNext() for a worker of a paused or crashed handler: it waits, set aside, until it runs again. */
export function parkIfStopped(eng: Engine, w: number, h: number, busyBefore: boolean): boolean {
  if (eng.pausedSince[h]! < 0 && eng.crashedSince[h]! < 0) return false;
  if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
  eng.parked[h]!.push(w);
  return true;
}

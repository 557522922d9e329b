// Pacing: the host against a fake wall clock, in-process (the transport is covered by
// contract.test.ts).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { createHost, type HostEnv } from './host';
import { NODE_ROW, SAMPLE_STRIDE, TOTALS } from '../engine/snapshot';
import { SAMPLES_PER_RUN, type FromWorker, type SnapshotMessage } from './protocol';
import { FakeClock } from './testing/fakeClock';
import { orderFlow, unreachableFlow } from './testing/flows';

const FRAME = 1000 / 60;
const options = { seed: 7, duration: 600, warmup: 0 };

function setup(autoStep = 0, create: HostEnv['create'] = createSimulation) {
  const clock = new FakeClock(autoStep);
  const out: FromWorker[] = [];
  const host = createHost({
    now: clock.now,
    schedule: clock.schedule,
    // In-process the client would hand buffers back; here the test does, right away.
    post: (msg) => {
      out.push(msg.type === 'snapshot' ? { ...msg, buffers: copy(msg) } : msg);
      if (msg.type === 'snapshot') host.handle({ type: 'returnBuffers', buffers: msg.buffers });
    },
    create,
  });
  const snapshots = () => out.filter((m): m is SnapshotMessage => m.type === 'snapshot');
  const last = () => snapshots().at(-1)!;
  return { clock, out, host, snapshots, last };
}

const copy = (m: SnapshotMessage): SnapshotMessage['buffers'] => ({
  nodes: m.buffers.nodes.slice(),
  edgeTransits: m.buffers.edgeTransits.slice(),
  edgeInFlight: m.buffers.edgeInFlight.slice(),
  endToEnd: m.buffers.endToEnd.slice(),
  totals: m.buffers.totals.slice(),
  partitions: m.buffers.partitions.slice(),
});

describe('host pacing', () => {
  it('follows the wall clock times the speed factor in real time', () => {
    for (const speed of [0.5, 2, 10]) {
      const { clock, host, last } = setup();
      host.handle({ type: 'load', flow: orderFlow(), options });
      host.handle({ type: 'run', mode: 'realtime', speed });
      clock.advance(1000);
      expect(last().time).toBeGreaterThan(speed * 0.95);
      expect(last().time).toBeLessThanOrEqual(speed * 1.0001);
    }
  });

  it('sends at most 30 snapshots a second however fast the run', () => {
    const { clock, host, snapshots } = setup();
    host.handle({ type: 'load', flow: orderFlow(), options });
    const before = snapshots().length;
    host.handle({ type: 'run', mode: 'realtime', speed: 100 });
    clock.advance(1000);
    const sent = snapshots().length - before;
    expect(sent).toBeGreaterThan(20);
    expect(sent).toBeLessThanOrEqual(30);
  });

  it('reports progress in fast mode and finishes at the duration', () => {
    const { clock, out, host, last } = setup(1);
    host.handle({ type: 'load', flow: orderFlow(), options: { ...options, duration: 2000 } });
    host.handle({ type: 'run', mode: 'fast', speed: 1 });
    for (let i = 0; i < 5000 && !out.some((m) => m.type === 'done'); i++) clock.advance(FRAME);
    const progress = out.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(out.at(-1)).toEqual({ type: 'done', time: 2000 });
    expect(last().time).toBe(2000);
  });

  it('delivers the final state even while the UI still holds every buffer', () => {
    const clock = new FakeClock(1);
    const out: FromWorker[] = [];
    const host = createHost({
      now: clock.now,
      schedule: clock.schedule,
      post: (m) => out.push(m),
      create: createSimulation,
    });
    host.handle({ type: 'load', flow: orderFlow(), options: { ...options, duration: 2000 } });
    host.handle({ type: 'run', mode: 'fast', speed: 1 });
    for (let i = 0; i < 5000 && !out.some((m) => m.type === 'done'); i++) clock.advance(FRAME);
    const last = out.filter((m): m is SnapshotMessage => m.type === 'snapshot').at(-1)!;
    expect(last.done).toBe(true);
    expect(last.time).toBe(2000);
  });

  it('samples the charts at even simulated intervals in fast mode', () => {
    const { clock, out, host, snapshots } = setup(1);
    host.handle({ type: 'load', flow: orderFlow(), options: { ...options, duration: 2000 } });
    host.handle({ type: 'run', mode: 'fast', speed: 1 });
    for (let i = 0; i < 5000 && !out.some((m) => m.type === 'done'); i++) clock.advance(FRAME);
    const times = snapshots().flatMap((m) => {
      const rows = m.samples ?? new Float64Array(0);
      return Array.from({ length: rows.length / SAMPLE_STRIDE }, (_, k) => rows[k * SAMPLE_STRIDE]!);
    });
    expect(times.length).toBe(SAMPLES_PER_RUN - 1);
    times.forEach((t, k) => expect(t).toBeCloseTo(((k + 1) * 2000) / SAMPLES_PER_RUN, 6));
  });

  it('freezes on pause: no snapshots, no time', () => {
    const { clock, out, host, snapshots, last } = setup();
    host.handle({ type: 'load', flow: orderFlow(), options });
    host.handle({ type: 'run', mode: 'realtime', speed: 1 });
    clock.advance(500);
    host.handle({ type: 'pause' });
    const frozen = last();
    const count = snapshots().length;
    expect(out.some((m) => m.type === 'paused')).toBe(true);
    clock.advance(1000);
    expect(snapshots().length).toBe(count);
    expect(clock.pending).toBe(0);
    expect(frozen.time).toBeCloseTo(0.5, 1);
  });

  it('steps exactly one event at a time', () => {
    const { host, last } = setup();
    host.handle({ type: 'load', flow: orderFlow(), options });
    expect(last().events).toBe(0);
    host.handle({ type: 'step', events: 1 });
    expect(last().events).toBe(1);
    host.handle({ type: 'step', events: 1 });
    expect(last().events).toBe(2);
    const before = last().time;
    host.handle({ type: 'step', slice: 0.5 });
    expect(last().time).toBeCloseTo(before + 0.5, 9);
  });

  it('resets to zero', () => {
    const { clock, host, last } = setup();
    host.handle({ type: 'load', flow: orderFlow(), options });
    host.handle({ type: 'run', mode: 'realtime', speed: 10 });
    clock.advance(500);
    expect(last().buffers.totals[TOTALS.at.emitted]).toBeGreaterThan(0);
    host.handle({ type: 'reset' });
    expect(last().time).toBe(0);
    expect(last().events).toBe(0);
    expect([...last().buffers.totals]).toEqual(TOTALS.names.map(() => 0));
    expect([...last().buffers.edgeTransits].every((v) => v === 0)).toBe(true);
  });

  it('names the node when the engine refuses the flow, and keeps running nothing', () => {
    const { clock, out, host } = setup();
    host.handle({ type: 'load', flow: unreachableFlow(), options });
    const err = out.find((m) => m.type === 'error');
    expect(err?.type === 'error' && err.problems.some((p) => p.nodeId === 'orphan')).toBe(true);
    host.handle({ type: 'run', mode: 'realtime', speed: 1 });
    clock.advance(100);
    expect(out.some((m) => m.type === 'snapshot')).toBe(false);
  });

  it('turns an engine exception into an error message, not a dead worker', () => {
    const out: FromWorker[] = [];
    const clock = new FakeClock();
    const host = createHost({
      now: clock.now,
      schedule: clock.schedule,
      post: (m) => out.push(m),
      create: () => {
        throw new Error('kaboom');
      },
    });
    host.handle({ type: 'load', flow: orderFlow(), options });
    expect(out).toEqual([
      { type: 'error', problems: [{ path: '', message: 'the simulation stopped: kaboom' }] },
    ]);
  });

  it('applies rate and concurrency edits live and defers structural ones to reset', () => {
    const { out, host } = setup();
    host.handle({ type: 'load', flow: orderFlow(), options });
    const faster = orderFlow();
    const billing = faster.nodes[2]!;
    if (billing.kind === 'handler') billing.config.concurrency = 4;
    host.handle({ type: 'update', flow: faster });
    expect(out.at(-1)).toEqual({ type: 'updated', pendingReset: [] });
    const bigger = unreachableFlow();
    bigger.edges.push({ id: 'e4', source: 'q', target: 'orphan' });
    host.handle({ type: 'update', flow: bigger });
    const updated = out.at(-1);
    expect(updated?.type === 'updated' && updated.pendingReset.length > 0).toBe(true);
    host.handle({ type: 'reset' });
    const ready = out.filter((m) => m.type === 'ready').at(-1);
    expect(ready?.type === 'ready' && ready.layout.nodeIds).toContain('orphan');
  });

  it('fills every snapshot it sends, also for a flow with buses but no events yet', () => {
    // No producer, so no event types and no transit counters: the snapshot arrays are sized for
    // exactly that layout, and the queue's capacity shows (it once came out as 0).
    const { host, last } = setup();
    const flow = orderFlow();
    flow.nodes = [
      { id: 'q', kind: 'queue', position: { x: 0, y: 0 }, config: { capacity: 7 } },
      { id: 's', kind: 'store', position: { x: 0, y: 0 }, config: {} },
    ];
    flow.edges = [{ id: 'q->s', source: 'q', target: 's' }];
    host.handle({ type: 'load', flow, options });
    const snap = last();
    expect(snap.buffers.edgeTransits.length).toBe(0);
    expect(snap.buffers.nodes[NODE_ROW.at.capacity]).toBe(7);
  });

  it('a run stopped by a guard sends its last figures, then says why, naming the node', () => {
    // orderFlow at 100/s into 2 workers of 12 ms is stable; at a tenth of the service capacity it is not.
    const flow = orderFlow();
    const billing = flow.nodes.find((n) => n.id === 'billing')!;
    if (billing.kind === 'handler') billing.config.service = { dist: 'exponential', mean: 0.2 };
    const q = flow.nodes.find((n) => n.id === 'q')!;
    if (q.kind === 'queue') delete q.config.capacity;
    const { clock, out, host } = setup(1, (f, o) =>
      createSimulation(f, { ...o, limits: { maxMessages: 2_000 } }),
    );
    host.handle({ type: 'load', flow, options });
    host.handle({ type: 'run', mode: 'fast', speed: 1 });
    clock.advance(5_000);
    const halted = out.findIndex((m) => m.type === 'halted');
    expect(halted).toBeGreaterThan(0);
    const msg = out[halted]!;
    if (msg.type !== 'halted') throw new Error('unreachable');
    expect(msg.problem).toMatchObject({ nodeId: 'q', path: 'nodes[1]' });
    expect(msg.problem.message).toMatch(/^queue "Order queue" holds [\d,]+ waiting messages/);
    // The figures up to the stop came first, and the run sends nothing after.
    const before = out.slice(0, halted);
    const lastSnap = before.filter((m): m is SnapshotMessage => m.type === 'snapshot').at(-1)!;
    expect(lastSnap.time).toBeCloseTo(msg.time, 6);
    expect(lastSnap.buffers.totals[TOTALS.at.inFlight]).toBeGreaterThan(2_000);
    expect(before.some((m) => m.type === 'report')).toBe(true);
    expect(out.slice(halted + 1).filter((m) => m.type === 'snapshot' || m.type === 'done')).toEqual([]);
  });
});

describe('report wall time', () => {
  it('wallMs is the wall time spent computing the run, not idle time; reset starts it again', () => {
    const { clock, out, host } = setup(1);
    host.handle({ type: 'load', flow: orderFlow(), options: { ...options, duration: 200 } });
    host.handle({ type: 'run', mode: 'fast', speed: 1 });
    for (let i = 0; i < 5000 && !out.some((m) => m.type === 'done'); i++) clock.advance(FRAME);
    const reports = () => out.flatMap((m) => (m.type === 'report' ? [m.report] : []));
    const done = reports().at(-1)!.wallMs;
    expect(done).toBeGreaterThan(0);
    clock.advance(10_000);
    host.handle({ type: 'reset' });
    expect(reports().at(-1)!.wallMs).toBe(0);
    host.handle({ type: 'step', events: 1 });
    const stepped = reports().at(-1)!.wallMs;
    expect(stepped).toBeGreaterThan(0);
    expect(stepped).toBeLessThan(done);
  });
});

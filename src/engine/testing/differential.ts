// The differential check of the fast lanes (test-only): a flow run with lanes on and with lanes
// off must show exactly the same at every point, through the same live edits.
import { expect } from 'vitest';
import type { Flow } from '../../model/flow';
import { createEngineSimulation, type EngineSimulation } from '../simulation';
import { SNAPSHOT_ARRAYS } from '../snapshot';

const sims = (flow: Flow, seed: number, duration: number): [EngineSimulation, EngineSimulation] => [
  createEngineSimulation(flow, { seed, duration, warmup: duration / 10, lanes: true }),
  createEngineSimulation(flow, { seed, duration, warmup: duration / 10, lanes: false }),
];

/** Everything a run shows: the report and every snapshot array, as plain data. */
function state(sim: EngineSimulation) {
  const s = sim.snapshot();
  const arrays = Object.fromEntries(SNAPSHOT_ARRAYS.map((k) => [k, [...s[k]]]));
  return { report: sim.report(), time: s.time, events: s.events, ...arrays };
}

/** Runs both to the same points (and through the same live edits) and compares them at each. */
export function expectSameWithAndWithoutLanes(
  flow: Flow,
  seed: number,
  duration: number,
  edit?: (f: Flow) => Flow,
): void {
  const [on, off] = sims(flow, seed, duration);
  for (const sim of [on, off]) sim.advanceTo(duration / 3, 100_000);
  expect(state(on)).toEqual(state(off));
  if (edit) {
    const next = edit(structuredClone(flow));
    expect(on.update(next)).toEqual(off.update(next));
  }
  for (const sim of [on, off]) sim.advanceTo(duration, 200_000);
  expect(state(on)).toEqual(state(off));
  expect([...on.series().values]).toEqual([...off.series().values]);
}

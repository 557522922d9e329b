// The fast lanes against the general path: every flow runs twice, lanes on and off, and must give
// identical reports, snapshots (edge transits included) and time series, also across live edits.
// (The templates and examples get the same test in io/templates/lanes.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { runnableProblems } from '../model/runnable';
import { Lanes } from './lanes';
import { flowArb } from './testing/arbitrary';
import { expectSameWithAndWithoutLanes as expectSame } from './testing/differential';
import { laneFlowArb } from './testing/laneArbitrary';
import { competingPair, failingQueue, mmc } from './testing/models';
import { compileTopology } from './topology';

const takesALane = (flow: Flow): boolean =>
  new Lanes(compileTopology(flow), true).fastProducer.some((q) => q >= 0);

/** A live edit of every handler: failure rate toggled (closing or opening finish lanes), one more worker. */
function toggleFailures(flow: Flow): Flow {
  for (const n of flow.nodes) {
    if (n.kind !== 'handler') continue;
    n.config.failureRate = n.config.failureRate ? 0 : 0.5;
    n.config.concurrency += 1;
  }
  return flow;
}

describe('fast lanes give exactly the general path’s results', () => {
  it('on every accuracy model', () => {
    expect(takesALane(mmc(0.8, 1))).toBe(true);
    for (const flow of [
      mmc(0.8, 1),
      mmc(3.2, 4),
      mmc(0.9, 1, { dist: 'constant', value: 1 }, 4),
      competingPair(),
      failingQueue(),
      failingQueue('at-most-once'),
    ]) {
      expectSame(flow, 11, 2000);
    }
  });

  it('on 600 random flows shaped for the lanes, with a live edit half-way', () => {
    let laned = 0;
    fc.assert(
      fc.property(laneFlowArb, fc.nat(1000), (flow, seed) => {
        fc.pre(runnableProblems(flow).length === 0);
        if (takesALane(flow)) laned++;
        expectSame(flow, seed, 40, seed % 2 === 0 ? toggleFailures : undefined);
      }),
      { numRuns: 600, seed: 7 },
    );
    // The bias works: most of these flows run part of their events in a lane.
    expect(laned).toBeGreaterThan(450);
  });

  it('on 200 general random flows', () => {
    fc.assert(
      fc.property(flowArb, fc.nat(1000), (flow, seed) => {
        fc.pre(runnableProblems(flow).length === 0);
        expectSame(flow, seed, 20);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});

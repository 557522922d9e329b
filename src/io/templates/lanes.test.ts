// Every flow the product ships runs the same with the engine's fast lanes on and off.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../model/flow';
import { expectSameWithAndWithoutLanes } from '../../engine/testing/differential';
import mm1 from '../../../examples/mm1.json';
import orders from '../../../examples/orders.json';
import { TEMPLATES } from '.';

describe('fast lanes on the templates and examples', () => {
  it('give exactly the general path’s results', () => {
    const flows = [...TEMPLATES.map((t) => t.json), mm1, orders] as Flow[];
    expect(flows.length).toBe(TEMPLATES.length + 2);
    for (const flow of flows) expectSameWithAndWithoutLanes(flow, 3, 60);
  });
});

import { describe, expect, it } from 'vitest';
import { initialRunState } from '../../runtime/client';
import { createAppStore } from '../createAppStore';

describe('run slice', () => {
  it('mirrors the run without entering undo history', () => {
    const store = createAppStore();
    store.getState().setRun({ ...initialRunState, status: 'running', time: 12.5 });
    expect(store.getState().run.time).toBe(12.5);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

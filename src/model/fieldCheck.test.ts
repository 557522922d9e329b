import { describe, expect, it } from 'vitest';
import { configFieldProblem, configPatchProblem, distProblem, settingsProblem } from './fieldCheck';

describe('field checks', () => {
  it('accepts valid values and leaving optional fields out', () => {
    expect(configFieldProblem('handler', 'concurrency', 3)).toBeNull();
    expect(configFieldProblem('queue', 'capacity', undefined)).toBeNull();
    expect(configFieldProblem('producer', 'eventType', 'order.placed')).toBeNull();
  });

  it('gives the schema reason for refused values', () => {
    expect(configFieldProblem('handler', 'concurrency', 0)).toBe('must be a whole number ≥ 1');
    expect(configFieldProblem('handler', 'concurrency', 1.5)).toBe('must be a whole number ≥ 1');
    expect(configFieldProblem('handler', 'concurrency', undefined)).toBe('is required');
    expect(configFieldProblem('handler', 'failureRate', 2)).toBe('must be a probability between 0 and 1');
    expect(configFieldProblem('producer', 'eventType', '  ')).toBe('must be non-empty event type');
  });

  it('checks distribution parameters, including cross-field rules', () => {
    expect(distProblem({ dist: 'exponential', mean: 0.01 })).toBeNull();
    expect(distProblem({ dist: 'exponential', mean: 0 }, 'mean')).toBe('must be a number > 0 s');
    expect(distProblem({ dist: 'uniform', min: 2, max: 1 }, 'max')).toBe('must be ≥ min');
  });

  it('shows a rule that joins fields on the field edited: an endless producer', () => {
    const config = { eventType: 'e', interarrival: { dist: 'constant', value: 0 }, count: 10 };
    expect(configPatchProblem('producer', config, { count: 20 })).toBeNull();
    // A count beyond the largest burst makes the same interarrival endless again.
    expect(configPatchProblem('producer', config, { count: 100_001 })).toMatch(
      /^is always 0: a burst of 100,001 events at one instant is more than this app runs/,
    );
    expect(configPatchProblem('producer', config, { count: undefined })).toMatch(
      /^is always 0: the producer would emit without end at one instant/,
    );
    const endless = { eventType: 'e', interarrival: { dist: 'exponential', mean: 1e-9 } };
    const withCount = { ...endless, count: 5 };
    expect(
      configPatchProblem('producer', withCount, { interarrival: { dist: 'exponential', mean: 1e-7 } }),
    ).toBeNull();
    expect(
      configPatchProblem('producer', { ...endless, interarrival: { dist: 'exponential', mean: 1 } }, endless),
    ).toMatch(/averages 0.001 µs/);
    expect(configFieldProblem('handler', 'concurrency', 2 ** 32)).toBe('must be at most 100,000');
  });

  it('checks settings, including warmup shorter than duration', () => {
    expect(settingsProblem({ duration: 10, warmup: 2 }, 'warmup')).toBeNull();
    expect(settingsProblem({ duration: 10, warmup: 20 }, 'warmup')).toBe('must be shorter than duration');
    expect(settingsProblem({ seed: -1 }, 'seed')).toBe('must be a whole number ≥ 0');
  });
});

import { describe, expect, it } from 'vitest';
import {
  configFieldProblem,
  configProblem,
  distProblem,
  edgeFieldProblem,
  settingsProblem,
} from './fieldCheck';

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
    const withCount = (count: number | undefined) =>
      configProblem('producer', { ...config, count }, ['count']);
    expect(withCount(20)).toBeNull();
    // A count beyond the largest burst makes the same interarrival endless again.
    expect(withCount(100_001)).toMatch(
      /^interarrival: is always 0: a burst of 100,001 events at one instant is more than this app runs/,
    );
    expect(withCount(undefined)).toMatch(/^interarrival: is always 0: the producer would emit without end/);
    const endless = { eventType: 'e', interarrival: { dist: 'exponential', mean: 1e-9 } };
    expect(configProblem('producer', { ...endless, count: 5 }, ['interarrival'])).toBeNull();
    expect(configProblem('producer', endless, ['interarrival'])).toMatch(/^averages 0.001 µs/);
    expect(configFieldProblem('handler', 'concurrency', 2 ** 32)).toBe('must be at most 100,000');
  });

  it('checks settings, including warmup shorter than duration', () => {
    expect(settingsProblem({ duration: 10, warmup: 2 }, 'warmup')).toBeNull();
    expect(settingsProblem({ duration: 10, warmup: 20 }, 'warmup')).toBe('must be shorter than duration');
    expect(settingsProblem({ seed: -1 }, 'seed')).toBe('must be a whole number ≥ 0');
  });

  it('checks a whole config after an edit: the edited field first, then rules across fields by path', () => {
    expect(configProblem('queue', { lease: 30 }, ['lease'])).toBeNull();
    expect(configProblem('queue', { lease: 0 }, ['lease'])).toBe('must be a number > 0 s');
    const retry = { backoff: { initial: 2, max: 1 } };
    expect(configProblem('topic', { retry }, ['retry', 'backoff', 'max'])).toBe('must be ≥ initial');
    expect(configProblem('stream', { partitions: 3, retry: { backoff: { initial: 0 } } }, ['retry'])).toBe(
      'must be a number > 0 s',
    );
    // Clearing keys under a key skew breaks the producer's cross-field rule: named, with its path.
    const producer = { eventType: 'e', interarrival: { dist: 'constant', value: 1 }, keySkew: 1 };
    expect(configProblem('producer', producer, ['keySkew'])).toBe(
      'needs keys (how many distinct keys to skew over)',
    );
    expect(configProblem('producer', producer, ['keys'])).toBe(
      'keySkew: needs keys (how many distinct keys to skew over)',
    );
  });

  it('checks an edge prefetch', () => {
    expect(edgeFieldProblem('prefetch', 100)).toBeNull();
    expect(edgeFieldProblem('prefetch', undefined)).toBeNull();
    expect(edgeFieldProblem('prefetch', 0.5)).toBe('must be a whole number ≥ 1');
    expect(edgeFieldProblem('prefetch', 2 ** 31)).toBe('must be at most 1,000,000');
  });
});

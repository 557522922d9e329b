import { describe, expect, it } from 'vitest';
import { edgeProblem } from './fieldCheck';

const call = { id: 'e', source: 'h', target: 'db' };

describe('edgeProblem', () => {
  it('accepts call fields the file format accepts', () => {
    expect(
      edgeProblem({ ...call, calls: 3, timeout: 0.2, attempts: 4, backoff: { initial: 0.05 } }, ['calls']),
    ).toBeNull();
  });

  it("gives the model's reason for the edited field", () => {
    expect(edgeProblem({ ...call, calls: 0 }, ['calls'])).toBe('must be a whole number ≥ 1');
    expect(edgeProblem({ ...call, attempts: 1.5 }, ['attempts'])).toBe('must be a whole number ≥ 1');
    expect(edgeProblem({ ...call, timeout: 0 }, ['timeout'])).toBe('must be a number > 0 s');
    expect(edgeProblem({ ...call, attempts: 101 }, ['attempts'])).toBe('must be at most 100');
  });

  it('refuses a backoff whose max is below its initial, at the max', () => {
    expect(edgeProblem({ ...call, backoff: { initial: 1, max: 0.5 } }, ['backoff', 'max'])).toBe(
      'must be ≥ initial',
    );
    expect(edgeProblem({ ...call, backoff: { initial: 1, max: 0.5 } }, ['timeout'])).toBe(
      'backoff.max: must be ≥ initial',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { describeCalls } from './callSummary';
import { describeRetry } from './deliverySummary';

describe('call summaries', () => {
  it('say what the defaults mean when nothing is set', () => {
    expect(describeCalls({})).toBe('1 call per job · no timeout · no retry');
  });

  it('name every field that is set', () => {
    const e = {
      calls: 2,
      timeout: 0.5,
      attempts: 3,
      backoff: { initial: 0.1, max: 1, jitter: 'full' as const },
    };
    expect(describeCalls(e)).toBe(
      '2 calls per job · timeout 500 ms · 3 attempts after backoff 100 ms ×2 up to 1 s, full jitter',
    );
    expect(describeCalls({ attempts: 2 })).toBe('1 call per job · no timeout · 2 attempts at once');
  });

  it('share the backoff wording with a bus retry', () => {
    expect(describeRetry({ backoff: { initial: 10, multiplier: 3 } })).toBe('retry after backoff 10 s ×3');
  });
});

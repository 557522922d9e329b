import { describe, expect, it } from 'vitest';
import { callLabel, describeCalls } from './callSummary';
import { describeRetry } from './deliverySummary';

describe('call summaries', () => {
  it('say what the defaults mean when nothing is set, and leave a plain call edge unlabelled', () => {
    expect(describeCalls({})).toBe('1 call per job · no timeout · no retry');
    expect(callLabel({})).toBeUndefined();
    expect(callLabel({ calls: 1, attempts: 1 })).toBeUndefined();
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
    expect(callLabel(e)).toBe('2 calls · timeout 500 ms · 3 attempts');
  });

  it('share the backoff wording with a bus retry', () => {
    expect(describeRetry({ backoff: { initial: 10, multiplier: 3 } })).toBe('retry after backoff 10 s ×3');
  });
});

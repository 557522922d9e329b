// The engine against queueing theory. Each estimate comes from independent replications (one per
// seed), so its standard error (SE) is honest despite autocorrelated waits. A test passes when
// |measured − theory| < 4 SE (a false alarm ~1 in 16,000) and also checks SE is small (< 2% of the
// expected value), so a pass means "agrees to within a few percent", not "too noisy to tell".
import { describe, expect, it } from 'vitest';
import { erlangC, mm1SojournQuantile, mmcKBlocking, pollaczekKhinchineWait } from '../model/theory';
import type { SimulationReport } from './api';
import { constant, exp, replicate, run } from './testing/flows';
import { competingPair, mmc, pooledWait } from './testing/models';

const SEEDS = 8;

function expectAgrees(measured: { mean: number; se: number }, expected: number, maxRelSe = 0.02): void {
  expect(measured.se / expected).toBeLessThan(maxRelSe);
  expect(Math.abs(measured.mean - expected)).toBeLessThan(4 * measured.se);
}

describe('queueing theory', () => {
  it('M/M/1 (ρ = 0.8): mean sojourn 1/(μ − λ) = 5 s and p95 ln(20)/(μ − λ) ≈ 14.98 s', () => {
    const flow = mmc(0.8, 1);
    const mean = replicate(flow, SEEDS, 150_000, 1_000, (r) => r.nodes.h!.sojourn.mean);
    expectAgrees(mean, 5);
    const p95 = replicate(flow, SEEDS, 150_000, 1_000, (r) => r.endToEnd.p95);
    // p95 also carries the histogram's < 0.8% bucket error, well inside the statistical tolerance.
    expectAgrees(p95, mm1SojournQuantile(0.8, 1, 0.95), 0.03);
  });

  it('M/M/c (c = 4, ρ = 0.8): mean wait by Erlang C', () => {
    const expected = erlangC(4, 3.2) / (4 - 3.2);
    const wait = replicate(mmc(3.2, 4), SEEDS, 20_000, 500, (r) => r.nodes.h!.wait.mean);
    expectAgrees(wait, expected, 0.03);
  });

  it('M/D/1 (ρ = 0.8): mean wait by Pollaczek–Khinchine = 2 s', () => {
    const expected = pollaczekKhinchineWait(0.8, constant(1));
    expect(expected).toBeCloseTo(2, 12);
    const wait = replicate(mmc(0.8, 1, constant(1)), SEEDS, 60_000, 1_000, (r) => r.nodes.h!.wait.mean);
    expectAgrees(wait, expected);
  });

  it("Little's law: time-weighted queue length = accepted rate × mean wait (same run, < 1%)", () => {
    // Both sides measure the same messages over the same window; they differ only by the waits of
    // messages still queued at the window's ends, a vanishing share of a long run.
    const { report } = run(mmc(0.9, 1), 7, 100_000, 1_000);
    const q = report.nodes.q!;
    const h = report.nodes.h!;
    const lambda = h.in / (100_000 - 1_000);
    expect(q.queueDepth.mean).toBeCloseTo(lambda * h.wait.mean, 0);
    expect(Math.abs(q.queueDepth.mean / (lambda * h.wait.mean) - 1)).toBeLessThan(0.01);
  });

  it('M/M/1/K (waiting room 4, ρ = 0.9): blocking probability', () => {
    const expected = mmcKBlocking(0.9, 1, 1, 4);
    expect(expected).toBeCloseTo((0.1 * 0.9 ** 5) / (1 - 0.9 ** 6), 12);
    const share = replicate(
      mmc(0.9, 1, exp(1), 4),
      SEEDS,
      50_000,
      100,
      (r) => r.nodes.q!.dropped / r.nodes.q!.in,
    );
    expectAgrees(share, expected);
  });

  it('competing consumers: two handlers on one queue form an M/M/2 and share the load evenly', () => {
    const flow = competingPair();
    const expected = erlangC(2, 1.6) / (2 - 1.6);
    const pick = (r: SimulationReport) => pooledWait(r, ['a', 'b']);
    expectAgrees(replicate(flow, SEEDS, 30_000, 500, pick), expected, 0.03);
    const share = replicate(flow, SEEDS, 30_000, 500, (r) => r.nodes.a!.in / (r.nodes.a!.in + r.nodes.b!.in));
    expect(Math.abs(share.mean - 0.5)).toBeLessThan(Math.max(4 * share.se, 0.005));
  });
});

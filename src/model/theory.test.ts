import { describe, expect, it } from 'vitest';
import {
  erlangA,
  erlangC,
  mm1SojournQuantile,
  mmcKBlocking,
  mmcWaitQuantile,
  moments,
  normalCdf,
  pollaczekKhinchineWait,
  holdingTime,
  predictHandler,
} from './theory';

describe('closed forms', () => {
  it('Erlang C matches textbook values', () => {
    // c = 2, a = 1 (ρ = 0.5): C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // c = 1 reduces to ρ.
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    // c = 10, a = 8: C ≈ 0.4092 (standard tables).
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
  });

  it('M/M/1/K blocking equals (1 − ρ)ρ^N / (1 − ρ^(N+1)), and 1/(N+1) at ρ = 1', () => {
    expect(mmcKBlocking(0.5, 1, 1, 2)).toBeCloseTo((0.5 * 0.5 ** 3) / (1 - 0.5 ** 4), 12);
    expect(mmcKBlocking(1, 1, 1, 3)).toBeCloseTo(1 / 5, 12);
  });

  it('Pollaczek–Khinchine: M/D/1 is half of M/M/1', () => {
    const md1 = pollaczekKhinchineWait(0.8, { dist: 'constant', value: 1 });
    const mm1 = pollaczekKhinchineWait(0.8, { dist: 'exponential', mean: 1 });
    expect(md1).toBeCloseTo(2, 12);
    expect(mm1).toBeCloseTo(4, 12);
    expect(pollaczekKhinchineWait(1.2, { dist: 'constant', value: 1 })).toBe(Infinity);
  });

  it('quantiles: M/M/1 sojourn and M/M/c wait', () => {
    expect(mm1SojournQuantile(0.8, 1, 0.95)).toBeCloseTo(Math.log(20) / 0.2, 12);
    // M/M/1: P(Wq > t) = ρe^{−(μ−λ)t}.
    expect(mmcWaitQuantile(0.8, 1, 1, 0.95)).toBeCloseTo(Math.log(0.8 / 0.05) / 0.2, 12);
    expect(mmcWaitQuantile(0.1, 1, 4, 0.5)).toBe(0);
  });

  it('moments, including the normal truncated at 0', () => {
    expect(moments({ dist: 'uniform', min: 0, max: 1 })).toEqual({ mean: 0.5, second: 1 / 3 });
    expect(moments({ dist: 'lognormal', mean: 2, stddev: 1 }).second).toBeCloseTo(5, 12);
    // Half-normal: mean σ√(2/π), E[X²] = σ².
    const half = moments({ dist: 'normal', mean: 0, stddev: 1 });
    expect(half.mean).toBeCloseTo(Math.sqrt(2 / Math.PI), 6);
    expect(half.second).toBeCloseTo(1, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
});

describe('Erlang-A (M/M/c+M)', () => {
  it('c = 4, μ = 1, λ = 4, θ = 0.5: 16.3 % abandon, the served wait 0.304 s; two derivations agree', () => {
    const a = erlangA({ arrivalRate: 4, servers: 4, serviceRate: 1, patienceRate: 0.5 });
    expect(a.abandon).toBeCloseTo(0.16293, 5);
    expect(a.servedWait).toBeCloseTo(0.30411, 5);
    expect(a.abandon + a.served).toBeCloseTo(1, 12);
  });

  it('tends to M/M/c (Erlang C) as patience grows without end, and stays finite above capacity', () => {
    const c = 3;
    const lambda = 2.4;
    const a = erlangA({ arrivalRate: lambda, servers: c, serviceRate: 1, patienceRate: 1e-9 });
    expect(a.abandon).toBeLessThan(1e-7);
    expect(a.servedWait).toBeCloseTo(erlangC(c, lambda) / (c - lambda), 5);
    // λ = 2cμ: half must leave at least; the rest see a finite wait.
    const over = erlangA({ arrivalRate: 8, servers: 4, serviceRate: 1, patienceRate: 1 });
    expect(over.abandon).toBeGreaterThan(0.5);
    expect(over.abandon + over.served).toBeCloseTo(1, 12);
    expect(Number.isFinite(over.servedWait)).toBe(true);
  });
});

describe('predictHandler', () => {
  it('picks the model and gives the means', () => {
    const mm1 = predictHandler({ arrivalRate: 8, servers: 1, service: { dist: 'exponential', mean: 0.1 } })!;
    expect(mm1.model).toBe('M/M/1');
    expect(mm1.rho).toBeCloseTo(0.8, 12);
    expect(mm1.meanSojourn).toBeCloseTo(0.5, 12);
    expect(mm1.meanQueue).toBeCloseTo(3.2, 12);
    const mmc = predictHandler({ arrivalRate: 1, servers: 2, service: { dist: 'exponential', mean: 1 } })!;
    expect(mmc).toMatchObject({ model: 'M/M/c', exact: true, stable: true });
    expect(mmc.meanWait).toBeCloseTo(1 / 3, 12);
    const mgc = predictHandler({ arrivalRate: 1, servers: 2, service: { dist: 'constant', value: 1 } })!;
    expect(mgc).toMatchObject({ model: 'M/G/c', exact: false });
    expect(mgc.meanWait).toBeCloseTo(1 / 6, 12);
    const full = predictHandler({
      arrivalRate: 0.9,
      servers: 1,
      service: { dist: 'exponential', mean: 1 },
      capacity: 4,
    })!;
    expect(full.blocking).toBeCloseTo(mmcKBlocking(0.9, 1, 1, 4), 12);
  });

  it('reports instability, and null where there is no closed form', () => {
    expect(
      predictHandler({ arrivalRate: 2, servers: 1, service: { dist: 'exponential', mean: 1 } }),
    ).toMatchObject({
      stable: false,
      meanWait: Infinity,
    });
    expect(
      predictHandler({ arrivalRate: 1, servers: 1, service: { dist: 'constant', value: 0.5 }, capacity: 3 }),
    ).toBeNull();
    expect(
      predictHandler({ arrivalRate: 0, servers: 1, service: { dist: 'constant', value: 0.5 } }),
    ).toBeNull();
  });

  it('a round trip holds the delivery slot: its moments add to the service’s', () => {
    const h = holdingTime({
      service: { dist: 'exponential', mean: 0.01 },
      roundTrip: [{ dist: 'constant', value: 0.004 }],
    });
    expect(h.mean).toBeCloseTo(0.014, 12);
    expect(h.second).toBeCloseTo(2e-4 + 2 * 0.01 * 0.004 + 1.6e-5, 12);
    expect(h.shape).toBe('general');
    // Three independent parts: E[(S + A + B)²] with S exponential, A and B constant.
    const three = holdingTime({
      service: { dist: 'exponential', mean: 0.01 },
      roundTrip: [
        { dist: 'constant', value: 0.004 },
        { dist: 'constant', value: 0.002 },
      ],
    });
    expect(three.mean).toBeCloseTo(0.016, 12);
    expect(three.second).toBeCloseTo(2e-4 + 2 * 0.01 * 0.006 + 0.006 ** 2, 12);
    expect(holdingTime({ service: { dist: 'exponential', mean: 1 }, roundTrip: [] }).shape).toBe(
      'exponential',
    );
    const md1 = predictHandler({
      arrivalRate: 50,
      servers: 1,
      service: { dist: 'constant', value: 0.01 },
      roundTrip: [{ dist: 'constant', value: 0.004 }],
    })!;
    expect(md1.model).toBe('M/D/1');
    expect(md1.rho).toBeCloseTo(0.7, 12);
    expect(md1.meanWait).toBeCloseTo(pollaczekKhinchineWait(50, { dist: 'constant', value: 0.014 }), 12);
  });
});

describe('M/M/c/K at the limits (issue 13, item 9)', () => {
  /** The textbook birth–death solution, term by term: exact and fine for small c and K. */
  function naive(lambda: number, mu: number, c: number, K: number) {
    const p = [1];
    for (let n = 1; n <= c + K; n++) p.push((p[n - 1]! * lambda) / (Math.min(n, c) * mu));
    const total = p.reduce((s, x) => s + x, 0);
    const q = p.map((x) => x / total);
    let lq = 0;
    for (let n = c + 1; n < q.length; n++) lq += (n - c) * q[n]!;
    return { blocking: q.at(-1)!, lq };
  }

  it('agrees with the birth–death solution term by term', () => {
    for (const c of [1, 2, 5, 17])
      for (const K of [0, 1, 4, 50, 300])
        for (const rho of [0.1, 0.8, 0.999, 1, 1.001, 1.5, 3]) {
          const lambda = rho * c;
          const exact = naive(lambda, 1, c, K);
          const p = predictHandler({
            arrivalRate: lambda,
            servers: c,
            service: { dist: 'exponential', mean: 1 },
            capacity: K,
          })!;
          expect(p.blocking! / exact.blocking, `c=${c} K=${K} ρ=${rho}`).toBeCloseTo(1, 9);
          if (K > 0) expect(p.meanQueue / exact.lq, `c=${c} K=${K} ρ=${rho}`).toBeCloseTo(1, 8);
        }
  });

  it('answers at once, finite, for the largest c and K a flow may hold', () => {
    const start = performance.now();
    for (const c of [1, 100_000, 1_000_000])
      for (const K of [10_001, 1_000_000_000])
        for (const rho of [0.5, 0.999999, 1, 1.000001, 2, 1000]) {
          const p = predictHandler({
            arrivalRate: rho * c,
            servers: c,
            service: { dist: 'exponential', mean: 1 },
            capacity: K,
          })!;
          for (const v of [p.blocking!, p.meanQueue, p.meanWait])
            expect(Number.isFinite(v) && v >= 0, `c=${c} K=${K} ρ=${rho}: ${v}`).toBe(true);
          expect(p.blocking).toBeLessThanOrEqual(1);
          if (rho === 2) expect(p.blocking).toBeCloseTo(0.5, 6);
          if (rho === 0.5 && c === 1) expect(p.meanQueue).toBeCloseTo(0.5, 9); // M/M/1: Lq = ρ²/(1 − ρ)
        }
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

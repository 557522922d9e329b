// Closed-form queueing predictions, for tests and for showing "expected" beside measured figures.
// Pure functions; all assume Poisson arrivals (exponential interarrival times) at `arrivalRate`,
// FIFO service and identical servers. Times in seconds, rates per second.
import { assertNever } from './assertNever';
import type { Dist } from './dist';

export type QueueModel = 'M/M/1' | 'M/D/1' | 'M/G/1' | 'M/M/c' | 'M/G/c' | 'M/M/c/K';

export interface Prediction {
  model: QueueModel;
  /** Offered load per server, λ·E[S]/c. */
  rho: number;
  /** Whether waiting stays bounded (rho < 1, or a finite capacity). Otherwise the means are Infinity. */
  stable: boolean;
  /** False for approximations (M/G/c with c > 1: Allen–Cunneen). */
  exact: boolean;
  /** Mean time waiting for a worker (Wq). */
  meanWait: number;
  /** Mean wait + service (W). */
  meanSojourn: number;
  /** Mean number waiting (Lq = λ_accepted · Wq, Little's law). */
  meanQueue: number;
  /** Probability an arrival finds every worker busy (Erlang C); exponential service only. */
  probWait?: number;
  /** Probability an arrival is turned away by a full queue (finite capacity only). */
  blocking?: number;
}

export interface HandlerLoad {
  arrivalRate: number;
  /** Workers (concurrency, summed over competing consumers with the same service). */
  servers: number;
  service: Dist;
  /**
   * What holds a delivery slot besides service (Flow JSON v2's delivery window with prefetch ≤
   * concurrency: the edge's latency out and the acknowledgement's latency back), drawn
   * independently. The bus sees a server held for their sum plus the service.
   */
  roundTrip?: readonly Dist[];
  /** Waiting room of the queue in front (messages), Infinity when unbounded. */
  capacity?: number;
}

/** What holds a server per message: service plus the round trip, when given; its shape and moments. */
export function holdingTime(load: Pick<HandlerLoad, 'service' | 'roundTrip'>): {
  mean: number;
  second: number;
  shape: 'exponential' | 'constant' | 'general';
} {
  const parts = [load.service, ...(load.roundTrip ?? [])];
  // Independent parts: E[(Σ X)²] = Σ E[X²] + 2 Σ_{i<j} E[X_i] E[X_j].
  let mean = 0;
  let second = 0;
  for (const d of parts) {
    const m = moments(d);
    second += m.second + 2 * mean * m.mean;
    mean += m.mean;
  }
  const extra = parts.slice(1).filter((d) => moments(d).second > 0);
  return {
    mean,
    second,
    shape: parts.every((d) => d.dist === 'constant')
      ? 'constant'
      : load.service.dist === 'exponential' && extra.length === 0
        ? 'exponential'
        : 'general',
  };
}

const SQRT2 = Math.SQRT2;

/** Standard normal CDF (erf by Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const normalPdf = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/** E[X] and E[X²] of a distribution as the engine samples it (normal truncated at 0). */
export function moments(d: Dist): { mean: number; second: number } {
  switch (d.dist) {
    case 'constant':
      return { mean: d.value, second: d.value * d.value };
    case 'exponential':
      return { mean: d.mean, second: 2 * d.mean * d.mean };
    case 'uniform':
      return { mean: (d.min + d.max) / 2, second: (d.min * d.min + d.min * d.max + d.max * d.max) / 3 };
    case 'lognormal':
      return { mean: d.mean, second: d.mean * d.mean + d.stddev * d.stddev };
    case 'normal': {
      if (d.stddev === 0) return { mean: d.mean, second: d.mean * d.mean };
      // Normal truncated below at 0: with a = −μ/σ and h = φ(a)/(1 − Φ(a)),
      // E[X] = μ + σh and Var[X] = σ²(1 + a·h − h²).
      const a = -d.mean / d.stddev;
      const h = normalPdf(a) / (1 - normalCdf(a));
      const mean = d.mean + d.stddev * h;
      const variance = d.stddev * d.stddev * (1 + a * h - h * h);
      return { mean, second: variance + mean * mean };
    }
    default:
      return assertNever(d, 'distribution');
  }
}

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
  // Erlang B by its stable recurrence, then C = B / (1 − ρ(1 − B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** Σ_{j=0..K} ρ^j and Σ_{j=0..K} j·ρ^j as natural logarithms, for any ρ > 0 and K ≥ 0, without overflow. */
function geometricLogSums(lnRho: number, K: number): { s0: number; s1: number } {
  const big = lnRho > 0;
  // For ρ > 1 the sums are ρ^K times sums over r = 1/ρ < 1, taken from the top: Σ r^i, Σ (K − i)·r^i.
  const lnR = big ? -lnRho : lnRho;
  const scale = big ? K * lnRho : 0;
  let a: number; // Σ_{i=0..K} r^i
  let b: number; // Σ_{i=0..K} i·r^i
  if (K <= 10_000) {
    a = 0;
    b = 0;
    const r = Math.exp(lnR);
    let term = 1;
    for (let i = 0; i <= K; i++) {
      a += term;
      b += i * term;
      term *= r;
    }
  } else if (K * -lnR < 1e-3) {
    // r within a thousandth of 1 over the whole range: the terms are all about 1.
    a = K + 1;
    b = (K * (K + 1)) / 2;
  } else {
    const r = Math.exp(lnR);
    a = -Math.expm1((K + 1) * lnR) / -Math.expm1(lnR);
    const rK = Math.exp(K * lnR);
    b = (r * (1 - (K + 1) * rK + K * rK * r)) / (-Math.expm1(lnR)) ** 2;
  }
  return big
    ? { s0: scale + Math.log(a), s1: scale + Math.log(K * a - b) }
    : { s0: Math.log(a), s1: Math.log(b) };
}

/**
 * M/M/c with a waiting room for K messages (the system holds at most c + K): the probability
 * that an arrival finds it full, and the mean number waiting. Closed form in logarithms, so any
 * c and K a flow may hold (up to a billion) take O(c) time and never overflow.
 */
function mmcK(lambda: number, mu: number, c: number, K: number): { blocking: number; meanQueue: number } {
  const lnA = Math.log(lambda / mu);
  const lnRho = lnA - Math.log(c);
  // ln(a^n / n!) for n = 0 … c, and the largest term, to sum them without overflow.
  const terms = new Float64Array(c + 1);
  let lnFact = 0;
  for (let n = 1; n <= c; n++) {
    lnFact += Math.log(n);
    terms[n] = n * lnA - lnFact;
  }
  const { s0, s1 } = geometricLogSums(lnRho, K);
  const queued = terms[c]! + s0;
  let top = queued;
  for (let n = 0; n < c; n++) top = Math.max(top, terms[n]!);
  let z = Math.exp(queued - top);
  for (let n = 0; n < c; n++) z += Math.exp(terms[n]! - top);
  const lnZ = top + Math.log(z);
  return {
    blocking: Math.exp(terms[c]! + K * lnRho - lnZ),
    meanQueue: K === 0 ? 0 : Math.exp(terms[c]! + s1 - lnZ),
  };
}

/** Blocking probability of M/M/c/(c+K): an arrival finds the system full (M/M/1/K with c = 1). */
export function mmcKBlocking(lambda: number, mu: number, c: number, K: number): number {
  return mmcK(lambda, mu, c, K).blocking;
}

/** Mean wait in M/G/1 by Pollaczek–Khinchine: λ·E[S²] / (2(1 − ρ)). */
export function pollaczekKhinchineWait(lambda: number, service: Dist): number {
  const { mean, second } = moments(service);
  const rho = lambda * mean;
  return rho < 1 ? (lambda * second) / (2 * (1 - rho)) : Infinity;
}

/**
 * The q-quantile of the wait in M/M/c (M/M/1 with c = 1): P(W > t) = C·e^{−(cμ − λ)t}, so
 * t_q = ln(C / (1 − q)) / (cμ − λ), and 0 when an arrival waits with probability below 1 − q.
 */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, q: number): number {
  const C = erlangC(c, lambda / mu);
  const decay = c * mu - lambda;
  return C > 1 - q ? Math.log(C / (1 - q)) / decay : 0;
}

/**
 * Erlang-A (M/M/c+M): Poisson arrivals, c exponential servers, and each waiting customer leaves
 * after an exponential patience (rate θ) — a message whose time to live runs out before a worker
 * takes it. Returns the fraction that abandon, θ·E[Lq]/λ; the fraction served, from the stages
 * below (the two derivations sum to 1); and the mean wait of those served.
 * An arrival finding k waiting ahead is served when its patience outlasts k + 1 stages, stage j
 * (j ahead) ending at rate cμ + jθ (a service or an abandonment ahead); it abandons meanwhile at
 * rate θ. By memorylessness P(served | k) = Π (a_j / (a_j + θ)) and E[wait·1{served} | k] =
 * P(served | k) · Σ 1/(a_j + θ), over j = 0 … k with a_j = cμ + jθ.
 */
export function erlangA(q: {
  arrivalRate: number;
  servers: number;
  serviceRate: number;
  patienceRate: number;
}): { abandon: number; served: number; servedWait: number } {
  const { arrivalRate: lambda, servers: c, serviceRate: mu, patienceRate: theta } = q;
  // Stationary probabilities up to where they vanish (θ > 0 makes every queue length stable).
  const p: number[] = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    const next = (p[n - 1]! * lambda) / death;
    p.push(next);
    total += next;
    if (n > c && next < total * 1e-17) break;
    if (total > 1e250) {
      for (let i = 0; i < p.length; i++) p[i]! /= 1e250;
      total /= 1e250;
    }
  }
  let lq = 0;
  let served = 0;
  let waitServed = 0;
  let prodServed = 1;
  let sumStages = 0;
  for (let n = 0; n < p.length; n++) {
    const pn = p[n]! / total;
    if (n < c) {
      served += pn;
      continue;
    }
    const a = c * mu + (n - c) * theta;
    prodServed *= a / (a + theta);
    sumStages += 1 / (a + theta);
    lq += (n - c) * pn;
    served += pn * prodServed;
    waitServed += pn * prodServed * sumStages;
  }
  return { abandon: (theta * lq) / lambda, served, servedWait: served > 0 ? waitServed / served : 0 };
}

/** The q-quantile of the sojourn in M/M/1: exponential with rate μ − λ. */
export function mm1SojournQuantile(lambda: number, mu: number, q: number): number {
  return -Math.log(1 - q) / (mu - lambda);
}

/**
 * Predicted figures for a handler fed by Poisson arrivals, or null when there is no usable form
 * (non-exponential service behind a finite queue, or no arrivals or servers). With `roundTrip` a
 * server is held for the round trip + service: a general holding time (M/G/·) unless all are constant.
 * `meanSojourn` is wait + the whole holding time.
 */
export function predictHandler(load: HandlerLoad): Prediction | null {
  const { arrivalRate: lambda, servers: c } = load;
  const capacity = load.capacity ?? Infinity;
  if (!(lambda > 0) || !(c >= 1)) return null;
  const { mean, second, shape } = holdingTime(load);
  if (!(mean > 0)) return null;
  const mu = 1 / mean;
  const rho = (lambda * mean) / c;
  const exponential = shape === 'exponential';

  if (Number.isFinite(capacity)) {
    if (!exponential) return null;
    const { blocking, meanQueue: lq } = mmcK(lambda, mu, c, capacity);
    const accepted = lambda * (1 - blocking);
    const meanWait = accepted > 0 ? lq / accepted : 0;
    return {
      model: 'M/M/c/K',
      rho,
      stable: true,
      exact: true,
      meanWait,
      meanSojourn: meanWait + mean,
      meanQueue: lq,
      blocking,
    };
  }
  const model: QueueModel =
    c === 1
      ? exponential
        ? 'M/M/1'
        : shape === 'constant'
          ? 'M/D/1'
          : 'M/G/1'
      : exponential
        ? 'M/M/c'
        : 'M/G/c';
  if (rho >= 1) {
    return {
      model,
      rho,
      stable: false,
      exact: c === 1 || exponential,
      meanWait: Infinity,
      meanSojourn: Infinity,
      meanQueue: Infinity,
    };
  }
  let meanWait: number;
  let probWait: number | undefined;
  if (c === 1) meanWait = (lambda * second) / (2 * (1 - rho));
  else {
    probWait = erlangC(c, lambda * mean);
    const mmc = probWait / (c * mu - lambda);
    // Allen–Cunneen: scale the M/M/c wait by (1 + cs²)/2, cs² the squared coefficient of variation of service.
    meanWait = exponential ? mmc : (mmc * (1 + (second - mean * mean) / (mean * mean))) / 2;
  }
  if (c === 1 && exponential) probWait = rho;
  const out: Prediction = {
    model,
    rho,
    stable: true,
    exact: c === 1 || exponential,
    meanWait,
    meanSojourn: meanWait + mean,
    meanQueue: lambda * meanWait,
  };
  if (probWait !== undefined) out.probWait = probWait;
  return out;
}

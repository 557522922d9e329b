// The yardstick: a minimal hand-written M/M/1 event loop (binary heap over typed arrays, one
// FIFO counter, no metrics), using the engine's RNG so both sides pay the same for random numbers.
import { Rng } from '../src/engine/rng';

/** Runs `jobs` M/M/1 jobs (arrival rate lambda, service rate mu); returns mean sojourn as a sanity figure. */
export function bareMM1(jobs: number, lambda: number, mu: number, seed: number): number {
  const rng = new Rng(seed);
  const cap = 1024;
  const time = new Float64Array(cap);
  const kind = new Int32Array(cap);
  let n = 0;
  // Arrival times of waiting jobs, as a ring.
  const ring = new Float64Array(1 << 20);
  let head = 0;
  let len = 0;
  let busy = false;
  let inService = 0;
  let done = 0;
  let sum = 0;
  n = push(time, kind, n, -Math.log(rng.next()) / lambda, 0);
  while (done < jobs) {
    const t = time[0]!;
    const k = kind[0]!;
    n = pop(time, kind, n);
    if (k === 0) {
      n = push(time, kind, n, t - Math.log(rng.next()) / lambda, 0);
      if (!busy) {
        busy = true;
        inService = t;
        n = push(time, kind, n, t - Math.log(rng.next()) / mu, 1);
      } else ring[(head + len++) & (ring.length - 1)] = t;
    } else {
      done++;
      sum += t - inService;
      if (len > 0) {
        inService = ring[head]!;
        head = (head + 1) & (ring.length - 1);
        len--;
        n = push(time, kind, n, t - Math.log(rng.next()) / mu, 1);
      } else busy = false;
    }
  }
  return sum / done;
}

function push(time: Float64Array, kind: Int32Array, n: number, t: number, k: number): number {
  let i = n;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (time[p]! <= t) break;
    time[i] = time[p]!;
    kind[i] = kind[p]!;
    i = p;
  }
  time[i] = t;
  kind[i] = k;
  return n + 1;
}

function pop(time: Float64Array, kind: Int32Array, size: number): number {
  const n = size - 1;
  const t = time[n]!;
  const k = kind[n]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && time[c + 1]! < time[c]!) c++;
    if (t <= time[c]!) break;
    time[i] = time[c]!;
    kind[i] = kind[c]!;
    i = c;
  }
  time[i] = t;
  kind[i] = k;
  return n;
}

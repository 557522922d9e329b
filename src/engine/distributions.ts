// Distributions compiled to plain numbers so sampling on the hot path is a switch over a small
// integer, with no closures or objects per draw.
import type { Dist } from '../model/dist';
import type { Rng } from './rng';

export const D_CONSTANT = 0;
export const D_EXPONENTIAL = 1;
export const D_UNIFORM = 2;
export const D_NORMAL = 3;
export const D_LOGNORMAL = 4;

/** A distribution as (kind, a, b): constant(a), exponential(mean a), uniform(a, b), normal(a, b), lognormal(mu a, sigma b). */
export interface CompiledDist {
  kind: number;
  a: number;
  b: number;
}

export function compileDist(d: Dist): CompiledDist {
  switch (d.dist) {
    case 'constant':
      return { kind: D_CONSTANT, a: d.value, b: 0 };
    case 'exponential':
      return { kind: D_EXPONENTIAL, a: d.mean, b: 0 };
    case 'uniform':
      return { kind: D_UNIFORM, a: d.min, b: d.max - d.min };
    case 'normal':
      return { kind: D_NORMAL, a: d.mean, b: d.stddev };
    case 'lognormal': {
      // The file gives the mean m and stddev s of the variable itself; the underlying normal has
      // sigma² = ln(1 + s²/m²) and mu = ln m − sigma²/2, so that E[X] = m and SD[X] = s exactly.
      const sigma2 = Math.log(1 + (d.stddev * d.stddev) / (d.mean * d.mean));
      return { kind: D_LOGNORMAL, a: Math.log(d.mean) - sigma2 / 2, b: Math.sqrt(sigma2) };
    }
  }
}

/** One standard normal draw (Box–Muller; the second value is discarded to keep no hidden state). */
function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Draws one value ≥ 0. Normal is truncated at 0 by resampling (mean ≥ 0, so at most ~2 tries on average). */
export function sample(kind: number, a: number, b: number, rng: Rng): number {
  switch (kind) {
    case D_EXPONENTIAL:
      return -a * Math.log(rng.next());
    case D_CONSTANT:
      return a;
    case D_UNIFORM:
      return a + b * rng.next();
    case D_NORMAL: {
      if (b === 0) return a;
      for (;;) {
        const x = a + b * standardNormal(rng);
        if (x >= 0) return x;
      }
    }
    default:
      return b === 0 ? Math.exp(a) : Math.exp(a + b * standardNormal(rng));
  }
}

/** Draws from a compiled distribution; the exponential case is kept small enough to inline on hot paths. */
export function draw(d: CompiledDist, rng: Rng): number {
  return d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
}

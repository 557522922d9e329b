// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna), 32-bit state words via
// Math.imul so it is exact in every JS engine. Seeded through splitmix32 so that nearby seeds
// (1, 2, 3…) give unrelated streams. No Math.random anywhere in the engine.

const TWO_POW_32 = 4294967296;

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  // Int32 state words: a typed array keeps them untagged integers in optimized code.
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    this.seed(seed);
  }

  /** Restarts the stream; seeds above 2^32 use their high bits too. */
  seed(seed: number): void {
    const st = { s: (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) | 0, 0x27d4eb2d) };
    const s = this.s;
    for (let i = 0; i < 4; i++) s[i] = splitmix32(st);
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  }

  /** Sets the raw state (for checking against the reference implementation's test vectors). */
  setState(a: number, b: number, c: number, d: number): void {
    this.s[0] = a;
    this.s[1] = b;
    this.s[2] = c;
    this.s[3] = d;
  }

  /** Next raw 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const m = Math.imul(b, 5);
    const out = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const c = s[2]! ^ a;
    const d = s[3]! ^ b;
    s[1] = b ^ c;
    s[0] = a ^ d;
    s[2] = c ^ (b << 9);
    s[3] = (d << 11) | (d >>> 21);
    return out;
  }

  /** Uniform in the open interval (0, 1): never 0, so log(u) is always finite. */
  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

// A stack of Int32 scratch space for work that must be gathered before it is done (the copies of
// a fan-out are all made before any is sent). Nested users push above each other; it grows by
// doubling and is never shrunk, so steady runs allocate nothing.
export class Scratch {
  values = new Int32Array(64);
  top = 0;

  /** Makes room for n values above `top`; returns the array to write them in. */
  reserve(n: number): Int32Array {
    if (this.top + n > this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, this.top + n));
      grown.set(this.values);
      this.values = grown;
    }
    return this.values;
  }
}

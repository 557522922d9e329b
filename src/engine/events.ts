// Kernel event codes: the kind in the low 3 bits of a heap entry's code, its argument (node, slot
// or worker) above, so that an entry is one Int32.
export const E_PRODUCE = 0;
export const E_ARRIVE = 1;
export const E_DONE = 2;
export const E_REDELIVER = 3;
export const E_RESUME = 4;
export const E_RELEASE = 5;
export const E_WARMUP = 6;
export const E_SAMPLE = 7;

// Retries: how long a failed or lease-expired message waits before its bus offers it again (the
// handler's retryDelay as in v1, the bus's own delay, or exponential backoff with jitter), and
// where it goes then (the tail of the bus, or its head).
import { draw } from './distributions';
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { JITTER, RETRY } from './kinds/codes';

/** Seconds before the n-th retry (n ≥ 1) of a message of bus `bus` that handler h failed. */
export function retryDelay(eng: Engine, bus: number, h: number, n: number): number {
  const topo = eng.topo;
  switch (topo.retryKind[bus]) {
    case RETRY.delay:
      return draw(topo.busRetryDelay[bus]!, eng.rng);
    case RETRY.backoff:
      return backoff(
        eng,
        topo.backoffInitial[bus]!,
        topo.backoffMultiplier[bus]!,
        topo.backoffMax[bus]!,
        topo.backoffJitter[bus]!,
        n,
      );
    default:
      // As in v1: the handler's retryDelay.
      return draw(topo.retryDelay[h]!, eng.rng);
  }
}

/** min(max, initial × multiplier^(n−1)) before the n-th retry, with its jitter (a bus's or a call's). */
export function backoff(
  eng: Engine,
  initial: number,
  multiplier: number,
  max: number,
  jitter: number,
  n: number,
): number {
  const d = Math.min(max, initial * multiplier ** (n - 1));
  switch (jitter) {
    case JITTER.full:
      return d * eng.rng.next();
    case JITTER.equal:
      return d / 2 + (d / 2) * eng.rng.next();
    default:
      return d;
  }
}

/** Offers `slot` to its source again after its retry delay (EV.redeliver). */
export function scheduleRetry(eng: Engine, slot: number, delay: number): void {
  eng.heap.push(eng.now + delay, eventCode(EV.redeliver, slot));
}

// "block" overflow: a copy that finds its queue full is *blocked* (parked in the queue's
// blockedAt list) and its publisher is held back until every copy it has blocked is admitted. A
// producer with blocked copies does not emit (its next emission waits); a worker with blocked
// copies stays occupied after its service. The publisher of a copy is pool.pub: a producer's node
// number, N + a worker number, or -1 for copies nobody waits for (forwarded by a bus, dead letters).
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';

export function block(eng: Engine, pub: number): void {
  if (pub < 0) return;
  if (pub < eng.N) {
    eng.pBlocked[pub]!++;
    eng.metrics.blocked[pub]!++;
  } else {
    const w = pub - eng.N;
    eng.wBlocked[w]!++;
    eng.metrics.blocked[eng.wHandler[w]!]!++;
  }
}

/** One of pub's blocked copies was admitted: the last one lets a waiting publisher go on. */
export function unblock(eng: Engine, pub: number): void {
  if (pub < 0) return;
  if (pub < eng.N) {
    eng.metrics.blocked[pub]!--;
    if (--eng.pBlocked[pub]! === 0 && eng.pWaiting[pub])
      eng.heap.push(eng.now, eventCode(EV.resumeProducer, pub));
  } else {
    const w = pub - eng.N;
    eng.metrics.blocked[eng.wHandler[w]!]!--;
    if (--eng.wBlocked[w]! === 0 && eng.wWaiting[w]) {
      eng.wWaiting[w] = 0;
      eng.heap.push(eng.now, eventCode(EV.resumeWorker, w));
    }
  }
}

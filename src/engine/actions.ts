// What each row of the timeline does when it is due (EV.action). Lane counters are flushed
// first, so an action always sees up-to-date figures.
import { assertNever } from '../model/assertNever';
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { ACTION } from './kernel/timeline';
import { endFault, startFault, watchFault } from './faults';
import { checkDeadlock } from './guards';
import { oldestAge } from './kinds/bus';
import { KIND_CODE, kindAt } from './kinds/codes';

const isBus = (eng: Engine, n: number): boolean => {
  const k = kindAt(eng.topo, n);
  return k === KIND_CODE.queue || k === KIND_CODE.topic || k === KIND_CODE.stream;
};

export function runAction(eng: Engine, row: number): void {
  const r = eng.timeline.rows[row]!;
  eng.timelinePending--;
  eng.lanes.flush(eng);
  const action = r.action;
  switch (action) {
    case ACTION.endWarmup:
      eng.metrics.startMeasuring(eng.now);
      eng.partitionDepths.startMeasuring(eng.now);
      break;
    case ACTION.sample:
      eng.metrics.sample(eng.now);
      for (let n = 0; n < eng.N; n++) if (isBus(eng, n)) eng.metrics.sampleAge(n, oldestAge(eng, n));
      for (let i = 0; i < eng.topo.faults.length; i++) watchFault(eng, i);
      break;
    case ACTION.faultStart:
      startFault(eng, r.target);
      break;
    case ACTION.faultEnd:
      endFault(eng, r.target);
      break;
    default:
      assertNever(action, 'action');
  }
  if (r.period > 0) scheduleAction(eng, row, eng.now + r.period);
  // The heap is taken (this event's entry is still in it) unless the push above replaced it.
  checkDeadlock(eng);
}

export function scheduleAction(eng: Engine, row: number, at: number): void {
  eng.timelinePending++;
  eng.heap.push(at, eventCode(EV.action, row));
}

// What an import assumes where AsyncAPI says nothing: AsyncAPI describes messages and channels,
// not how fast anything happens. Each assumption is listed in the import's notices, so the user
// knows which figures to set before trusting a run.
import type { Dist } from '../../model/dist';
import { describeArrivals, describeDist } from '../../model/describe';
import { newConfig } from '../../model/defaults';

/** A producer sends a Poisson stream of 10 events/s. */
export const PRODUCER_INTERARRIVAL: Dist = { dist: 'exponential', mean: 0.1 };
/** A handler has 4 workers taking 20 ms on average (exponential): 200 events/s at most. */
export const HANDLER_CONCURRENCY = 4;
export const HANDLER_SERVICE: Dist = { dist: 'exponential', mean: 0.02 };
/** A stream whose kafka binding gives no partition count gets the app's usual one. */
export const STREAM_PARTITIONS = newConfig('stream').partitions;

export const producerAssumed = `no rate in the spec; ${describeArrivals(PRODUCER_INTERARRIVAL)} assumed`;
export const handlerAssumed = `no concurrency or service time in the spec; ${HANDLER_CONCURRENCY} workers, ${describeDist(HANDLER_SERVICE)} each assumed`;

// Kernel events: what a heap entry means. An entry's code is one Int32 holding the event kind in
// its low EVENT_KIND_BITS bits and its argument (a node, a message slot, a worker or a timeline
// row) above them. Only eventCode(), eventKind() and eventArg() read or write that layout.

/** Every kind of kernel event; a new one gets the next number (room for 2^EVENT_KIND_BITS). */
export const EV = {
  /** A producer emits its next event (argument: node). */
  produce: 0,
  /** A copy reaches the end of an edge with latency (argument: slot). */
  arrive: 1,
  /** A worker finishes its service (argument: worker). */
  done: 2,
  /** A failed message goes back to its queue (argument: slot). */
  redeliver: 3,
  /** A blocked producer may emit again (argument: node). */
  resumeProducer: 4,
  /** A worker whose emissions were blocked is free to take work (argument: worker). */
  resumeWorker: 5,
  /** A row of the timeline of scheduled actions is due (argument: row). */
  action: 6,
  /** A message pushed to a handler comes off the edge's wire into its buffer (argument: slot). */
  deliver: 7,
  /** An acknowledgement reaches its bus (argument: delivery record). */
  ack: 8,
  /** A delivery's lease runs out (argument: delivery record). */
  lease: 9,
  /** A dependency has served an attempt of a call (argument: call record). */
  answer: 10,
  /** A caller stops waiting for an attempt (argument: call record). */
  callTimeout: 11,
  /** The backoff before a call's next attempt is over (argument: call record). */
  callRetry: 12,
} as const;
export type EventKind = (typeof EV)[keyof typeof EV];

export const EVENT_KIND_BITS = 4;
const KIND_MASK = (1 << EVENT_KIND_BITS) - 1;
/** The largest argument a code can carry and stay a positive Int32. */
export const MAX_EVENT_ARG = 2 ** (31 - EVENT_KIND_BITS) - 1;

export function eventCode(kind: EventKind, arg: number): number {
  return (arg << EVENT_KIND_BITS) | kind;
}

export function eventKind(code: number): EventKind {
  return (code & KIND_MASK) as EventKind;
}

export function eventArg(code: number): number {
  return code >>> EVENT_KIND_BITS;
}

/**
 * Refuses an argument past MAX_EVENT_ARG, where codes would wrap into other events. Called where
 * numbered things grow (message slots, workers, timeline rows), not per event.
 */
export function checkEventArg(n: number, what: string): void {
  if (n > MAX_EVENT_ARG + 1)
    throw new RangeError(`the run holds more ${what} than the engine can number (${MAX_EVENT_ARG + 1})`);
}

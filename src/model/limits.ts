// Upper bounds on everything a flow file or the command line can ask for, written once. Each is
// checked at validation with the usual path-and-reason message, so a typing slip ("concurrency":
// 4294967296) is refused before anything runs. The engine holds counts in Int32 arrays and event
// arguments in 27 bits, and every bound here is far inside both. docs/limits.md lists them with
// the reasons; a bound a real design outgrows is raised here, in one place.

/**
 * Nodes in one flow. The engine keeps about 100 KB of figures per node (latency histograms and
 * the time series), so 25,000 nodes take about 2.5 GB to run; a 20,000-node chain runs.
 */
export const MAX_NODES = 25_000;
/** Edges in one flow. */
export const MAX_EDGES = 100_000;
/** Distinct event types (producers' types, handlers' emits and the types filters name). */
export const MAX_EVENT_TYPES = 1_000;
/** Edges × event types: the engine counts transits per edge and type. */
export const MAX_EDGE_TYPES = 10_000_000;
/** Workers of one handler (`concurrency`). */
export const MAX_CONCURRENCY = 100_000;
/** Workers of all handlers together. */
export const MAX_WORKERS = 1_000_000;
/** Partitions of one stream. */
export const MAX_PARTITIONS = 10_000;
/** Partition queues: each stream's partitions × its consumer groups (outgoing edges), summed. */
export const MAX_PARTITION_QUEUES = 200_000;
/** A queue's or topic subscription's `capacity` (waiting messages). */
export const MAX_CAPACITY = 1_000_000_000;
/** `maxDeliveries` of a queue, a topic (each subscription) or a stream. */
export const MAX_DELIVERIES = 1_000;
/** An edge's `prefetch`: unacknowledged messages a handler may hold from one bus (Int32). */
export const MAX_PREFETCH = 1_000_000;
/** Calls per job and attempts per call on a handler → dependency edge: a job makes at most calls × attempts attempts. */
export const MAX_CALLS = 1_000;
export const MAX_ATTEMPTS = 100;
/** A producer's distinct `keys`. */
export const MAX_KEYS = 1_000_000_000;
/**
 * A producer's `keySkew` (Zipf exponent). At 10 the first key is drawn 99.9 % of the time;
 * beyond, the others are as good as never drawn (`keys: 1` says that plainly).
 */
export const MAX_KEY_SKEW = 10;
/**
 * `keys` of one producer with `keySkew`: the engine draws skewed keys from a table of 12 bytes a
 * key, built before the run (a billion keys took 8 GB and minutes before it gave up).
 */
export const MAX_SKEWED_KEYS = 1_000_000;
/** Skewed keys of all producers together (120 MB of tables). */
export const MAX_SKEWED_KEYS_TOTAL = 10_000_000;
/**
 * A backoff's `multiplier`. The delay stops growing at `max` (without one, at MAX_SECONDS, past
 * any run's end), so a larger factor would only reach it sooner.
 */
export const MAX_BACKOFF_MULTIPLIER = 100;
/** A producer's `count` of events. */
export const MAX_COUNT = 1_000_000_000_000;

/** Points in one producer's load `profile` (a daily curve by the minute is 1,440). */
export const MAX_PROFILE_POINTS = 10_000;
/** A load profile's largest `factor` on its producer's base rate. */
export const MAX_PROFILE_FACTOR = 1_000_000;
/** Faults in one flow. */
export const MAX_FAULTS = 1_000;
/** Service-level objectives a flow may hold (each is checked after every run). */
export const MAX_SLOS = 100;
/** A slow fault's largest `factor` on service times or latency. */
export const MAX_FAULT_FACTOR = 1_000_000;

/**
 * Any time in a flow (duration, warm-up, start, retention, lease, backoff, a profile point's or a
 * fault's time, every distribution parameter): about 32 years.
 */
export const MAX_SECONDS = 1_000_000_000;
/** The smallest time other than 0 (1 ns): below it, sums of times stop adding up and draws underflow. */
export const MIN_SECONDS = 1e-9;
/**
 * The smallest mean interarrival time of a producer without `count` (1 µs, a million events per
 * second): anything faster emits without end at one instant, or as good as.
 */
export const MIN_INTERARRIVAL = 1e-6;
/**
 * A loop must take time: at least one service or latency on it must average 1 µs. A loop of
 * faster hops circles a copy a million times or more per simulated second, without end.
 */
export const MIN_LOOP_HOP = 1e-6;
/**
 * Events a producer may send faster than MIN_INTERARRIVAL (a burst with a `count`): more would
 * only stall the clock (the engine stops a run whose time stops advancing).
 */
export const MAX_BURST = 100_000;
/** A lognormal's stddev ÷ mean: beyond it, draws overflow or underflow, and the mean is never reached in a run. */
export const MAX_LOGNORMAL_CV = 10_000;

/** Characters in an id (nodes, edges) or an event type. */
export const MAX_ID_LENGTH = 200;
/** Characters in a flow's name or a node's label. */
export const MAX_TEXT_LENGTH = 1_000;
/** Nesting of objects and lists in a flow file, unknown fields included. */
export const MAX_DEPTH = 64;
/** Bytes of a flow file read by the command line or imported in the browser (64 MiB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

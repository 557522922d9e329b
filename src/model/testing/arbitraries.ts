// fast-check arbitraries for Flow JSON (test-only). Flows are valid by construction: unique
// ids, edges that respect connectionProblem, deadLetters naming other buses, every version 2
// field within its bounds (model/limits.ts; load profiles and faults on what they act on
// included), and unknown extra fields sprinkled in, since
// docs/flow-json.md says those survive a round trip.
import fc from 'fast-check';
import { assertNever } from '../assertNever';
import { kindProblem } from '../connect';
import { endlessArrivals } from '../kinds/producer';
import { type Backoff, JITTERS, type Retry, RETRY_POSITIONS, STREAM_FAILURES } from '../delivery';
import type { Fault } from '../faults';
import type { Dist } from '../dist';
import {
  DELIVERIES,
  FLOW_VERSION,
  type Flow,
  type FlowEdge,
  type FlowNode,
  isBusKind,
  KINDS,
  type Kind,
  OVERFLOWS,
} from '../flow';
import { ORDER_BY } from '../kinds/queue';
import {
  MAX_ATTEMPTS,
  MAX_BACKOFF_MULTIPLIER,
  MAX_CALLS,
  MAX_DELIVERIES,
  MAX_FAULT_FACTOR,
  MAX_KEY_SKEW,
  MAX_PREFETCH,
  MAX_PROFILE_FACTOR,
} from '../limits';
import type { ProfilePoint } from '../profile';

// Times are 0 or at least 1 ns (model/limits.ts); these stay well inside.
const positiveTime = fc.double({ min: 1e-6, max: 10, noNaN: true, noDefaultInfinity: true });
const time = fc.oneof(fc.constant(0), positiveTime);
const whole = (min: number) => fc.integer({ min, max: 10_000 });
const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,11}$/);

/** Unknown fields a future version (or another tool) might add; keys avoid Flow JSON's own. */
const extras = fc.dictionary(
  fc.stringMatching(/^x-[a-z]{1,6}$/),
  fc.oneof(fc.string(), fc.integer(), fc.boolean()),
  {
    maxKeys: 2,
  },
);

export const distArb: fc.Arbitrary<Dist> = fc.oneof(
  fc.record({ dist: fc.constant('constant' as const), value: time }),
  fc.record({ dist: fc.constant('exponential' as const), mean: positiveTime }),
  fc
    .tuple(time, time)
    .map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ dist: fc.constant('normal' as const), mean: time, stddev: time }),
  fc
    .tuple(positiveTime, fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })))
    .map(([mean, cv]) => ({ dist: 'lognormal' as const, mean, stddev: mean * cv })),
);

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const backoffArb: fc.Arbitrary<Backoff> = fc
  .record({
    initial: positiveTime,
    multiplier: opt(fc.double({ min: 1, max: MAX_BACKOFF_MULTIPLIER, noNaN: true })),
    extra: opt(positiveTime),
    jitter: opt(fc.constantFrom(...JITTERS)),
  })
  .map(({ extra, ...b }) =>
    withoutUndefined({ ...b, max: extra === undefined ? undefined : b.initial + extra }),
  );
/** A retry gives a delay or a backoff, never both. */
const retryArb: fc.Arbitrary<Retry> = fc
  .record({
    position: opt(fc.constantFrom(...RETRY_POSITIONS)),
    wait: opt(
      fc.oneof(
        distArb.map((delay) => ({ delay })),
        backoffArb.map((backoff) => ({ backoff })),
      ),
    ),
  })
  .map(({ position, wait }) => withoutUndefined({ position, ...wait }));
/** A load profile: points in time order, factors from 0 (paused) to the bound. */
const profileArb: fc.Arbitrary<ProfilePoint[]> = fc
  .array(
    fc.record({
      gap: positiveTime,
      factor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_PROFILE_FACTOR, noNaN: true })),
      ramp: opt(fc.boolean()),
    }),
    { maxLength: 4 },
  )
  .map((points) => {
    let at = 0;
    return points.map(({ gap, factor, ramp }) => withoutUndefined({ at: (at += gap), factor, ramp }));
  });

/** Flow JSON v2's delivery fields, shared by queues and topic subscriptions. */
const deliveryArb = {
  delivery: opt(fc.constantFrom(...DELIVERIES)),
  maxDeliveries: opt(fc.integer({ min: 1, max: MAX_DELIVERIES })),
  ttl: opt(distArb),
  lease: opt(positiveTime),
  retry: opt(retryArb),
};

function configArb(kind: Kind): fc.Arbitrary<FlowNode['config']> {
  const rec = <T extends Record<string, unknown>>(a: fc.Arbitrary<T>) =>
    fc.tuple(a, extras).map(([c, x]) => withoutUndefined({ ...x, ...c }));
  switch (kind) {
    case 'producer':
      return rec(
        fc
          .record({
            eventType: word,
            interarrival: distArb,
            count: opt(whole(1)),
            start: opt(time),
            keys: opt(whole(1)),
            keySkew: opt(fc.double({ min: 0, max: MAX_KEY_SKEW, noNaN: true })),
            profile: opt(profileArb),
          })
          // Skew needs keys; a producer without a count must let time advance (endlessArrivals).
          .map((c) => (c.keys === undefined ? { ...c, keySkew: undefined } : c))
          .map((c) => (!endlessArrivals(c.interarrival, c.count, c.profile) ? c : { ...c, count: 1 })),
      );
    case 'queue':
      return rec(
        fc.record({
          capacity: opt(whole(0)),
          overflow: opt(fc.constantFrom(...OVERFLOWS)),
          orderBy: opt(fc.constantFrom(...ORDER_BY)),
          ...deliveryArb,
        }),
      );
    case 'topic':
      return rec(fc.record({ capacity: opt(whole(0)), ...deliveryArb }));
    case 'stream':
      return rec(
        fc.record({
          partitions: whole(1),
          retention: opt(positiveTime),
          onFailure: opt(fc.constantFrom(...STREAM_FAILURES)),
          maxDeliveries: opt(fc.integer({ min: 1, max: MAX_DELIVERIES })),
          retry: opt(retryArb),
        }),
      );
    case 'handler':
      return rec(
        fc.record({
          concurrency: whole(1),
          service: distArb,
          failureRate: opt(fc.double({ min: 0, max: 1, noNaN: true })),
          retryDelay: opt(distArb),
          emits: opt(word),
          failsOn: opt(fc.array(word, { maxLength: 3 })),
        }),
      );
    case 'dependency':
      return rec(
        fc.record({
          pool: whole(1),
          service: distArb,
          failureRate: opt(fc.double({ min: 0, max: 1, noNaN: true })),
        }),
      );
    case 'store':
      return rec(fc.constant({}));
    default:
      return assertNever(kind, 'node kind');
  }
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const nodeArb = (id: string) =>
  fc.constantFrom(...KINDS).chain((kind) =>
    fc
      .record({
        label: opt(fc.string({ maxLength: 20 })),
        x: fc.integer({ min: -2000, max: 2000 }),
        y: fc.integer({ min: -2000, max: 2000 }),
        config: configArb(kind),
        extra: extras,
      })
      .map(
        ({ label, x, y, config, extra }) =>
          withoutUndefined({ ...extra, id, kind, label, position: { x, y }, config }) as FlowNode,
      ),
  );

/**
 * Faults aimed at what each kind acts on (model/faults.ts), one after another in time (a handler
 * may not be paused and crashed at once).
 */
function faultsOn(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  draws: readonly {
    target: number;
    gap: number;
    duration: number;
    factor: number;
    rate: number;
    choice: number;
  }[],
): Fault[] | undefined {
  const handlers = nodes.filter((n) => n.kind === 'handler').map((n) => n.id);
  const called = [...handlers, ...nodes.filter((n) => n.kind === 'dependency').map((n) => n.id)];
  const buses = nodes.filter((n) => isBusKind(n.kind)).map((n) => n.id);
  const edgeIds = edges.filter((e) => !isCall(nodes, e.target)).map((e) => e.id);
  let end = 0;
  const faults = draws.flatMap(({ target, gap, duration, factor, rate, choice }): Fault[] => {
    const options: [Fault['kind'], readonly string[]][] = [
      ['crash', called],
      ['pause', handlers],
      ['slow', [...called, ...edgeIds]],
      ['fail', called],
      ['partition', edgeIds],
      ['outage', buses],
    ];
    const usable = options.filter(([, on]) => on.length > 0);
    if (usable.length === 0) return [];
    const [kind, on] = usable[choice % usable.length]!;
    const at = end + gap;
    end = at + duration;
    const fault: Fault = { at, duration, target: on[target % on.length]!, kind };
    if (kind === 'slow') fault.factor = factor;
    if (kind === 'fail') fault.rate = rate;
    return [fault];
  });
  return faults.length > 0 ? faults : undefined;
}

const windowed = (nodes: readonly FlowNode[], source: string, target: string): boolean => {
  const kind = (id: string) => nodes.find((n) => n.id === id)?.kind;
  return (kind(source) === 'queue' || kind(source) === 'topic') && kind(target) === 'handler';
};

const isCall = (nodes: readonly FlowNode[], target: string): boolean =>
  nodes.find((n) => n.id === target)?.kind === 'dependency';

/** Any valid Flow JSON document (current version), with up to `maxNodes` nodes. */
export const flowArb = (maxNodes = 8): fc.Arbitrary<Flow> =>
  fc
    .integer({ min: 0, max: maxNodes })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => nodeArb(`n${i}`))))
    .chain((nodes) => {
      const pairs = nodes.flatMap((s) =>
        nodes.filter((t) => t.id !== s.id && !kindProblem(s.kind, t.kind)).map((t) => [s.id, t.id] as const),
      );
      const buses = nodes.filter((n) => isBusKind(n.kind)).map((n) => n.id);
      return fc.record({
        nodes: fc.constant(nodes),
        edges: fc.subarray(pairs).chain((chosen) =>
          fc.tuple(
            ...chosen.map(([source, target], i) =>
              fc
                .record({
                  latency: opt(distArb),
                  filter: opt(fc.array(word, { maxLength: 3 })),
                  prefetch: opt(fc.integer({ min: 1, max: MAX_PREFETCH })),
                  ackLatency: opt(distArb),
                  calls: opt(fc.integer({ min: 1, max: MAX_CALLS })),
                  timeout: opt(positiveTime),
                  attempts: opt(fc.integer({ min: 1, max: MAX_ATTEMPTS })),
                  backoff: opt(backoffArb),
                })
                // The delivery window belongs on queue or topic → handler edges only, the call
                // fields on handler → dependency edges only, which have no latency or filter.
                .map(({ prefetch, ackLatency, calls, timeout, attempts, backoff, latency, filter, ...e }) =>
                  isCall(nodes, target)
                    ? { ...e, calls, timeout, attempts, backoff }
                    : windowed(nodes, source, target)
                      ? { ...e, latency, filter, prefetch, ackLatency }
                      : { ...e, latency, filter },
                )
                .map((e) => withoutUndefined({ id: `e${i}`, source, target, ...e }) as FlowEdge),
            ),
          ),
        ),
        deadLetters: fc.array(opt(fc.constantFrom('', ...buses)), {
          minLength: nodes.length,
          maxLength: nodes.length,
        }),
        faults: fc.array(
          fc.record({
            target: fc.nat(),
            gap: time,
            duration: positiveTime,
            factor: fc.double({ min: 0, max: MAX_FAULT_FACTOR, noNaN: true }),
            rate: fc.double({ min: 0, max: 1, noNaN: true }),
            choice: fc.nat(),
          }),
          { maxLength: 3 },
        ),
        name: fc.string({ maxLength: 30 }),
        settings: opt(
          fc
            .record({
              seed: opt(whole(0)),
              duration: opt(fc.integer({ min: 10, max: 600 })),
              warmup: opt(fc.integer({ min: 0, max: 9 })),
            })
            .map(withoutUndefined),
        ),
        extra: extras,
      });
    })
    .map(({ nodes, edges, deadLetters, faults, name, settings, extra }) => {
      const withDlq = nodes.map((n, i) => {
        const dl = deadLetters[i];
        return isBusKind(n.kind) && dl && dl !== n.id
          ? ({ ...n, config: { ...n.config, deadLetter: dl } } as FlowNode)
          : n;
      });
      return withoutUndefined({
        ...extra,
        format: 'eventflow',
        version: FLOW_VERSION,
        name,
        nodes: withDlq,
        edges,
        settings,
        faults: faultsOn(nodes, edges, faults),
      }) as Flow;
    });

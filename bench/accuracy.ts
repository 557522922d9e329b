// Prints the accuracy table of docs/engine.md: the engine against queueing theory, with the same
// models, run lengths and replications as src/engine/accuracy.test.ts. Run: npx tsx bench/accuracy.ts
import { erlangC, mm1SojournQuantile, mmcKBlocking, pollaczekKhinchineWait } from '../src/model/theory';
import {
  constant,
  exp,
  flowOf,
  handler,
  producer,
  replicate,
  run,
  stream,
} from '../src/engine/testing/flows';
import { competingPair, failingQueue, mmc, pooledWait } from '../src/engine/testing/models';
import type { Estimate } from '../src/engine/testing/flows';

const rows: string[] = [];
const row = (what: string, expected: number, m: Estimate | number, tolerance: string) => {
  const measured = typeof m === 'number' ? m : m.mean;
  const se = typeof m === 'number' ? '' : ` ± ${m.se.toPrecision(2)}`;
  const err = ((measured / expected - 1) * 100).toFixed(2);
  rows.push(
    `| ${what} | ${expected.toPrecision(5)} | ${measured.toPrecision(5)}${se} | ${err}% | ${tolerance} |`,
  );
};

const mm1 = mmc(0.8, 1);
row(
  'M/M/1 ρ=0.8 mean sojourn (s)',
  5,
  replicate(mm1, 8, 150_000, 1_000, (r) => r.nodes.h!.sojourn.mean),
  '4 SE',
);
row(
  'M/M/1 ρ=0.8 p95 sojourn (s)',
  mm1SojournQuantile(0.8, 1, 0.95),
  replicate(mm1, 8, 150_000, 1_000, (r) => r.endToEnd.p95),
  '4 SE',
);
row(
  'M/M/4 ρ=0.8 mean wait, Erlang C (s)',
  erlangC(4, 3.2) / 0.8,
  replicate(mmc(3.2, 4), 8, 20_000, 500, (r) => r.nodes.h!.wait.mean),
  '4 SE',
);
row(
  'M/D/1 ρ=0.8 mean wait, P-K (s)',
  pollaczekKhinchineWait(0.8, constant(1)),
  replicate(mmc(0.8, 1, constant(1)), 8, 60_000, 1_000, (r) => r.nodes.h!.wait.mean),
  '4 SE',
);
const little = run(mmc(0.9, 1), 7, 100_000, 1_000).report;
row(
  "Little's law L = λW, M/M/1 ρ=0.9 (msgs)",
  (little.nodes.h!.in / 99_000) * little.nodes.h!.wait.mean,
  little.nodes.q!.queueDepth.mean,
  '1%',
);
row(
  'M/M/1/K K=4 ρ=0.9 blocking probability',
  mmcKBlocking(0.9, 1, 1, 4),
  replicate(mmc(0.9, 1, exp(1), 4), 8, 50_000, 100, (r) => r.nodes.q!.dropped / r.nodes.q!.in),
  '4 SE',
);
const mm2 = competingPair();
row(
  'Competing consumers = M/M/2 ρ=0.8, mean wait (s)',
  erlangC(2, 1.6) / 0.4,
  replicate(mm2, 8, 30_000, 500, (r) => pooledWait(r, ['a', 'b'])),
  '4 SE',
);
row(
  'Competing consumers: share of handler a',
  0.5,
  replicate(mm2, 8, 30_000, 500, (r) => r.nodes.a!.in / (r.nodes.a!.in + r.nodes.b!.in)),
  '4 SE',
);
const failing = run(failingQueue(), 11, 40_000, 100).report;
row(
  'f=0.5, 3 deliveries: dead-lettered share f³',
  0.125,
  failing.nodes.q!.deadLettered / failing.nodes.p!.out,
  '±0.01 (4 binomial SE)',
);
row(
  'f=0.5, 3 deliveries: redeliveries per message f+f²',
  0.75,
  failing.nodes.q!.redelivered / failing.nodes.p!.out,
  '±0.02',
);
const capped = run(
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(0.1), keys: 1000 }),
      stream('s', { partitions: 4 }),
      handler('g', { concurrency: 8, service: constant(1) }),
    ],
    ['p->s', 's->g'],
  ),
  5,
  2000,
  100,
).report;
row(
  'Stream, 4 partitions, 8 workers, 1 s service: throughput (/s)',
  4,
  capped.nodes.g!.throughput,
  '≤ 4 + edge effect',
);
console.log('| Figure | Theory | Measured (± SE) | Error | Tolerance |');
console.log('| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));

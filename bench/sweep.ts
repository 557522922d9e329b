// `npm run bench:sweep`: the sizing question of issue 11 — the smallest checkout concurrency
// with end-to-end p99 < 100 ms at 2,000 orders/s (bench/sizing.json: producer → queue →
// checkout → queue → billing) — as `simulate --sweep` answers it: 8 values × 10 replications of
// 100,000 orders each (about 330,000 kernel events). Each sweep runs as a user runs it, a
// process of its own started from the package's bin (`npx eventflow simulate …` without npx),
// with --jobs 1 and --jobs N (N = cores), alternating which goes first; the bench prints wall
// times (process start-up included), events per second, the parallel efficiency t1 / (N · tN)
// (target ≥ 0.8), whether the documents are identical, and the answer with its interval. A
// process per sweep, because in one process the main thread's compiled code stays warm from
// round to round while each sweep's workers start cold, which favours --jobs 1; a user's sweep
// starts cold either way. On a shared machine other
// processes take cores from the parallel run more than from the serial one: each run says how
// many cores the rest of the machine used meanwhile (Linux), and the efficiency is also given
// over the rounds where that stayed under a tenth of a core.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { meetsWithConfidence, type SweepDocument } from '../src/engine/experiment';
import type { Slo } from '../src/model/slo';

const FLOW = 'bench/sizing.json';
const PATH = 'nodes.checkout.config.concurrency';
const SWEEP = `${PATH}=28:35:1`;
const REPLICATIONS = 10;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const N = availableParallelism();
const SLO: Slo = { metric: 'endToEnd.p99', lt: 0.1 };

interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
  /** Core-seconds of CPU the command used, every thread's. */
  cpu: number;
  /** Cores the rest of the machine kept busy on average meanwhile (other processes, and time the
   * hypervisor gave to other machines), or null where /proc/stat is not there to say. */
  others: number | null;
}

/** Core-seconds this machine has spent busy and stolen since boot (Linux), or null. */
function machineSeconds(): { busy: number; steal: number } | null {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number) as number[];
    // USER_HZ is 100 on every Linux build Node runs on.
    return { busy: (user! + nice! + system! + irq! + softirq!) / 100, steal: steal! / 100 };
  } catch {
    return null;
  }
}
/** `eventflow simulate …` in a process of its own; bench/cpu.mjs reports its CPU time on fd 3. */
function eventflow(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', './bench/cpu.mjs', 'bin/eventflow.mjs', 'simulate', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
  );
  if (r.status !== 0) throw new Error(`eventflow simulate ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, cpu: Number(r.output[3]) };
}

function sweep(jobs: number): Timed {
  const m0 = machineSeconds();
  const t0 = performance.now();
  const r = eventflow([
    FLOW,
    '--sweep',
    SWEEP,
    '--replications',
    String(REPLICATIONS),
    '--jobs',
    String(jobs),
  ]);
  const ms = performance.now() - t0;
  const m1 = machineSeconds();
  const others = m0 && m1 ? (m1.busy - m0.busy - r.cpu + (m1.steal - m0.steal)) / (ms / 1000) : null;
  return { ms, ...r, others: others === null ? null : Math.max(0, others) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const busy = (r: Timed) => (r.others === null ? '' : ` (rest of the machine: ${r.others.toFixed(2)} cores)`);
/** The rest of the machine stayed out of the way: under a tenth of a core. */
const QUIET = 0.1;
const quiet = (r: Timed) => r.others !== null && r.others < QUIET;
const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(
  `sweep ${SWEEP} × ${REPLICATIONS} replications of ${FLOW}; ${N} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`,
);
// The bin bundles the command the first time (and when a source changed): not a sweep's time.
eventflow(['--help']);
const serial: Timed[] = [];
const parallel: Timed[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Which goes first alternates, so that both see the machine's warm and cold moments.
  if (round % 2 === 0) {
    parallel.push(sweep(N));
    serial.push(sweep(1));
  } else {
    serial.push(sweep(1));
    parallel.push(sweep(N));
  }
  const t1 = serial.at(-1)!.ms;
  const tN = parallel.at(-1)!.ms;
  console.log(
    `  round ${round + 1}: --jobs 1 ${seconds(t1)}${busy(serial.at(-1)!)}, --jobs ${N} ${seconds(tN)}${busy(parallel.at(-1)!)}: ` +
      `speed-up ${(t1 / tN).toFixed(2)}×, efficiency t1/(${N}·t${N}) ${(t1 / (N * tN)).toFixed(2)}; ` +
      `CPU ${serial.at(-1)!.cpu.toFixed(1)} and ${parallel.at(-1)!.cpu.toFixed(1)} core-s`,
  );
}

const doc = JSON.parse(serial[0]!.stdout) as SweepDocument;
const identical = [...serial, ...parallel].every((r) => r.stdout === serial[0]!.stdout);
const runs = doc.points.length * doc.replications;
const events = doc.points.reduce((sum, p) => sum + p.mean.events! * doc.replications, 0);
const orders = doc.points.reduce((sum, p) => sum + p.mean.nodes.orders!.out! * doc.replications, 0);
const t1 = median(serial.map((r) => r.ms));
const tN = median(parallel.map((r) => r.ms));
const efficiency = serial.map((s, i) => s.ms / (N * parallel[i]!.ms));
console.log(
  `  ${runs} runs, ${millions(events)} kernel events, ${millions(orders)} orders counted after each run's warm-up`,
);
console.log(
  `  median --jobs 1: ${seconds(t1)} (${millions(events / (t1 / 1000))} events/s); ` +
    `--jobs ${N}: ${seconds(tN)} (${millions(events / (tN / 1000))} events/s)`,
);
console.log(
  `  parallel efficiency t1/(${N}·t${N}): median ${median(efficiency).toFixed(2)} ` +
    `(rounds ${efficiency.map((e) => e.toFixed(2)).join(', ')})   (target ≥ 0.80)`,
);
// Contention from the rest of the machine lengthens wall time, hardly CPU time: the extra work a
// parallel run does (workers' start-up and compiler warm-up, two cores sharing a cache) reads the
// same either way.
const extra = serial.map((s, i) => parallel[i]!.cpu / s.cpu - 1);
console.log(
  `  CPU the parallel run adds (workers' start-up and warm-up, cores sharing caches): median ${(median(extra) * 100).toFixed(0)}% ` +
    `(rounds ${extra.map((e) => `${(e * 100).toFixed(0)}%`).join(', ')}); with free cores that bounds the efficiency at ${(1 / (1 + median(extra))).toFixed(2)}`,
);
const quietRounds = efficiency.filter((_, i) => quiet(serial[i]!) && quiet(parallel[i]!));
console.log(
  quietRounds.length > 0
    ? `  over the ${quietRounds.length} round(s) where the rest of the machine used < ${QUIET} cores: median ${median(quietRounds).toFixed(2)}`
    : `  no round had the machine to itself (< ${QUIET} cores used by the rest): the figures above include that contention`,
);
console.log(`  documents identical across --jobs and rounds: ${identical ? 'yes' : 'NO'}`);
if (!identical) process.exitCode = 1;

// The answer: the smallest value whose 95 % interval of p99 is below 100 ms.
const p99 = (p: SweepDocument['points'][number]) =>
  `p99 ${(p.mean.endToEnd.p99! * 1000).toFixed(1)} ms ± ${((p.ci95.endToEnd.p99 ?? NaN) * 1000).toFixed(1)}`;
const at = doc.points.findIndex((p) => meetsWithConfidence(p, [SLO]));
console.log('  end-to-end p99 by checkout concurrency (mean ± 95 % half-width over replications):');
for (const p of doc.points) console.log(`    ${String(p.value).padStart(3)}: ${p99(p)}`);
if (at < 0) console.log('  answer: no concurrency in the sweep meets p99 < 100 ms with 95 % confidence');
else
  console.log(
    `  answer: checkout concurrency ${doc.points[at]!.value} (${p99(doc.points[at]!)}, the whole interval under 100 ms)` +
      (at > 0 ? `; ${doc.points[at - 1]!.value} gives ${p99(doc.points[at - 1]!)}` : ''),
  );
console.log(`  simulate says: ${serial[0]!.stderr.trim()}`);

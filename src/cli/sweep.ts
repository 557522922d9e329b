// `simulate FLOW.json --sweep PATH=VALUES`: every value's flow, validated before any run; the
// runs spread over worker threads (pool.ts); the sweep document (DESIGN.md) or, with --shard,
// a shard document for merge. Objectives are checked on each point's mean and are data here,
// not the exit code: a sizing sweep is expected to have values that fail.
import type { SimulationReport } from '../engine/api';
import type { SweepDocument, SweepSpec, SweepUnit } from '../engine/experiment';
import {
  meetsWithConfidence,
  pointFlows,
  shardDocument,
  SweepFold,
  sweepFingerprint,
  unitsOf,
} from '../engine/experiment';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatCount } from '../model/format';
import { runnableProblems } from '../model/runnable';
import type { Slo } from '../model/slo';
import { EXIT } from './args';
import { problemList } from './flowFile';
import { type CliIo, type CliResult, failure, formatSeconds, line, PROGRESS_MS } from './io';
import { runUnits } from './pool';
import { type Prepared, runTimes } from './prepare';
import type { SweepPlan } from './sweepUnit';
import { safeJson, safeText } from './terminal';

/** Settings a sweep may vary: each point's runs are that long. The seed is the replication's. */
const SWEPT_SETTINGS = ['duration', 'warmup'] as const;

export async function runSweep(p: Prepared, spec: SweepSpec, io: CliIo): Promise<CliResult> {
  const { args } = p;
  const usage = (message: string) =>
    failure(safeText(`--sweep "${spec.path}": ${message}`, 2000), EXIT.usage);
  if (spec.path.startsWith('settings.')) {
    const field = SWEPT_SETTINGS.find((f) => spec.path === `settings.${f}`);
    if (field === undefined)
      return usage(
        "only settings.duration and settings.warmup change a sweep's runs (replication r's seed is --seed + r)",
      );
    if (args[field] !== undefined) return usage(`--${field} would override every value: leave it out`);
  } else {
    // As for one run: the message says where the duration and the warm-up came from.
    const t = runTimes(args, p.flow.settings);
    if (!t.ok) return failure(t.message, EXIT.usage);
  }
  // The flags go into the flow first, so that each point's flow is checked with the times it
  // will run for (a swept settings.duration against --warmup, say).
  const base = {
    ...p.flow,
    settings: {
      ...p.flow.settings,
      ...(args.duration !== undefined ? { duration: args.duration } : {}),
      ...(args.warmup !== undefined ? { warmup: args.warmup } : {}),
    },
  };
  const flows = pointFlows(base, spec);
  if (!flows.ok) return usage(flows.message);
  // Each point's runs last what its flow's settings say (runUnit reads them); checked here, so
  // that the message can say where the duration and the warm-up came from.
  for (const [i, flow] of flows.flows.entries()) {
    const at = `${spec.path} = ${spec.values[i]}`;
    const problems = runnableProblems(flow);
    if (problems.length > 0) return usage(`${at}: the flow cannot run:\n${problemList(problems)}`);
    const t = runTimes(args, flow.settings, spec.path);
    if (!t.ok) return usage(`${at}: ${t.message}`);
  }
  const seed = args.seed ?? p.flow.settings?.seed ?? DEFAULT_SETTINGS.seed;
  if (seed + args.replications - 1 > Number.MAX_SAFE_INTEGER)
    return failure(
      `--seed ${seed} with --replications ${args.replications}: the last seed would pass 2^53 − 1`,
      EXIT.usage,
    );
  const plan: SweepPlan = {
    flows: flows.flows,
    limits: args.maxMessages !== undefined ? { maxMessages: args.maxMessages } : {},
  };
  const units = unitsOf(spec.values.length, args.replications, seed, args.shard);

  const start = io.now();
  let lastProgress = start;
  const threads = Math.max(1, Math.min(args.jobs, units.length));
  const onDone = (done: number) => {
    const now = io.now();
    if (!io.progress || now - lastProgress < PROGRESS_MS) return;
    lastProgress = now;
    io.progress(
      `simulate: sweep: ${formatCount(done)} of ${formatCount(units.length)} runs ` +
        `(${((done / units.length) * 100).toFixed(0)}%) · ${threads} thread${threads === 1 ? '' : 's'}` +
        ` · ${((now - start) / 1000).toFixed(1)} s`,
    );
  };
  // A shard prints every report; a whole sweep needs only each point's figures, so its reports
  // are folded as they come and let go.
  const reports: { unit: SweepUnit; report: SimulationReport }[] = [];
  const fold = new SweepFold(spec, args.replications, seed, p.slos);
  const keep = args.shard
    ? (unit: SweepUnit, report: SimulationReport) => reports.push({ unit, report })
    : (unit: SweepUnit, report: SimulationReport) => fold.add(unit, report);
  const result = await runUnits(plan, units, args.jobs, keep, onDone);
  if (io.progress && lastProgress !== start) io.progress('');

  if (!result.ok) {
    const { unit, halt, duration } = result;
    return failure(
      safeText(
        `the run of ${spec.path} = ${spec.values[unit.point]} with seed ${unit.seed} stopped at ` +
          `t = ${formatSeconds(halt.time)} of ${formatSeconds(duration)}: ${halt.message.replace(/\.$/, '')}` +
          ' — the sweep prints no document (raise --max-messages, or run shorter with --duration)',
        4000,
      ),
      EXIT.stopped,
    );
  }
  const out = (doc: object) => `${safeJson(JSON.stringify(doc, null, 2))}\n`;
  if (args.shard) {
    const fingerprint = sweepFingerprint(base, plan.limits);
    const of = { spec, replications: args.replications, seed, fingerprint, slos: p.slos };
    return { code: EXIT.ok, stdout: out(shardDocument(of, args.shard, reports)), stderr: p.notes };
  }
  const doc = fold.document();
  const summary = p.slos.length > 0 ? line(safeText(smallestMeeting(doc, p.slos))) : '';
  return { code: EXIT.ok, stdout: out(doc), stderr: p.notes + summary };
}

/**
 * The answer a sizing sweep is run for: the first value (in the order given) whose mean meets
 * every objective, and the first whose 95 % interval does (the bound on the wrong side meets it).
 */
export function smallestMeeting(doc: SweepDocument, slos: readonly Slo[]): string {
  const { path } = doc.sweep;
  const over = `the mean of ${formatCount(doc.replications)} replication${doc.replications === 1 ? '' : 's'}`;
  const onMean = doc.points.find((pt) => pt.slos?.every((s) => s.pass));
  if (!onMean) return `no value of ${path} meets every objective on ${over}`;
  const confident =
    doc.replications < 2
      ? 'no interval from one replication'
      : `${doc.points.find((pt) => meetsWithConfidence(pt, slos))?.value ?? 'none'} with 95 % confidence`;
  return `first value of ${path} meeting every objective: ${onMean.value} on ${over}; ${confident}`;
}

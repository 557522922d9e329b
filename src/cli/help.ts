// What `simulate --help` prints (docs/cli.md says the same at length). Kept apart from the code
// so that the text reads as one page.
import { MAX_SWEEP_POINTS, MAX_SWEEP_RUNS } from '../engine/experiment';
import { formatCount } from '../model/format';
import { MAX_FILE_BYTES, MAX_SECONDS } from '../model/limits';
import { DEFAULT_LIMITS } from '../engine/api';
import { DEFAULT_REPLICATIONS, MAX_JOBS, MAX_MESSAGES_LIMIT } from './args';
import { formatBytes } from './terminal';

export const HELP = `Runs a flow file headless and prints its figures as one JSON document on stdout.

usage:
  npm run -s simulate -- FLOW.json [options]                       one run
  npm run -s simulate -- FLOW.json --sweep PATH=VALUES [options]   a sweep: every value, replicated
  npm run -s simulate -- merge PART.json…                          shards of a sweep → its document
  (or: npx eventflow simulate …)

options (options not given come from the flow's "settings", then the defaults):
  --duration S       simulated seconds to run (default 60; at most ${formatCount(MAX_SECONDS)})
  --seed N           random seed, a whole number ≥ 0 (default 1); a sweep's replication r uses N + r
  --warmup S         simulated seconds left out of the figures (default 0; shorter than the duration)
  --assert "M OP V"  an objective on a figure of the report, checked after the run with the flow's
                     own "slos": M a path ("endToEnd.p99", "nodes.billing.utilization",
                     "totals.dropped"), OP one of < <= > >= ==, V a number (seconds without units:
                     0.1, not 100ms); repeatable. The report gains "slos" (exit 3 when one fails)
  --max-wall S       stop after S seconds of wall time; the figures so far are printed (exit 4)
  --max-events N     stop after N events; the figures so far are printed (exit 4)
  --max-messages N   messages a run may hold at once (default ${formatCount(DEFAULT_LIMITS.maxMessages)}; at most ${formatCount(MAX_MESSAGES_LIMIT)});
                     a run that needs more stops there, names the node that grows (exit 4)
  -h, --help         this text

sweeps:
  --sweep PATH=V1,V2,…  or  PATH=FROM:TO:STEP
                     run the flow with PATH set to each value (at most ${formatCount(MAX_SWEEP_POINTS)}):
                     nodes.<id>.config.<field>[.<sub>], edges.<id>.<field>[.<sub>],
                     settings.duration, settings.warmup, or load (a factor on every producer's rate)
  --replications R   runs of each value, seeds N, N + 1, … N + R − 1, the same for every value
                     (common random numbers; default ${DEFAULT_REPLICATIONS}; values × R at most ${formatCount(MAX_SWEEP_RUNS)})
  --jobs N           threads: this one and N − 1 worker threads (default 1; 0 or auto: one per
                     core; at most ${MAX_JOBS}); the document is the same whatever N is
  --shard I/N        run only the I-th of N shards and print a shard document; merge joins the N
                     shards into exactly the document of the whole sweep
  A sweep prints { sweep, replications, seed, points: [ { value, seeds, mean, ci95, slos? } ] }:
  mean and ci95 have the report's shape, each number the mean over the replications or the
  half-width of its 95 % t-interval. Objectives are checked on each value's mean (points[].slos)
  and do not change the exit code; stderr names the first value meeting them all.

Progress goes to stderr while it is a terminal. The flow file must be a regular file of at most
${formatBytes(MAX_FILE_BYTES)}.

exit codes:
  0  the run or the sweep finished; its document is on stdout
  1  the file is not a valid flow, or the flow cannot run (each problem on stderr as "path: reason");
     for merge, a part is not a shard document or the parts are not the shards of one sweep
  2  bad usage (an option, an --assert naming no figure, a sweep value the flow refuses), or a
     file cannot be read
  3  a single run finished but an objective failed: one line per failure on stderr, the report
     (with "slos") on stdout
  4  a limit stopped a run (--max-wall, --max-events, the message limit, time that does not
     advance, a deadlock); for a single run the figures up to there are on stdout; a sweep prints
     nothing and names the value and seed
  5  internal error: a bug in Eventflow Studio (one line on stderr; please report it with the file)

examples:
  npm run -s simulate -- examples/mm1.json --duration 600 --warmup 60 --assert "endToEnd.p99 < 0.25"
  npm run -s simulate -- bench/sizing.json --sweep nodes.checkout.config.concurrency=28:35:1 \\
      --replications 10 --jobs auto > sweep.json
  npm run -s simulate -- flow.json --sweep load=0.5:1.5:0.25 --shard 1/4 > part-1.json   # … 4/4
  npm run -s simulate -- merge part-*.json > sweep.json

Reference: docs/cli.md, docs/flow-json.md, docs/limits.md.
`;

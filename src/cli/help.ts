// What `simulate --help` prints (docs/cli.md says the same at length). Kept apart from the code
// so that the text reads as one page.
import { formatCount } from '../model/format';
import { MAX_FILE_BYTES, MAX_SECONDS } from '../model/limits';
import { DEFAULT_LIMITS } from '../engine/api';
import { MAX_MESSAGES_LIMIT } from './args';
import { formatBytes } from './terminal';

export const HELP = `Runs a flow file headless and prints its figures as one JSON document on stdout.

usage: npm run -s simulate -- FLOW.json [options]

options (options not given come from the flow's "settings", then the defaults):
  --duration S       simulated seconds to run (default 60; at most ${formatCount(MAX_SECONDS)})
  --seed N           random seed, a whole number ≥ 0 (default 1)
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

Progress goes to stderr while it is a terminal. The flow file must be a regular file of at most
${formatBytes(MAX_FILE_BYTES)}.

exit codes:
  0  the run finished; its figures are on stdout
  1  the file is not a valid flow, or the flow cannot run (each problem on stderr as "path: reason")
  2  bad usage (an option, an --assert naming no figure), or the file cannot be read
  3  the run finished but an objective failed: one line per failure on stderr, the report
     (with "slos") on stdout
  4  a limit stopped the run (--max-wall, --max-events, the message limit, time that does not
     advance, a deadlock); the figures up to there are on stdout, the reason on stderr
  5  internal error: a bug in Eventflow Studio (one line on stderr; please report it with the file)

example:
  npm run -s simulate -- examples/mm1.json --duration 600 --warmup 60 --assert "endToEnd.p99 < 0.25"

Reference: docs/cli.md, docs/flow-json.md, docs/limits.md.
`;

// Headless `simulate`: runs a flow file to the end and prints the report (DESIGN.md, "Headless
// CLI") as one JSON document on stdout. Everything else goes to stderr with a non-zero exit.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runCli } from './run';

const result = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => performance.now(),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;

// Test-only preload (node --import): when the process exits, writes its peak resident memory in
// kilobytes to file descriptor 3, which the test opened as a pipe. A test can so hold a run of the
// real command to a memory bound without changing what it prints.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // No descriptor 3: run by hand, nothing to report to.
  }
});

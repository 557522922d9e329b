// A TCP port nothing listens on, found by asking the OS for one (listen on port 0). Synchronous,
// so that a config file can call it: the probe runs in a short child process.
import { execFileSync } from 'node:child_process';

const PROBE = `const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;

export function freePort() {
  const port = Number(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' }));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port (got "${port}")`);
  return port;
}

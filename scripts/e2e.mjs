// Builds the app and runs the Playwright suite against the production build.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

let browser;
try {
  browser = findBrowser();
} catch (err) {
  console.error(`\n${err.message}\n`);
  process.exit(1);
}
console.log(`e2e: using browser ${browser}`);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);

#!/usr/bin/env node
// `npx eventflow <command> …` from a clone (package.json "bin"). Each command's TypeScript is
// bundled with esbuild (tsx's own, so nothing beyond the dev dependencies) into
// node_modules/.cache/eventflow-cli/, once, and again only when one of the bundle's input files
// changes: started from one plain script, a command is up in about a quarter of a second, where
// running the sources through tsx takes three times that (each module goes through the loader's
// hooks). If the bundle cannot be made (no esbuild, a read-only tree), the sources run through
// tsx instead.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USAGE = `usage: eventflow <command> [arguments]

commands:
  simulate FLOW.json [options]          run a flow headless; its figures as JSON on stdout
  simulate FLOW.json --sweep PATH=…     a sweep over a field, replicated, on worker threads
  simulate merge PART.json…             join the shards of a sweep (--shard I/N) into its document
  render FLOW.json [--format svg|png]   the flow's diagram as an image (PNG as bytes on stdout)
  asyncapi import FILE…                 AsyncAPI 3 documents (YAML or JSON) → Flow JSON
  asyncapi export FLOW.json             a flow → one AsyncAPI 3.0.0 document (YAML)
  help                                  this text

"eventflow <command> --help" gives every option and the exit codes (docs/cli.md).
`;

/**
 * Each command's main module, which exports main(argv); it is also the name of its bundle. Each
 * is its own entry point, so a command loads only its own code (asyncapi never the engine).
 */
const COMMANDS = {
  simulate: 'src/cli/main.ts',
  render: 'src/cli/renderMain.ts',
  asyncapi: 'src/cli/asyncapiMain.ts',
};
/** Bundled beside the commands: pool.ts starts sweep workers from the file beside its module. */
const WORKERS = { sweepWorker: 'src/cli/sweepWorker.ts' };
/** Every file a build holds: one per command and per worker. */
const ENTRIES = { ...COMMANDS, ...WORKERS };
/** Modules the bundle leaves to Node: resvg's native binary cannot be bundled. */
const EXTERNAL = ['@resvg/resvg-js'];

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [command, ...rest] = process.argv.slice(2);
if (command === 'help' || command === '--help' || command === '-h') process.stdout.write(USAGE);
else if (!Object.hasOwn(COMMANDS, command ?? '')) {
  // The command name is echoed with its control characters escaped, as the commands do.
  const what =
    command === undefined
      ? 'a command is needed'
      : `unknown command ${JSON.stringify(command.slice(0, 100)).replace(/[\u007f-\u009f]/g, '?')}`;
  process.stderr.write(`eventflow: ${what}\n${USAGE}`);
  process.exitCode = 2;
} else {
  const { main } = await load(command);
  await main(rest);
}

/** The command's main module: its bundle when it can be had, else the sources through tsx. */
async function load(command) {
  let dir;
  try {
    dir = bundle();
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(join(root, COMMANDS[command])).href);
  }
  return import(pathToFileURL(join(dir, `${command}.mjs`)).href);
}

/**
 * The directory holding every command's bundle (simulate.mjs, render.mjs, asyncapi.mjs) and
 * sweepWorker.mjs, built when the manifest's inputs changed. All are built at once, so a build is
 * one version of the sources. Each build goes to a directory of its own and the manifest is
 * replaced by a rename, so two commands started at once never read a half-written bundle.
 */
function bundle() {
  // node_modules may be shared between clones (a symbolic link): one cache per clone.
  const cache = join(
    root,
    'node_modules/.cache/eventflow-cli',
    createHash('sha256').update(root).digest('hex').slice(0, 16),
  );
  const manifestFile = join(cache, 'manifest.json');
  const current = readManifest(manifestFile);
  if (current && isFresh(cache, current)) return join(cache, current.build);

  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  const build = randomUUID();
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    bundle: true,
    external: EXTERNAL,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: join(cache, build),
    outExtension: { '.js': '.mjs' },
    // CommonJS packages in the bundle (yaml) require Node's built-ins ("process"); an ES module
    // has no require of its own, so each bundle gets one.
    banner: {
      js: "import { createRequire as __eventflowRequire } from 'node:module'; const require = __eventflowRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = [...Object.keys(result.metafile.inputs), fileURLToPath(import.meta.url)];
  const manifest = { build, inputs: Object.fromEntries(inputs.map((f) => [f, signature(f)])) };
  const tmp = `${manifestFile}.${build}`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, manifestFile);
  removeOldBuilds(cache, build);
  return join(cache, build);
}

/** Size and modification time: what changes when a file is edited, checked out or reinstalled. */
function signature(file) {
  const s = statSync(resolve(root, file));
  return `${s.size}:${s.mtimeMs}`;
}

function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function isFresh(cache, manifest) {
  try {
    for (const name of Object.keys(ENTRIES)) statSync(join(cache, manifest.build, `${name}.mjs`));
    return Object.entries(manifest.inputs).every(([file, sig]) => signature(file) === sig);
  } catch {
    return false;
  }
}

/** Builds older than an hour: no command still starting workers from them. */
function removeOldBuilds(cache, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(cache, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = join(cache, entry.name);
    if (statSync(dir).mtimeMs < hourAgo) rmSync(dir, { recursive: true, force: true });
  }
}

// The `render` command wired to the real process (host.ts): files, the clock, stdout's kind, the
// PNG rasterizer (loaded only for a PNG: its native module is the slowest thing to start), --out's
// file. render.ts calls it for `npm run render`, and bin/eventflow.mjs for `npx eventflow render`.
import { host, processIo } from './host';
import { RENDER, runRender } from './renderCli';
import { writeRegularFile } from './writeFile';

/** Runs `render` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  await host(RENDER, 'the flow file', () =>
    runRender(argv, {
      ...processIo(),
      rasterize: async (svg, scale, fontFiles) =>
        (await import('./png')).svgToPng(svg, scale, { files: fontFiles }),
      writeFile: writeRegularFile,
      stdoutIsTerminal: process.stdout.isTTY === true,
    }),
  );
}

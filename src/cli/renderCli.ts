// The `render` command as a function of its arguments and of what it needs from the machine, so
// that tests run it in-process; renderMain.ts wires it to the real process. It reads the flow as
// simulate does (readFlow), and with --badges prepares and runs it as simulate does (prepare,
// runFlow), then draws it with the image renderer the app uses.
import { type Badge, renderFlowSvg, reportBadges } from '../io/image';
import { formatCount } from '../model/format';
import { argumentFailure, EXIT } from './args';
import type { Flow } from '../model/flow';
import { readFlow } from './flowFile';
import { type CliIo, type CliResult, voice } from './io';
import { prepare } from './prepare';
import { FileRefused } from './readFile';
import { MAX_PIXELS, MAX_SIDE, parseRenderArgs, type RenderArgs, RENDER_USAGE } from './renderArgs';
import { RENDER_HELP } from './renderHelp';
import { runFlow } from './run';
import { safeText } from './terminal';

/**
 * No font can draw a PNG's text, or a --font file is missing: the image would lose its labels. Not
 * a file that cannot be read or written (FileRefused), though it too is told to the user and not a
 * bug. Here, beside the contract that throws it, so that the command does not load the rasterizer
 * (png.ts) to know it.
 */
export class NoFont extends Error {}

export interface RenderIo extends CliIo {
  /** PNG bytes of `svg` at `scale`; throws NoFont, with a reason, when no font can draw its text. */
  rasterize(svg: string, scale: number, fontFiles: readonly string[]): Promise<Uint8Array>;
  /** Writes the whole file, replacing it; throws FileRefused, with a reason, when it cannot. */
  writeFile(path: string, data: string | Uint8Array): void;
  /** Whether stdout is a terminal, where PNG bytes would be garbage. */
  stdoutIsTerminal: boolean;
}

/** stdout: the SVG's text or the PNG's bytes; empty when the image went to --out or nothing was made. */
export type RenderResult = CliResult<string | Uint8Array>;

export const RENDER = voice('render');
const reason = (err: unknown): string => safeText(err instanceof Error ? err.message : String(err));

/** What is drawn, and what the command says and exits with once it is written. */
interface Source {
  flow: Flow;
  badges?: ReadonlyMap<string, Badge>;
  stderr: string;
  code: number;
}

/** The flow as simulate reads it; with --badges, run as simulate runs it, its figures as badges. */
function source(args: RenderArgs, io: RenderIo): Source | CliResult {
  if (!args.run) {
    const read = readFlow(RENDER, args.file, io);
    return 'code' in read ? read : { flow: read.flow, stderr: read.notes, code: EXIT.ok };
  }
  const prepared = prepare(RENDER, args.run, io);
  if ('code' in prepared) return prepared;
  const run = runFlow(prepared, io);
  if ('code' in run) return run;
  const badges = reportBadges(prepared.flow, run.report);
  if (!run.stopped) return { flow: prepared.flow, badges, stderr: prepared.notes, code: EXIT.ok };
  // As simulate prints a stopped run's figures (exit 4), the image shows them, and says so.
  const stopped = RENDER.line(`${run.stoppedAt}; the badges show the run up to there`);
  return { flow: prepared.flow, badges, stderr: prepared.notes + stopped, code: EXIT.stopped };
}

export async function runRender(argv: readonly string[], io: RenderIo): Promise<RenderResult> {
  const parsed = parseRenderArgs(argv);
  if (!parsed.ok) return argumentFailure(RENDER, parsed, RENDER_USAGE);
  if ('help' in parsed) return { code: EXIT.ok, stdout: RENDER_HELP, stderr: '' };
  const args = parsed.args;
  // Refused before any work: the image could only come out as noise on the screen.
  if (args.format === 'png' && args.out === undefined && io.stdoutIsTerminal)
    return RENDER.failure(
      'will not write PNG bytes to a terminal: pass --out FILE.png, or redirect stdout (> flow.png)',
      EXIT.usage,
    );

  const drawn = source(args, io);
  if (!('flow' in drawn)) return drawn;
  const { badges } = drawn;
  const { svg, width, height } = renderFlowSvg(drawn.flow, {
    theme: args.theme,
    ...(badges ? { badges } : {}),
  });

  let image: string | Uint8Array = svg;
  if (args.format === 'png') {
    const w = Math.ceil(width * args.scale);
    const h = Math.ceil(height * args.scale);
    if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS)
      return RENDER.failure(
        `--scale ${args.scale}: the image would be ${formatCount(w)} × ${formatCount(h)} pixels, more than ` +
          `${formatCount(MAX_SIDE)} a side or ${formatCount(MAX_PIXELS)} in all: pass a smaller --scale`,
        EXIT.usage,
      );
    try {
      image = await io.rasterize(svg, args.scale, args.fonts);
    } catch (err) {
      if (err instanceof NoFont) return RENDER.failure(reason(err), EXIT.usage);
      throw err;
    }
  }
  if (args.out === undefined) return { code: drawn.code, stdout: image, stderr: drawn.stderr };
  try {
    io.writeFile(args.out, image);
  } catch (err) {
    if (err instanceof FileRefused)
      return RENDER.failure(`cannot write ${safeText(args.out, 200)}: ${reason(err)}`, EXIT.usage);
    throw err;
  }
  return { code: drawn.code, stdout: '', stderr: drawn.stderr };
}

// Command-line arguments of `render` (docs/cli.md): FLOW.json, the image's format and theme,
// where it goes, and --badges with the options of the run it draws. Those run options are
// simulate's own, checked by simulate's parser, so they take the same values with the same words.
import type { ImageTheme } from '../io/image';
import { type ArgError, parseArgs, type SimulateArgs } from './args';
import { sameFile } from './writeFile';

export type ImageFormat = 'svg' | 'png';

export interface RenderArgs {
  file: string;
  format: ImageFormat;
  theme: ImageTheme;
  /** Write here instead of stdout. */
  out?: string;
  /** PNG pixels per SVG pixel. */
  scale: number;
  /** Font files to draw a PNG's text with, besides the system's. */
  fonts: string[];
  /** With --badges: the run whose figures are drawn, parsed as simulate parses it. */
  run?: SimulateArgs;
}

export const RENDER_USAGE =
  'usage: npm run -s render -- FLOW.json [--format svg|png] [--theme light|dark] [--out FILE] [--badges]   (--help for more)';

export const DEFAULT_SCALE = 2;
export const MAX_SCALE = 16;
/** A PNG's largest side, and its most pixels: about 256 MB of RGBA while it is drawn. */
export const MAX_SIDE = 16_384;
export const MAX_PIXELS = 64_000_000;

/** simulate's options that set the run --badges draws (each takes a value). */
const RUN_OPTIONS = ['--duration', '--seed', '--warmup', '--max-wall', '--max-events', '--max-messages'];

export type ParsedRender = { ok: true; args: RenderArgs } | { ok: true; help: true } | ArgError;

const FORMATS: readonly ImageFormat[] = ['svg', 'png'];
const THEMES: readonly ImageTheme[] = ['light', 'dark'];
const oneOf = <T extends string>(list: readonly T[], text: string): T | undefined =>
  list.find((v) => v === text);

/** The format a file name says, from its extension. */
const formatOfName = (file: string): ImageFormat | undefined =>
  oneOf(FORMATS, /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '');

interface Draft {
  file?: string;
  format?: ImageFormat;
  theme?: ImageTheme;
  out?: string;
  scale?: number;
  fonts: string[];
  badges: boolean;
  runOptions: string[];
}

/** Sets an option's value on the draft, or says why the value will not do. */
const VALUED: Record<string, (d: Draft, text: string) => string | null> = {
  '--format': (d, text) => {
    d.format = oneOf(FORMATS, text);
    return d.format ? null : `must be svg or png (got "${text}")`;
  },
  '--theme': (d, text) => {
    d.theme = oneOf(THEMES, text);
    return d.theme ? null : `must be light or dark (got "${text}")`;
  },
  '--out': (d, text) => {
    if (text.trim() === '') return 'needs a file name';
    d.out = text;
    return null;
  },
  '--scale': (d, text) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v <= 0 || v > MAX_SCALE)
      return `must be a number > 0, at most ${MAX_SCALE} (got "${text}")`;
    d.scale = v;
    return null;
  },
  '--font': (d, text) => {
    if (text.trim() === '') return 'needs a font file (.ttf, .otf, .ttc)';
    d.fonts.push(text);
    return null;
  },
};

export function parseRenderArgs(argv: readonly string[]): ParsedRender {
  const d: Draft = { fonts: [], badges: false, runOptions: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '--help' || raw === '-h') return { ok: true, help: true };
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const apply = Object.hasOwn(VALUED, name) ? VALUED[name] : undefined;
    if (apply || RUN_OPTIONS.includes(name)) {
      const text = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (text === undefined) return { ok: false, error: `${name}: needs a value` };
      if (!apply) d.runOptions.push(name, text);
      else {
        const why = apply(d, text);
        if (why !== null) return { ok: false, error: `${name}: ${why}` };
      }
    } else if (raw === '--badges') d.badges = true;
    else if (raw.startsWith('-') && raw !== '-')
      return { ok: false, error: `unknown option "${raw}"`, usage: true };
    else if (d.file !== undefined)
      return { ok: false, error: `only one flow file, got "${d.file}" and "${raw}"`, usage: true };
    else d.file = raw;
  }
  if (d.file === undefined) return { ok: false, error: 'missing FLOW.json', usage: true };
  return finish({ ...d, file: d.file });
}

function finish(d: Draft & { file: string }): ParsedRender {
  // Writing the image over its own flow file would lose the flow.
  if (d.out !== undefined && sameFile(d.out, d.file))
    return { ok: false, error: `--out "${d.out}" is the flow file itself: write the image elsewhere` };
  const named = d.out === undefined ? undefined : formatOfName(d.out);
  if (d.format && named && d.format !== named)
    return { ok: false, error: `--out ${d.out}: the name says ${named}, but --format is ${d.format}` };
  const format = d.format ?? named ?? 'svg';
  if (format === 'svg' && d.scale !== undefined)
    return { ok: false, error: '--scale: only with --format png' };
  if (format === 'svg' && d.fonts.length > 0) return { ok: false, error: '--font: only with --format png' };
  let run: SimulateArgs | undefined;
  if (d.badges) {
    const parsed = parseArgs([d.file, ...d.runOptions]);
    if (!parsed.ok) return parsed;
    if ('help' in parsed) return { ok: true, help: true };
    run = parsed.args;
  } else if (d.runOptions.length > 0)
    return {
      ok: false,
      error: `${d.runOptions[0]}: only with --badges (it sets the run whose figures are drawn)`,
    };
  return {
    ok: true,
    args: {
      file: d.file,
      format,
      theme: d.theme ?? 'light',
      ...(d.out !== undefined ? { out: d.out } : {}),
      scale: d.scale ?? DEFAULT_SCALE,
      fonts: d.fonts,
      ...(run ? { run } : {}),
    },
  };
}

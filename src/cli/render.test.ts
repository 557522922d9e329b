// `render` as users run it: real processes for SVG and PNG on stdout, --out and the bin, and the
// same code in-process (runRender) for every other case, which keeps the suite fast. The PNG
// tests read the pixels back: a PNG drawn without a font would pass a size check and show no text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFlowSvg } from '../io/image';
import { textWidth } from '../io/image/metrics';
import { drawnNodes } from '../io/image/testing/svgParts';
import { wellFormedProblem } from '../io/image/testing/wellFormed';
import { BASE } from '../io/image/theme';
import { parseFlowText } from '../model/validate';
import { svgToPng } from './png';
import { FileRefused, readRegularFile } from './readFile';
import { RENDER_USAGE } from './renderArgs';
import { type RenderIo, runRender } from './renderCli';
import { RENDER_HELP } from './renderHelp';
import { eventflow, render, root } from './testing/cli';
import { decodePng, PNG_SIGNATURE, type Pixels, pngSize } from './testing/png';

const files = new Map<string, string>();
const written = new Map<string, string | Uint8Array>();
const io = (over: Partial<RenderIo> = {}): RenderIo => ({
  readFile: (p, max) => files.get(p) ?? readRegularFile(join(root, p), max),
  now: () => 0,
  rasterize: async (svg, scale, fonts) => svgToPng(svg, scale, { files: fonts }),
  writeFile: (p, data) => void written.set(p, data),
  stdoutIsTerminal: false,
  ...over,
});
const cli = (...args: string[]) => runRender(args, io());

const WORK_QUEUE = 'src/io/templates/work-queue.json';
const RETRY_STORM = 'src/io/templates/retry-storm.json';
const flowOf = (file: string) => {
  const parsed = parseFlowText(readFileSync(join(root, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  return parsed.flow;
};

interface DrawnText {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
}
/** Every <text> of the SVG with where it is drawn. */
const texts = (svg: string): DrawnText[] =>
  Array.from(svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g), ([, attrs, text]) => {
    const a = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs!)?.[1];
    return {
      x: Number(a('x')),
      y: Number(a('y')),
      size: Number(a('font-size')),
      bold: a('font-weight') === 'bold',
      text: text!,
    };
  });

/** The share of pixels of the text's box (at `scale`) that differ clearly from `background`. */
function ink(png: Pixels, t: DrawnText, scale: number, background: string): number {
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  const x0 = Math.floor(t.x * scale);
  const x1 = Math.ceil((t.x + textWidth(t.text, { size: t.size, bold: t.bold })) * scale);
  const y0 = Math.floor((t.y - 0.75 * t.size) * scale);
  const y1 = Math.ceil((t.y + 0.2 * t.size) * scale);
  let inked = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const at = (y * png.width + x) * 4;
      const d = [0, 1, 2].reduce((s, c) => s + Math.abs(png.rgba[at + c]! - bg[c]!), 0);
      if (d > 90) inked++;
    }
  return inked / ((x1 - x0) * (y1 - y0));
}

let scratch = '';
beforeAll(() => {
  // Inside the repository (tmp/ is ignored by git), never outside it.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  scratch = mkdtempSync(join(root, 'tmp', 'render-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('render CLI (process)', () => {
  it('prints the SVG the renderer draws, and nothing else', () => {
    const r = render(WORK_QUEUE, '--theme', 'dark');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const svg = r.stdout.toString('utf8');
    expect(svg).toBe(renderFlowSvg(flowOf(WORK_QUEUE), { theme: 'dark' }).svg);
    expect(wellFormedProblem(svg)).toBeNull();
  });

  it('prints a PNG of scale × the SVG size, with its text drawn in ink', () => {
    const flow = flowOf(WORK_QUEUE);
    const { svg, width, height } = renderFlowSvg(flow, { theme: 'light' });
    const r = render(WORK_QUEUE, '--format', 'png');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(r.stdout)).toEqual({ width: width * 2, height: height * 2 });

    const one = render(WORK_QUEUE, '--format', 'png', '--scale', '1');
    const png = decodePng(one.stdout);
    expect([png.width, png.height]).toEqual([width, height]);
    const boxes = drawnNodes(svg);
    expect(boxes.length).toBe(flow.nodes.length);
    // Every line of every box (kind, label, summary) shows ink where the renderer set it.
    const lines = texts(svg);
    expect(lines.length).toBeGreaterThanOrEqual(3 * flow.nodes.length);
    for (const t of lines) expect(ink(png, t, 1, BASE.light.surface), t.text).toBeGreaterThan(0.08);
    // And the background around the boxes is the theme's.
    expect(Array.from(png.rgba.subarray(0, 3))).toEqual([0xfa, 0xfb, 0xfc]);
  });

  it('writes the image to --out, and nothing to stdout', () => {
    const out = join(scratch, 'storm.png');
    const r = render(RETRY_STORM, '--out', out, '--theme', 'dark', '--scale', '1.5');
    expect([r.code, r.stdout.length, r.stderr]).toEqual([0, 0, '']);
    const { width, height } = renderFlowSvg(flowOf(RETRY_STORM), { theme: 'dark' });
    expect(pngSize(readFileSync(out))).toEqual({
      width: Math.round(width * 1.5),
      height: Math.round(height * 1.5),
    });
  });

  it('exits as simulate does on a file it cannot read (2) or that is not a flow (1)', () => {
    const missing = render('no/such.json');
    expect([missing.code, missing.stderr]).toEqual([2, 'render: cannot read no/such.json: no such file\n']);
    const bad = render('package.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^render: package\.json is not a valid flow:\n/);
    const usage = render('--format', 'gif');
    expect([usage.code, usage.stderr]).toEqual([2, 'render: --format: must be svg or png (got "gif")\n']);
  });

  it('stops quietly, with exit 0, when the reader closes the pipe early (`| head -c 8`)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" --import tsx src/cli/render.ts ${WORK_QUEUE} --format png --scale 4 | head -c 8`,
      ],
      { cwd: root },
    );
    expect(r.stdout.equals(PNG_SIGNATURE)).toBe(true);
    expect(r.stderr.toString('utf8')).toBe('');
  });

  it('runs from the bin as `eventflow render`, the same image', () => {
    const viaBin = eventflow('render', WORK_QUEUE);
    expect(viaBin.code).toBe(0);
    expect(viaBin.stdout).toBe(render(WORK_QUEUE).stdout.toString('utf8'));
    expect(eventflow('help').stdout).toContain('render FLOW.json');
  });
});

describe('render CLI (in-process)', () => {
  it('prints its help, and a usage line with a bad option', async () => {
    expect(await cli('--help')).toEqual({ code: 0, stdout: RENDER_HELP, stderr: '' });
    expect(await cli()).toEqual({
      code: 2,
      stdout: '',
      stderr: `render: missing FLOW.json\n${RENDER_USAGE}\n`,
    });
  });

  it('will not write PNG bytes to a terminal, and says what to do instead', async () => {
    const tty = io({ stdoutIsTerminal: true });
    const r = await runRender([WORK_QUEUE, '--format', 'png'], tty);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'render: will not write PNG bytes to a terminal: pass --out FILE.png, or redirect stdout (> flow.png)\n',
    );
    expect((await runRender([WORK_QUEUE, '--out', 'x.png'], tty)).code).toBe(0);
    expect((await runRender([WORK_QUEUE], tty)).code).toBe(0);
  });

  it('draws a flow that cannot run; with --badges, refuses it as simulate does (1)', async () => {
    files.set('unreachable.json', JSON.stringify({ ...flowOf(WORK_QUEUE), edges: [] }));
    const drawn = await cli('unreachable.json');
    expect(drawn.code).toBe(0);
    const run = await cli('unreachable.json', '--badges');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^render: unreachable\.json cannot run:\n/);
  });

  it('--badges draws the figures of a run as simulate makes it, and none without', async () => {
    const plain = String((await cli(WORK_QUEUE)).stdout);
    expect(plain).not.toMatch(/sent|utilization/);
    const r = await cli(WORK_QUEUE, '--badges', '--duration', '20', '--warmup', '2');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = drawnNodes(String(r.stdout)).flatMap((n) => n.lines);
    expect(lines.some((l) => /^[\d,]+ sent$/.test(l))).toBe(true);
    expect(lines.some((l) => /^utilization [\d.]+%/.test(l))).toBe(true);
    expect(lines.some((l) => /^depth mean/.test(l))).toBe(true);
  });

  it('--badges with a run a limit stops: the image of the figures so far, and exit 4', async () => {
    const r = await cli(WORK_QUEUE, '--badges', '--max-events', '1000');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      /^render: stopped by --max-events 1,000 — at t = .*; the badges show the run up to there\n$/,
    );
    expect(String(r.stdout)).toMatch(/^<svg/);
  });

  it('writes --out through the machine, and says why it cannot', async () => {
    written.clear();
    const r = await cli(WORK_QUEUE, '--out', 'flow.svg');
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(String(written.get('flow.svg'))).toMatch(/^<svg/);
    const refusing = io({
      writeFile: () => {
        throw new FileRefused('permission denied');
      },
    });
    const denied = await runRender([WORK_QUEUE, '--out', 'ro/flow.svg'], refusing);
    expect([denied.code, denied.stderr]).toEqual([
      2,
      'render: cannot write ro/flow.svg: permission denied\n',
    ]);
  });

  it('refuses a PNG too large to draw, before drawing it', async () => {
    const r = await cli('src/io/templates/cqrs-orders.json', '--format', 'png', '--scale', '16');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^render: --scale 16: the image would be [\d,]+ × [\d,]+ pixels, more than 16,384 a side/,
    );
  });

  it('refuses a PNG when no font can draw its text, and names a missing --font file', async () => {
    const noFonts = io({
      rasterize: async (svg, scale) => svgToPng(svg, scale, { files: [], system: false }),
    });
    const r = await runRender([WORK_QUEUE, '--format', 'png'], noFonts);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^render: no font to draw the text with: install DejaVu Sans .*or pass --font FILE\.ttf\n$/,
    );
    const missing = await cli(WORK_QUEUE, '--format', 'png', '--font', 'no/such.ttf');
    expect([missing.code, missing.stderr]).toEqual([2, 'render: --font no/such.ttf: no such font file\n']);
  });
});

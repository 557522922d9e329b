import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, parseRenderArgs, RENDER_USAGE } from './renderArgs';

const ok = (...argv: string[]) => {
  const r = parseRenderArgs(argv);
  if (!r.ok || 'help' in r) throw new Error(JSON.stringify(r));
  return r.args;
};
const error = (...argv: string[]) => {
  const r = parseRenderArgs(argv);
  if (r.ok) throw new Error(`accepted: ${argv.join(' ')}`);
  return r.usage ? `${r.error}\n${RENDER_USAGE}` : r.error;
};

describe('render arguments', () => {
  it('default to an SVG in the light theme on stdout, without a run', () => {
    expect(ok('flow.json')).toEqual({
      file: 'flow.json',
      format: 'svg',
      theme: 'light',
      scale: DEFAULT_SCALE,
      fonts: [],
    });
  });

  it('take every option, with its value after it or joined by =', () => {
    const a = ok(
      '--format=png',
      'f.json',
      '--theme',
      'dark',
      '--out',
      'x.png',
      '--scale',
      '3',
      '--font=a.ttf',
    );
    expect(a).toMatchObject({
      file: 'f.json',
      format: 'png',
      theme: 'dark',
      out: 'x.png',
      scale: 3,
      fonts: ['a.ttf'],
    });
    expect(parseRenderArgs(['f.json', '-h'])).toEqual({ ok: true, help: true });
  });

  it("take the format from --out's name when --format is not given, and refuse the two disagreeing", () => {
    expect(ok('f.json', '--out', 'd/Flow.PNG').format).toBe('png');
    expect(ok('f.json', '--out', 'flow.svg').format).toBe('svg');
    expect(ok('f.json', '--out', 'flow.image').format).toBe('svg');
    expect(error('f.json', '--out', 'x.svg', '--format', 'png')).toBe(
      '--out x.svg: the name says svg, but --format is png',
    );
  });

  it('never write the image over its own flow file, however the path is written', () => {
    expect(error('flows/f.json', '--out', './flows/../flows/f.json')).toBe(
      '--out "./flows/../flows/f.json" is the flow file itself: write the image elsewhere',
    );
  });

  it("with --badges, take simulate's run options with simulate's checks", () => {
    const a = ok('f.json', '--badges', '--duration', '30', '--seed=4', '--warmup', '3');
    expect(a.run).toMatchObject({ file: 'f.json', duration: 30, seed: 4, warmup: 3, asserts: [] });
    expect(ok('f.json', '--badges').run).toMatchObject({ file: 'f.json' });
    expect(error('f.json', '--badges', '--seed', '-1')).toBe('--seed: must be a whole number ≥ 0 (got "-1")');
    expect(error('f.json', '--badges', '--warmup', '9', '--duration', '5')).toBe(
      '--warmup: must be shorter than --duration',
    );
  });

  it('refuse what makes no sense, naming the option', () => {
    expect(error()).toBe(`missing FLOW.json\n${RENDER_USAGE}`);
    expect(error('a.json', 'b.json')).toBe(`only one flow file, got "a.json" and "b.json"\n${RENDER_USAGE}`);
    expect(error('f.json', '--colour')).toBe(`unknown option "--colour"\n${RENDER_USAGE}`);
    expect(error('f.json', '--assert', 'totals.dropped == 0')).toMatch(/^unknown option "--assert"/);
    expect(error('f.json', '--format', 'gif')).toBe('--format: must be svg or png (got "gif")');
    expect(error('f.json', '--theme', 'blue')).toBe('--theme: must be light or dark (got "blue")');
    expect(error('f.json', '--format', 'png', '--scale', '0')).toBe(
      '--scale: must be a number > 0, at most 16 (got "0")',
    );
    expect(error('f.json', '--format', 'png', '--scale', '17')).toMatch(/^--scale: must be/);
    expect(error('f.json', '--scale', '2')).toBe('--scale: only with --format png');
    expect(error('f.json', '--font', 'a.ttf')).toBe('--font: only with --format png');
    expect(error('f.json', '--out')).toBe('--out: needs a value');
    expect(error('f.json', '--duration', '30')).toBe(
      '--duration: only with --badges (it sets the run whose figures are drawn)',
    );
  });
});

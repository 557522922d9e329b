import { describe, expect, it } from 'vitest';
import { FLOW_VERSION } from '../../model/flow';
import { formatProblem, parseFlow } from '../../model/validate';
import { TEMPLATES } from '.';

describe('templates', () => {
  it('offers at least four scenarios with distinct ids', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  for (const t of TEMPLATES) {
    describe(t.title, () => {
      const parsed = parseFlow(t.json);

      it('is valid Flow JSON of the current version, so loading it migrates nothing', () => {
        expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
        expect(t.json).toMatchObject({ version: FLOW_VERSION });
      });

      it('looks runnable: every node is reached from a producer and every edge has both ends', () => {
        if (!parsed.ok) return;
        const { nodes, edges } = parsed.flow;
        const reached = new Set(nodes.filter((n) => n.kind === 'producer').map((n) => n.id));
        expect(reached.size).toBeGreaterThan(0);
        for (let grew = true; grew;) {
          grew = false;
          for (const e of edges) {
            if (reached.has(e.source) && !reached.has(e.target)) {
              reached.add(e.target);
              grew = true;
            }
          }
        }
        const deadLetters = new Set(
          nodes.flatMap((n) => (n.kind === 'queue' && n.config.deadLetter ? [n.config.deadLetter] : [])),
        );
        const unreached = nodes.filter((n) => !reached.has(n.id) && !deadLetters.has(n.id)).map((n) => n.id);
        expect(unreached).toEqual([]);
        expect(parsed.flow.settings?.duration).toBeGreaterThan(0);
      });
    });
  }
});

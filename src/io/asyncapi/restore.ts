// Reading back a document this app exported: the root `x-eventflow` extension holds the whole
// flow, validated like a Flow JSON file (older versions migrated), so export → import gives the
// same flow. The rest of the document is what the export writes for that flow; where it differs,
// someone edited the document elsewhere, and the import says that those edits are not read.
import type { Flow } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { exportDocument } from './export';
import { formatPath, type Report } from './report';
import { isObject } from './resolve';

export const EXTENSION = 'x-eventflow';

/** Whether a document carries a flow to restore. */
export const isExport = (value: unknown): boolean => isObject(value) && value[EXTENSION] !== undefined;

export function restore(value: Record<string, unknown>, name: string, report: Report): Flow | undefined {
  const parsed = parseFlow(value[EXTENSION]);
  if (!parsed.ok) {
    for (const p of parsed.problems)
      report.problem(`${name}: ${EXTENSION}${p.path ? `.${p.path}` : ''}`, p.message);
    return undefined;
  }
  for (const n of parsed.notices)
    report.notice(
      `${name}: ${EXTENSION}.${n.path}${n.nodeId !== undefined ? ` (${n.nodeId})` : ''}: ${n.message}`,
    );
  const edited = firstDifference(described(exportDocument(parsed.flow)), described(value), []);
  if (edited !== null)
    report.notice(
      `${name}: ${formatPath(edited) || 'the document'} differs from what Eventflow Studio exported: the flow is restored from ${EXTENSION}, and edits made to the rest of the document are not read`,
    );
  return parsed.flow;
}

/** What the export derives from the flow, without the free text (titles, descriptions) and the flow itself. */
function described(doc: Record<string, unknown>): unknown {
  const { [EXTENSION]: _flow, info: _info, ...rest } = doc;
  return withoutText(rest);
}

const TEXT = new Set(['title', 'summary', 'description']);

function withoutText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutText);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !TEXT.has(k))
      .map(([k, x]) => [k, withoutText(x)]),
  );
}

/** The path of the first place where two JSON values differ (key order aside), or null. */
function firstDifference(a: unknown, b: unknown, path: string[]): string[] | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], [...path, String(i)]);
      if (d) return d;
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], [...path, k]);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}

// Reading older Flow JSON: a chain of steps, each from one version to the next, brings a document
// to FLOW_VERSION before it is validated, so every file ever written keeps loading. A step that
// changes what a setting means says so in notices naming the nodes concerned, which import and
// restore show to the user.
import { FLOW_VERSION } from './flow';
import type { FlowProblem } from './validate';

/** A Flow JSON document before validation: any JSON object. */
export type FlowDocument = { readonly [key: string]: unknown };

/** A change of meaning made while reading an older file: where, which node, and what changed. */
export interface FlowNotice {
  /** Where, as `nodes[3]`; empty for the document itself. */
  path: string;
  nodeId?: string;
  message: string;
}

export interface Migration {
  readonly from: number;
  readonly to: number;
  /**
   * The document at version `to`, and a notice for each meaning it changed. Pure. It runs before
   * validation, so it must accept any JSON and leave what it does not understand for validation
   * to report.
   */
  up(doc: FlowDocument): { doc: FlowDocument; notices: FlowNotice[] };
}

export type MigrateResult =
  { ok: true; doc: FlowDocument; notices: FlowNotice[] } | { ok: false; problems: FlowProblem[] };

/** Brings `doc` from its version to `current` through `steps`, or says why its version is unreadable. */
export function migrate(
  doc: FlowDocument,
  steps: readonly Migration[],
  current = FLOW_VERSION,
): MigrateResult {
  const first = steps[0]?.from ?? current;
  const range = first === current ? `${current}` : `${first}–${current}`;
  const refuse = (message: string): MigrateResult => ({
    ok: false,
    problems: [{ path: 'version', message }],
  });
  const version = doc.version;
  if (version === undefined) return refuse('is required');
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse(`must be a whole number (this app reads versions ${range})`);
  }
  if (version > current) {
    return refuse(
      `${version} is newer than this app reads (${range}): open it with a newer Eventflow Studio`,
    );
  }
  if (version < first) return refuse(`${version} is not a Flow JSON version (this app reads ${range})`);

  let at: FlowDocument = doc;
  const notices: FlowNotice[] = [];
  for (let v = version; v < current; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step || step.to !== v + 1) throw new Error(`no migration from Flow JSON version ${v} to ${v + 1}`);
    const next = step.up(at);
    at = next.doc;
    notices.push(...next.notices);
  }
  return { ok: true, doc: at, notices };
}

/** A notice as one line: `nodes[3] (billing): what changed`. */
export function formatNotice(n: FlowNotice): string {
  const where = n.nodeId === undefined ? n.path : `${n.path} (${n.nodeId})`;
  return where ? `${where}: ${n.message}` : n.message;
}

const isDocument = (v: unknown): v is FlowDocument =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One notice per node that `picks` selects: `nodeNotices(doc, (n) => n.kind === 'topic', '…')`. */
export function nodeNotices(
  doc: FlowDocument,
  picks: (node: FlowDocument) => boolean,
  message: string,
): FlowNotice[] {
  const nodes: unknown[] = Array.isArray(doc.nodes) ? doc.nodes : [];
  return nodes.flatMap((node, i) => {
    if (!isDocument(node) || !picks(node)) return [];
    const nodeId = typeof node.id === 'string' ? { nodeId: node.id } : {};
    return [{ path: `nodes[${i}]`, ...nodeId, message }];
  });
}

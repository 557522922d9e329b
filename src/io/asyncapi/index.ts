// AsyncAPI 3 in and out (docs/asyncapi.md). Pure functions over text: the browser hands in the
// files the user chose or dropped, the command line the files it was given; neither reads the
// network, and neither needs the official AsyncAPI parser (tests use it to check exports).
import type { Flow } from '../../model/flow';
import { MAX_TEXT_LENGTH } from '../../model/limits';
import { runnableProblems } from '../../model/runnable';
import { formatProblem, parseFlow } from '../../model/validate';
import { buildFlow } from './build';
import { classify } from './documents';
import { readSystem } from './read';
import { quote, Report } from './report';
import { Resolver, type SourceDoc } from './resolve';
import { EXTENSION, isExport, restore } from './restore';
import { parseText } from './text';

export { exportAsyncApi, exportDocument } from './export';

export interface AsyncApiFile {
  /** The file's name or path: relative `$ref`s between the files are resolved against it. */
  readonly name: string;
  readonly text: string;
}

export type AsyncApiImport = { ok: true; flow: Flow; notices: string[] } | { ok: false; problems: string[] };

/** Unreadable $refs named per document, the first few of them. */
const SHOWN_REFS = 5;

/**
 * One or several AsyncAPI 3 documents (YAML or JSON) as one flow, joined on channel addresses;
 * files that are not AsyncAPI documents are read only for the parts the documents $ref. A document
 * this app exported is restored exactly from its `x-eventflow` extension.
 */
export function importAsyncApi(files: readonly AsyncApiFile[]): AsyncApiImport {
  const report = new Report();
  if (files.length === 0) return { ok: false, problems: ['no files given'] };
  const docs: SourceDoc[] = [];
  for (const f of files) {
    const r = parseText(f.text);
    if (r.ok) docs.push({ name: f.name, value: r.value });
    else report.problem(f.name, r.problem);
  }
  if (report.problems.length) return fail(report);
  const { apis, parts } = classify(docs, report);
  if (report.problems.length) return fail(report);

  const exported = apis.filter((i) => isExport(docs[i]!.value));
  if (apis.length === 1 && exported.length === 1) {
    const doc = docs[apis[0]!]!;
    for (const p of parts)
      report.notice(`${docs[p]!.name}: not needed to restore an exported flow; left out`);
    const flow = restore(doc.value as Record<string, unknown>, doc.name, report);
    return flow ? { ok: true, flow, notices: report.notices } : fail(report);
  }
  for (const i of exported)
    report.notice(
      `${docs[i]!.name}: its ${EXTENSION} flow is not restored (a flow is restored from one exported document imported alone); it is read as any AsyncAPI document`,
    );

  const resolver = new Resolver(docs);
  reportRefs(resolver, apis, parts, report);
  const system = readSystem(resolver, apis, report);
  if (report.problems.length) return fail(report);
  if (system.apps.every((a) => a.operations.length === 0))
    return fail(
      report,
      `${apis.map((i) => docs[i]!.name).join(', ')}: no operations: the ${apis.length === 1 ? 'document describes' : 'documents describe'} channels but no application that sends or receives on them, so nothing would run (add an operation with "action: send" or "action: receive")`,
    );
  const name = system.apps
    .map((a) => a.title)
    .join(' + ')
    .slice(0, MAX_TEXT_LENGTH);
  const built = buildFlow(system, name, report);
  // The mapping makes valid, runnable flows by construction; were it ever wrong, say so plainly
  // rather than hand the app a flow it would refuse.
  const parsed = parseFlow(built);
  if (!parsed.ok)
    return fail(report, ...parsed.problems.map((p) => `internal error, please report: ${formatProblem(p)}`));
  const runnable = runnableProblems(parsed.flow);
  if (runnable.length)
    return fail(report, ...runnable.map((p) => `internal error, please report: ${formatProblem(p)}`));
  return { ok: true, flow: parsed.flow, notices: report.notices };
}

/**
 * Names the $refs that cannot be read, per document, in the documents and in the parts they use
 * (messages.yaml → schemas.yaml), and the parts nothing uses.
 */
function reportRefs(
  resolver: Resolver,
  apis: readonly number[],
  parts: readonly number[],
  report: Report,
): void {
  const docs = resolver.docs;
  const queue = [...apis];
  const scanned = new Set<number>(apis);
  while (queue.length > 0) {
    const i = queue.shift()!;
    const { unreadable, uses } = resolver.scan(i);
    for (const u of uses)
      if (!scanned.has(u)) {
        scanned.add(u);
        queue.push(u);
      }
    if (unreadable.length === 0) continue;
    const shown = unreadable
      .slice(0, SHOWN_REFS)
      .map((u) => `${quote(u.ref)} at ${u.where.slice(docs[i]!.name.length + 2)}`)
      .join('; ');
    const more = unreadable.length > SHOWN_REFS ? `; and ${unreadable.length - SHOWN_REFS} more` : '';
    report.notice(
      `${docs[i]!.name}: ${unreadable.length === 1 ? 'a $ref was' : `${unreadable.length} $refs were`} not read (Eventflow Studio never fetches anything, and reads only the files it is given): ${shown}${more}. What they describe (payload schemas, mostly) does not change the flow; where a message or channel was behind one, its key is used`,
    );
  }
  for (const p of parts)
    if (!scanned.has(p))
      report.notice(`${docs[p]!.name}: not an AsyncAPI document, and no $ref points into it; left out`);
}

function fail(report: Report, ...more: string[]): AsyncApiImport {
  return { ok: false, problems: [...report.problems, ...more] };
}

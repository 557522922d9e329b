// Which of the files given are AsyncAPI 3 documents (each one application) and which only hold
// parts that the documents $ref (shared messages, schemas, servers). A file that is neither, an
// AsyncAPI 2 document or a Flow JSON file is refused with what to do instead.
import { isObject } from './resolve';
import type { Report } from './report';

export interface Classified {
  /** Indices of the AsyncAPI documents, in the order given. */
  readonly apis: number[];
  /** Indices of the other files: parts $ref'd from the documents. */
  readonly parts: number[];
}

export const CONVERT_HINT =
  'convert it to 3.0 first, with the AsyncAPI CLI (`asyncapi convert FILE --target-version=3.0.0`) or in AsyncAPI Studio, then import the result';

export function classify(docs: readonly { name: string; value: unknown }[], report: Report): Classified {
  const apis: number[] = [];
  const parts: number[] = [];
  docs.forEach((d, i) => {
    const v = d.value;
    if (isObject(v) && v.format === 'eventflow')
      report.problem(
        d.name,
        'this is a Flow JSON file, not an AsyncAPI document: open it as a flow (the app’s "Import JSON"; simulate and render read it as it is)',
      );
    else if (isObject(v) && v.asyncapi !== undefined) {
      const why = versionProblem(v.asyncapi);
      if (why) report.problem(`${d.name}: asyncapi`, why);
      else apis.push(i);
    } else if (isObject(v) && v.swagger !== undefined)
      report.problem(d.name, 'this is a Swagger (OpenAPI 2) document, not AsyncAPI');
    else if (isObject(v) && v.openapi !== undefined)
      report.problem(
        d.name,
        'this is an OpenAPI document, not AsyncAPI: it describes request/response APIs, not events',
      );
    else parts.push(i);
  });
  if (apis.length === 0 && report.problems.length === 0) {
    const one = docs.length === 1;
    report.problem(
      one ? docs[0]!.name : '',
      `${one ? 'not an AsyncAPI document' : 'none of these files is an AsyncAPI document'}: an AsyncAPI 3 document is an object that starts with "asyncapi: 3.0.0"`,
    );
  }
  return { apis, parts };
}

function versionProblem(version: unknown): string | null {
  const v = typeof version === 'number' ? String(version) : version;
  if (typeof v !== 'string') return 'must be a version such as "3.0.0"';
  if (/^3(\.\d+){0,2}$/.test(v)) return null;
  const major = /^(\d+)\./.exec(v)?.[1];
  if (major === '1' || major === '2') return `"${v}": AsyncAPI ${major} is not supported: ${CONVERT_HINT}`;
  return `"${v}" is not an AsyncAPI version this app reads (3.0.x)`;
}

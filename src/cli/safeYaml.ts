// YAML on a terminal: the export writes labels and event types as they are, and the yaml library
// leaves C1 controls, line separators and bidi overrides raw (in plain scalars, even inside
// double quotes). The JSON commands escape those with safeJson; YAML can escape a character only
// inside a double-quoted scalar, so every string holding one is written double-quoted, and then
// each such character as \uXXXX: the same YAML value, safe on a terminal.
import { parseDocument, Scalar, visit } from 'yaml';

/**
 * What a terminal may act on, as terminal.ts's safeText escapes it in messages, less tab and line
 * feed: YAML's own layout, and harmless on a terminal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `yaml` (one document, no comments: what exportAsyncApi writes) with nothing raw a terminal acts on. */
export function safeYaml(yaml: string): string {
  if (!UNSAFE.test(yaml)) return yaml;
  const doc = parseDocument(yaml);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Every such character is now inside a double-quoted scalar, where \uXXXX is an escape.
  return doc.toString({ lineWidth: 0 }).replace(UNSAFE_ALL, escapeOne);
}

// A strict check that a document is well-formed XML, for tests: one root element, tags that
// close in order, quoted and unique attributes, no raw < or stray & in text or values, only the
// characters XML 1.0 allows. Small enough to read, so the tests need no XML library.

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Why `xml` is not well-formed, or null when it is. */
export function wellFormedProblem(xml: string): string | null {
  const bad = FORBIDDEN.exec(xml);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`;
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const checkText = (t: string, at: number): string | null => {
    for (let k = t.indexOf('&'); k >= 0; k = t.indexOf('&', k + 1))
      if (!REFERENCE.test(t.slice(k))) return `stray & at ${at + k}`;
    return t.includes(']]>') ? `]]> in text at ${at}` : null;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (open.length === 0 && chunk.trim() !== '') return `text outside the root at ${i}`;
    const textProblem = checkText(chunk, i);
    if (textProblem) return textProblem;
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) return `bad comment at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      if (i !== 0 || !xml.startsWith('<?xml ', i)) return `processing instruction at ${i}`;
      const end = xml.indexOf('?>', i);
      if (end < 0) return 'unterminated XML declaration';
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const expected = open.pop();
      if (!name || name !== expected) return `</${name}> at ${i} closes <${expected}>`;
      i += 2 + name.length;
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml[i] !== '>') return `bad end tag at ${i}`;
      i++;
    } else if (xml.startsWith('<!', i)) {
      return `declaration or CDATA at ${i}`;
    } else {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) return `bad tag name at ${i}`;
      if (open.length === 0 && roots++ > 0) return `a second root element at ${i}`;
      i += 1 + name.length;
      const seen = new Set<string>();
      for (;;) {
        const space = /^\s*/.exec(xml.slice(i))![0].length;
        i += space;
        if (xml.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (xml[i] === '>') {
          open.push(name);
          i++;
          break;
        }
        const attr = NAME.exec(xml.slice(i))?.[0];
        if (!attr || space === 0) return `bad attribute at ${i} in <${name}>`;
        if (seen.has(attr)) return `attribute ${attr} twice in <${name}>`;
        seen.add(attr);
        i += attr.length;
        const m = /^\s*=\s*("[^"<]*"|'[^'<]*')/.exec(xml.slice(i));
        if (!m) return `attribute ${attr} of <${name}> not quoted, or holding <, at ${i}`;
        const valueProblem = checkText(m[1]!.slice(1, -1), i);
        if (valueProblem) return valueProblem;
        i += m[0].length;
      }
    }
  }
  if (open.length > 0) return `<${open.at(-1)}> never closed`;
  return roots === 1 ? null : 'no root element';
}

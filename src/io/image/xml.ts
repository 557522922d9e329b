// Building SVG as text, escaped once here: every attribute value and every text node goes
// through these, so a label holding <, & or quotes cannot end an element or an attribute, and
// one holding a character XML forbids cannot make the file unreadable.

export type Attrs = Readonly<Record<string, string | number | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Characters XML 1.0 does not allow (C0 controls but tab and line breaks, lone surrogates, U+FFFE
 * and U+FFFF), each as U+FFFD.
 */
export const xmlChars = (text: string): string =>
  text.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');

export const escapeXml = (text: string): string => xmlChars(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A number as SVG wants it: at most two decimals, no "-0". */
export const num = (n: number): string => String(Math.round(n * 100) / 100 || 0);

function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
  }
  return out;
}

/** An element; `children` is markup already built with these functions (or text, through `text`). */
export const el = (name: string, a: Attrs, children?: string): string =>
  children === undefined || children === ''
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${children}</${name}>`;

/** A text node: escaped. */
export const text = (content: string): string => escapeXml(content);

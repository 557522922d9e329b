// Reading back what the renderer wrote, for tests: each node's group with its <title> and the
// text of its lines, and attributes of every element of a name. The renderer writes one element
// per tag and no nesting inside a node's group but its title, shapes and lines, so patterns do.

export const unescapeXml = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '')
    .replace(/&amp;/g, '&');

export interface DrawnNode {
  kind: string;
  title: string;
  /** Each <text>'s content, unescaped, in order. */
  lines: string[];
  /** Each <text>'s fill. */
  fills: string[];
  /** The box's fill (its first path). */
  boxFill: string;
}

export function drawnNodes(svg: string): DrawnNode[] {
  const groups = svg.matchAll(/<g class="ef-node ef-node--([a-z]+)"><title>([^<]*)<\/title>(.*?)<\/g>/g);
  return Array.from(groups, ([, kind, title, body]) => {
    const texts = Array.from(body!.matchAll(/<text [^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>/g));
    return {
      kind: kind!,
      title: unescapeXml(title!),
      lines: texts.map((t) => unescapeXml(t[2]!)),
      fills: texts.map((t) => t[1]!),
      boxFill: /<path [^>]*fill="([^"]+)"/.exec(body!)?.[1] ?? '',
    };
  });
}

/** The attributes of every `<name …>` element, as written (values still escaped). */
export function elements(svg: string, name: string): Record<string, string>[] {
  return Array.from(svg.matchAll(new RegExp(`<${name}((?:\\s+[-a-zA-Z:]+="[^"]*")*)\\s*/?>`, 'g')), (m) =>
    Object.fromEntries(Array.from(m[1]!.matchAll(/([-a-zA-Z:]+)="([^"]*)"/g), (a) => [a[1]!, a[2]!])),
  );
}

// What an import has to say: problems that stop it and notices that do not. Each message begins
// with where it comes from (`file.yaml: operations.sendOrder.channel: …`), so a reader can find
// the place in the document. Repeated notices are said once.

export class Report {
  readonly problems: string[] = [];
  readonly notices: string[] = [];
  private readonly said = new Set<string>();

  problem(where: string, message: string): void {
    this.problems.push(where ? `${where}: ${message}` : message);
  }

  notice(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.notices.push(message);
  }
}

/** A path inside a document as people read it: `channels.orders.bindings.kafka`, `tags[0]`. */
export function formatPath(path: readonly string[]): string {
  let out = '';
  for (const key of path) {
    if (/^\d+$/.test(key) && out) out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

/** `file.yaml: channels.orders`, or the file alone at the top. */
export const at = (doc: string, path: readonly string[]): string =>
  path.length ? `${doc}: ${formatPath(path)}` : doc;

/** Quoted for a message, shortened if long. */
export const quote = (text: string): string => `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;

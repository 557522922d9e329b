// Names in an exported document. Keys of channels, operations and messages must match
// ^[A-Za-z0-9._-]+$ in AsyncAPI 3, and a flow's ids and labels may be any text, so keys are made
// from them and kept unique; the x-eventflow extension keeps the ids themselves.

/** Gives out keys made from any text, each different from those given before. */
export class Keys {
  private readonly used = new Set<string>();

  key(text: string, fallback: string): string {
    const base =
      text
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 80) || fallback;
    let key = base;
    for (let n = 2; this.used.has(key); n++) key = `${base}_${n}`;
    this.used.add(key);
    return key;
  }
}

/**
 * Channel addresses, unique in the document (an import joins channels on their address). Braces
 * would be read as address parameters, and control characters have no place in an address.
 */
export class Addresses {
  private readonly used = new Set<string>();

  address(label: string, id: string): string {
    const clean = (s: string) =>
      s
        .replace(/\{/g, '(')
        .replace(/\}/g, ')')
        .replace(/\p{Cc}+/gu, ' ');
    let address = clean(label) || clean(id);
    if (this.used.has(address)) address = `${address} (${clean(id)})`;
    const base = address;
    for (let n = 2; this.used.has(address); n++) address = `${base} ${n}`;
    this.used.add(address);
    return address;
  }
}

// Exhaustiveness: a switch over a union ends in `default: return assertNever(x)`, so adding a
// member (a node kind, an event kind, an action) is a compile error everywhere it is not handled.
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}

// The steps from each Flow JSON version to the next, oldest first (see migrate.ts). A step that
// changes a meaning adds one notice line for the nodes it concerns, e.g.
//   ...nodeNotices(doc, (n) => n.kind === 'topic', 'a failed message is now redelivered'),
import type { Migration } from './migrate';

/**
 * Version 2 holds the fields of version 1 (docs/flow-json.md); a v1 document is a valid v2
 * document as it stands. A later step that changes a meaning adds its notices here.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  up: (doc) => ({
    doc: { ...doc, version: 2 },
    notices: [],
  }),
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2];

// The AsyncAPI specification's example documents (fixtures/, Apache-2.0), bundled by Vite's raw
// import so that tests read them from the repository on any machine. Test-only.
import type { AsyncApiFile } from '..';

const texts = import.meta.glob<string>('../fixtures/**/*.{yml,yaml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every fixture file, named by its path under fixtures/ ("social-media/backend/asyncapi.yaml"). */
export const FIXTURE_FILES: readonly AsyncApiFile[] = Object.entries(texts)
  .map(([path, text]) => ({ name: path.replace('../fixtures/', ''), text }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/** The files whose names start with `prefix`, in name order. */
export const fixtures = (prefix: string): AsyncApiFile[] =>
  FIXTURE_FILES.filter((f) => f.name.startsWith(prefix));

/** Each import a test makes of the fixtures: one per single document, the social-media system whole, the rpc pair joined. */
export const FIXTURE_IMPORTS: readonly { title: string; files: AsyncApiFile[] }[] = [
  ...FIXTURE_FILES.filter((f) => !f.name.includes('/')).map((f) => ({ title: f.name, files: [f] })),
  { title: 'social-media/ (all nine files)', files: fixtures('social-media/') },
  { title: 'rpc-client + rpc-server', files: [...fixtures('rpc-client'), ...fixtures('rpc-server')] },
];

// The files the asyncapi command's tests read, listed from the repository (the command reads them
// by path, as a user gives them): the AsyncAPI specification's examples and the templates.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cli';

export const FIXTURES = 'src/io/asyncapi/fixtures';

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(`${dir}/${e.name}`) : /\.ya?ml$/.test(e.name) ? [`${dir}/${e.name}`] : [],
    )
    .sort();

/** Every fixture file, as a path from the repository's root. */
export const ALL_FIXTURES = yamlFiles(FIXTURES);

/** The nine files of the social-media example: four services and their shared parts. */
export const SOCIAL_MEDIA = ALL_FIXTURES.filter((f) => f.startsWith(`${FIXTURES}/social-media/`));

/** Each import of the fixtures docs/asyncapi.md lists: each document alone, the social-media set, the rpc pair. */
export const IMPORTS: { title: string; files: string[] }[] = [
  ...ALL_FIXTURES.filter((f) => !f.slice(FIXTURES.length + 1).includes('/')).map((f) => ({
    title: f.slice(FIXTURES.length + 1),
    files: [f],
  })),
  { title: 'social-media (all nine files)', files: SOCIAL_MEDIA },
  {
    title: 'rpc client + server',
    files: [`${FIXTURES}/rpc-client-asyncapi.yml`, `${FIXTURES}/rpc-server-asyncapi.yml`],
  },
];

/** The templates' Flow JSON files. */
export const TEMPLATE_FILES = readdirSync(join(root, 'src/io/templates'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `src/io/templates/${f}`);

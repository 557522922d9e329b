// What `asyncapi --help` prints (docs/cli.md says the same at length). Kept apart from the code so
// that the text reads as one page.
import { MAX_FILE_BYTES } from '../model/limits';
import { formatBytes } from './terminal';

export const ASYNCAPI_HELP = `Reads AsyncAPI 3 documents as a flow, and writes a flow as an AsyncAPI 3.0.0 document.

usage:
  npm run -s asyncapi -- import FILE… [--out FLOW.json]       AsyncAPI 3 documents → Flow JSON
  npm run -s asyncapi -- export FLOW.json [--out FILE.yaml]   a flow → AsyncAPI 3.0.0 YAML
  (or: npx eventflow asyncapi …)

import FILE…   one or several AsyncAPI 3 documents (YAML or JSON), joined into one flow on their
               channels' addresses, with the files they $ref (shared messages, schemas): give them
               all, as paths, so that relative $refs find them; nothing is ever fetched. Prints the
               flow as Flow JSON; on stderr, one "note:" line per figure assumed (rates, service
               times, partitions) and per part left out (a $ref not read, a loop cut).
               A document this app exported, imported alone, is restored exactly.
export FLOW.json
               prints the flow (any valid Flow JSON; an older version is migrated, with notes) as
               one AsyncAPI 3.0.0 document. export, then import, gives the same flow back.

options:
  --out FILE     write the output to FILE (a regular file, created or replaced) instead of stdout,
                 exactly as the app saves it; nothing is written when the command fails
  -              as a file name: read stdin (once), e.g. … export flow.json | … import -
  -h, --help     this text

Each file must be a regular file (or stdin) of at most ${formatBytes(MAX_FILE_BYTES)}. On stdout, characters a
terminal acts on are written as escapes (the same JSON or YAML value).

exit codes:
  0  done: the flow or the document is on stdout (or in --out's file)
  1  import: the documents do not make a flow, each problem on stderr with its file and place
     ("api.yaml: line 3, column 7: not valid YAML or JSON (…)",
     "api.yaml: operations.send.channel: …"); export: the file is not a valid flow ("path: reason")
  2  bad usage (a subcommand, an option, no file, a file given twice), or a file cannot be read,
     or --out's file cannot be written
  5  internal error: a bug in Eventflow Studio (one line on stderr; please report it with the files)

examples:
  npm run -s asyncapi -- import src/io/asyncapi/fixtures/simple-asyncapi.yml > signup.json
  npm run -s asyncapi -- import src/io/asyncapi/fixtures/social-media/*/*.yaml --out social.json
  npm run -s asyncapi -- export examples/mm1.json --out mm1.asyncapi.yaml
  npm run -s asyncapi -- export examples/mm1.json | npm run -s asyncapi -- import -

Reference: docs/cli.md, docs/asyncapi.md.
`;

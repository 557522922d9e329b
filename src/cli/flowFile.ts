// A Flow JSON file as every command reads it: its text, validated as the app validates a file
// (an older version migrated, with notes on what that changed), its problems listed. simulate,
// render and `asyncapi export` share this so that a file one accepts the others accept, with the
// same words.
import type { Flow } from '../model/flow';
import { MAX_FILE_BYTES } from '../model/limits';
import { formatNotice } from '../model/migrate';
import { type FlowProblem, formatProblem, parseFlowText } from '../model/validate';
import { EXIT } from './args';
import type { CliIo, CliResult, Voice } from './io';
import { firstLines, safeText } from './terminal';

export interface FlowFile {
  flow: Flow;
  /** The file's name as given, escaped for the terminal. */
  name: string;
  /** Notes for stderr, one per line: what reading an older Flow JSON version changed. */
  notes: string;
}

/** Each problem as `path: reason`, one per line, the first few of them. */
export const problemList = (problems: readonly FlowProblem[]): string =>
  firstLines(problems, (p) => safeText(formatProblem(p)), 'problem').join('\n');

/** Why a file could not be read, naming it (`name`, escaped): a usage error. */
export const cannotRead = (voice: Voice, name: string, err: unknown): CliResult =>
  voice.failure(
    `cannot read ${name}: ${safeText(err instanceof Error ? err.message : String(err))}`,
    EXIT.usage,
  );

/** The flow in a Flow JSON text, or its problems under a line naming the file (`name`, escaped). */
export function flowFromText(voice: Voice, name: string, text: string): FlowFile | CliResult {
  const parsed = parseFlowText(text);
  if (!parsed.ok)
    return voice.failure(`${name} is not a valid flow:\n${problemList(parsed.problems)}`, EXIT.badFlow);
  const notes = firstLines(parsed.notices, (n) => `note: ${safeText(formatNotice(n))}`, 'note');
  return { flow: parsed.flow, name, notes: notes.map(voice.line).join('') };
}

/**
 * The flow in the file at `path`, read as simulate and render read theirs; or why not: unreadable
 * (exit 2), not a valid flow (exit 1). (`asyncapi export` reads stdin too, so it reads the text
 * itself and hands it to flowFromText.)
 */
export function readFlow(voice: Voice, path: string, io: Pick<CliIo, 'readFile'>): FlowFile | CliResult {
  const name = safeText(path, 200);
  let text: string;
  try {
    text = io.readFile(path, MAX_FILE_BYTES);
  } catch (err) {
    return cannotRead(voice, name, err);
  }
  return flowFromText(voice, name, text);
}

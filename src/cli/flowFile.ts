// A Flow JSON file as every command reads it: its text, validated as the app validates a file
// (an older version migrated, with notes on what that changed), its problems listed. simulate and
// `asyncapi export` share this so that a file one accepts the other accepts, with the same words.
import type { Flow } from '../model/flow';
import { formatNotice } from '../model/migrate';
import { type FlowProblem, formatProblem, parseFlowText } from '../model/validate';
import { EXIT } from './args';
import type { CliResult, Voice } from './io';
import { firstLines, safeText } from './terminal';

export interface FlowFile {
  flow: Flow;
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
  return { flow: parsed.flow, notes: notes.map(voice.line).join('') };
}

// Flow JSON files in and out of the browser: download one, read and validate a File.
import { type Flow } from '../model/flow';
import { downloadText } from './download';
import { flowFileName, serializeFlow } from '../model/serialize';
import { type FlowNotice, formatNotice } from '../model/migrate';
import { type FlowProblem, formatProblem, type ParseResult, parseFlowText } from '../model/validate';

/** Downloads the flow as pretty, stably ordered JSON named after it. */
export function downloadFlow(flow: Flow): void {
  downloadText(flowFileName(flow), serializeFlow(flow), 'application/json');
}

export async function readFlowFile(file: Blob): Promise<ParseResult> {
  return parseFlowText(await file.text());
}

function firstLines<T>(items: readonly T[], format: (item: T) => string, noun: string, shown: number) {
  const lines = items.slice(0, shown).map(format);
  const rest = items.length - shown;
  if (rest > 0) lines.push(`…and ${rest} more ${noun}${rest === 1 ? '' : 's'}`);
  return lines;
}

/** The first few problems as readable lines, and how many more there are. */
export const problemLines = (problems: readonly FlowProblem[], shown = 4): string[] =>
  firstLines(problems, formatProblem, 'problem', shown);

/** The first few changes of meaning as readable lines, and how many more there are. */
export const noticeLines = (notices: readonly FlowNotice[], shown = 4): string[] =>
  firstLines(notices, formatNotice, 'change', shown);

export function looksLikeJsonFile(file: File): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

// Flow JSON files in and out of the browser: download one, read and validate a File.
import { type Flow } from '../model/flow';
import { downloadText } from './download';
import { flowFileName, serializeFlow } from '../model/serialize';
import { type FlowProblem, formatProblem, type ParseResult, parseFlowText } from '../model/validate';

/** Downloads the flow as pretty, stably ordered JSON named after it. */
export function downloadFlow(flow: Flow): void {
  downloadText(flowFileName(flow), serializeFlow(flow), 'application/json');
}

export async function readFlowFile(file: Blob): Promise<ParseResult> {
  return parseFlowText(await file.text());
}

/** The first few problems as readable lines, and how many more there are. */
export function problemLines(problems: readonly FlowProblem[], shown = 4): string[] {
  const lines = problems.slice(0, shown).map(formatProblem);
  const rest = problems.length - shown;
  if (rest > 0) lines.push(`…and ${rest} more problem${rest === 1 ? '' : 's'}`);
  return lines;
}

export function looksLikeJsonFile(file: File): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

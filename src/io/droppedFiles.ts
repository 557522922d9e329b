// What files dropped on the canvas are: one Flow JSON file, or AsyncAPI documents (one or several
// YAML or JSON files, imported together), told apart by name and, for JSON, by the first few KiB
// of text. Anything else is named back to the user.
import { isYamlName, looksLikeAsyncApiJson } from './asyncApiFiles';
import { looksLikeJsonFile as isJsonName } from './flowFile';

export type Dropped =
  { kind: 'flow'; file: File } | { kind: 'asyncapi'; files: File[] } | { kind: 'unknown'; names: string[] };

export async function sortDropped(files: readonly File[]): Promise<Dropped> {
  const unknown = files.filter((f) => !isJsonName(f) && !isYamlName(f.name));
  if (unknown.length) return { kind: 'unknown', names: unknown.map((f) => f.name) };
  if (files.length === 1 && isJsonName(files[0]!)) {
    const head = await files[0]!.slice(0, 4096).text();
    if (!looksLikeAsyncApiJson(head)) return { kind: 'flow', file: files[0]! };
  }
  return { kind: 'asyncapi', files: [...files] };
}

// A kind's icon looked up by kind, for the palette and the inspector heading (nodes get theirs
// from their own UI entry, so the shared BaseNode never reads the registry).
import type { Kind } from '../../model/flow';
import { Glyph } from '../nodes/Glyph';
import { UI_KINDS } from '.';

export function KindIcon({ kind, size }: { kind: Kind; size?: number }) {
  return <Glyph size={size}>{UI_KINDS[kind].icon}</Glyph>;
}

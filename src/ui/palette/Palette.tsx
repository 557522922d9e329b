// Node kinds to add: click to place one in view, or drag one onto the canvas.
import { MODEL_KINDS } from '../../model/kinds';
import { KINDS } from '../../model/flow';
import { KIND_MIME } from '../canvas/FlowCanvas';
import type { EditorActions } from '../hooks/useEditorActions';
import { KindIcon } from '../nodes/KindIcon';

const HINTS = {
  producer: 'Emits events',
  queue: 'Point-to-point',
  topic: 'Pub/sub fan-out',
  stream: 'Partitioned log',
  handler: 'Processes events',
  store: 'Terminal sink',
} as const;

export function Palette({ actions }: { actions: EditorActions }) {
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="panel-title">Add</h2>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette__item palette__item--${kind}`}
              aria-label={`Add ${kind}`}
              title={`Add ${kind}: click, or drag onto the canvas`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(KIND_MIME, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => actions.addInView(kind)}
            >
              <span className="palette__icon">
                <KindIcon kind={kind} />
              </span>
              <span className="palette__text">
                <span className="palette__name">{MODEL_KINDS[kind].label}</span>
                <span className="palette__hint">{HINTS[kind]}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="palette__tip">Drag from a node’s right handle onto another node to connect.</p>
    </nav>
  );
}

// Node kinds to add: click to place one in view, or drag one onto the canvas.
import { KINDS, MODEL_KINDS } from '../../model/kinds';
import { KIND_MIME } from '../canvas/FlowCanvas';
import type { EditorActions } from '../hooks/useEditorActions';
import { UI_KINDS } from '../kinds';
import { KindIcon } from '../kinds/KindIcon';

export function Palette({ actions }: { actions: EditorActions }) {
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="panel-title">Add</h2>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="palette__item"
              data-kind={kind}
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
                <span className="palette__hint">{UI_KINDS[kind].hint}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="palette__tip">
        Drag from a node’s right handle onto another node to connect, or press Enter on a handle.
      </p>
    </nav>
  );
}

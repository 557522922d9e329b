import { TEMPLATES, type Template } from '../../io/templates';
import { useAppStore } from '../../store/useAppStore';
import { Modal } from './Modal';

export function TemplatesDialog({ onPick }: { onPick: (t: Template) => void }) {
  const close = useAppStore((s) => s.openDialog);
  return (
    <Modal title="Start from a template" onClose={() => close(null)} className="modal--wide">
      <p className="modal__lead">
        Real-world event-driven patterns, ready to run. Loading one replaces the canvas; Undo brings your flow
        back.
      </p>
      <ul className="templates">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="template"
              onClick={() => onPick(t)}
              aria-describedby={`tpl-${t.id}`}
            >
              <span className="template__title">{t.title}</span>
              <span className="template__description" id={`tpl-${t.id}`}>
                {t.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => close(null)}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

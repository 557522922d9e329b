import { useAppStore } from '../../store/useAppStore';
import { Modal } from './Modal';

export function ConfirmNewDialog({ onConfirm }: { onConfirm: () => void }) {
  const close = useAppStore((s) => s.openDialog);
  const count = useAppStore((s) => s.flow.nodes.length);
  return (
    <Modal title="Start a new flow?" onClose={() => close(null)}>
      <p>
        This clears the canvas ({count} node{count === 1 ? '' : 's'}). Export JSON first if you want a copy;
        Undo also brings it back.
      </p>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => close(null)} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Discard and start new
        </button>
      </div>
    </Modal>
  );
}

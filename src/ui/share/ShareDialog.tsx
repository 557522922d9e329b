// "Share": a link that holds the whole flow (io/share.ts), copied at once where the browser
// allows, and always shown so it can be copied by hand. The flow is read once, when the dialog
// opens: the link is what was on screen when Share was pressed.
import { useEffect, useId, useState } from 'react';
import { formatCount } from '../../model/format';
import { formatSize } from '../../io/flowFile';
import { LONG_LINK_CHARS, MAX_LINK_CHARS, shareLink } from '../../io/share';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { Modal } from '../dialogs/Modal';

type Copy = 'pending' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareDialog() {
  const store = useAppStoreApi();
  const close = useAppStore((s) => s.openDialog);
  const [link, setLink] = useState<string | null>(null);
  const [copy, setCopy] = useState<Copy>('pending');
  const fieldId = useId();

  useEffect(() => {
    let live = true;
    void shareLink(store.getState().flow, window.location.href).then(async (made) => {
      if (!live) return;
      setLink(made);
      if (made.length <= MAX_LINK_CHARS) {
        const ok = await copyText(made);
        if (live) setCopy(ok ? 'copied' : 'failed');
      }
    });
    return () => {
      live = false;
    };
  }, [store]);

  const tooLong = link !== null && link.length > MAX_LINK_CHARS;
  return (
    <Modal title="Share this flow" onClose={() => close(null)} className="modal--wide share-dialog">
      <p className="modal__lead">
        The link holds the whole flow; nothing is uploaded. Whoever opens it gets a copy of their own to edit
        and run, and their own work is kept.
      </p>
      {link === null ? (
        <p role="status">Making the link…</p>
      ) : tooLong ? (
        <p role="alert">
          This flow makes a link of {formatSize(link.length)}, longer than a browser keeps (
          {formatSize(MAX_LINK_CHARS)}). Use Export JSON to send it as a file.
        </p>
      ) : (
        <>
          <label htmlFor={fieldId} className="share-dialog__label">
            Share link
          </label>
          <textarea
            id={fieldId}
            className="share-dialog__link"
            readOnly
            rows={3}
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="share-dialog__meta">
            {formatCount(link.length)} characters.
            {link.length > LONG_LINK_CHARS &&
              ' Some chat and mail tools cut links this long; for a flow this size, Export JSON is safer.'}
          </p>
          <p role="status" className="share-dialog__status">
            {copy === 'copied' && 'Copied to the clipboard.'}
            {copy === 'failed' &&
              'The browser did not allow copying: select the link above and press Ctrl+C.'}
          </p>
        </>
      )}
      <div className="modal__actions">
        {link !== null && !tooLong && (
          <button
            type="button"
            className="button"
            onClick={() => void copyText(link).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
          >
            Copy link
          </button>
        )}
        <button type="button" className="button button--primary" onClick={() => close(null)} autoFocus>
          Done
        </button>
      </div>
    </Modal>
  );
}

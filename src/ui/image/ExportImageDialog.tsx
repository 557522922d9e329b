// "Export image": the diagram drawn from the flow (io/image), previewed as it will be saved, as
// SVG or PNG, in the light or the dark theme, with the run's figures when a run is showing. The
// flow and figures are read when the dialog opens: the image is what was on screen then.
import { useEffect, useId, useMemo, useState } from 'react';
import { downloadBlob } from '../../io/download';
import { type ImageTheme, renderFlowSvg } from '../../io/image';
import { pngBlob, pngScale, svgBlob } from '../../io/imageFile';
import { flowSlug } from '../../model/serialize';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { Modal } from '../dialogs/Modal';
import { currentBadges } from '../run/badgeText';
import { useRun } from '../run/runContext';

const systemTheme = (): ImageTheme =>
  window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

export function ExportImageDialog() {
  const store = useAppStoreApi();
  const { client } = useRun();
  const close = useAppStore((s) => s.openDialog);
  const [{ flow, badges }] = useState(() => {
    const f = store.getState().flow;
    return { flow: f, badges: currentBadges(client.holder, f.nodes) };
  });
  const [theme, setTheme] = useState<ImageTheme>(systemTheme);
  const [withFigures, setWithFigures] = useState(badges !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const themeName = useId();

  const image = useMemo(
    () => renderFlowSvg(flow, { theme, ...(withFigures && badges ? { badges } : {}) }),
    [flow, badges, theme, withFigures],
  );
  const preview = useMemo(() => URL.createObjectURL(svgBlob(image)), [image]);
  useEffect(() => () => URL.revokeObjectURL(preview), [preview]);

  const scale = pngScale(image);
  const base = `${flowSlug(flow)}${theme === 'dark' ? '-dark' : ''}`;
  const savePng = async () => {
    setBusy(true);
    setError(null);
    try {
      downloadBlob(`${base}.png`, await pngBlob(image, scale));
    } catch (err) {
      setError(
        `Couldn’t make the PNG: ${err instanceof Error ? err.message : String(err)}. The SVG can still be saved.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Export image" onClose={() => close(null)} className="modal--wide image-dialog">
      <p className="modal__lead">
        The diagram drawn from the flow, for design documents and slides: SVG stays sharp at any size and
        opens in other drawing tools; PNG pastes anywhere.
      </p>
      <div className="image-dialog__preview" data-theme={theme}>
        <img
          src={preview}
          alt={`Preview: ${flow.nodes.length} nodes and ${flow.edges.length} connections, ${theme} theme${withFigures && badges ? ', with the run’s figures' : ''}`}
        />
      </div>
      <div className="image-dialog__options">
        <fieldset className="image-dialog__themes">
          <legend>Theme</legend>
          {(['light', 'dark'] as const).map((t) => (
            <label key={t}>
              <input
                type="radio"
                name={themeName}
                value={t}
                checked={theme === t}
                onChange={() => setTheme(t)}
              />
              {t === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </fieldset>
        <label className="image-dialog__figures">
          <input
            type="checkbox"
            checked={withFigures && badges !== null}
            disabled={badges === null}
            onChange={(e) => setWithFigures(e.currentTarget.checked)}
          />
          Include the run’s figures
          {badges === null && <span className="image-dialog__hint"> (run the flow to have some)</span>}
        </label>
        <p className="image-dialog__size">
          {Math.round(image.width)} × {Math.round(image.height)} px
          {scale > 0 &&
            `; PNG at ${Math.round(image.width * scale)} × ${Math.round(image.height * scale)} px`}
        </p>
      </div>
      {error && <p role="alert">{error}</p>}
      {scale === 0 && <p role="status">This flow is too large for a PNG; save it as SVG.</p>}
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => close(null)}>
          Close
        </button>
        <button type="button" className="button" onClick={() => downloadBlob(`${base}.svg`, svgBlob(image))}>
          Save SVG
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || scale === 0}
          onClick={() => void savePng()}
          autoFocus
        >
          {busy ? 'Making PNG…' : 'Save PNG'}
        </button>
      </div>
    </Modal>
  );
}

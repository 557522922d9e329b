// Errors are alerts and stay until dismissed; warnings stay too but are polite status messages,
// as are notes, which fade.
import { useEffect } from 'react';
import type { Toast } from '../../store/slices/uiSlice';
import { useAppStore } from '../../store/useAppStore';

const INFO_MS = 4000;

export function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismiss);
  useEffect(() => {
    if (toast.tone !== 'info' || toast.actions) return;
    const t = setTimeout(() => dismiss(toast.id), INFO_MS);
    return () => clearTimeout(t);
  }, [toast, dismiss]);
  return (
    <li className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast__body">
        <p className="toast__title">{toast.title}</p>
        {toast.details && (
          <ul className="toast__details">
            {toast.details.map((d) => (
              <li key={d}>
                <code>{d}</code>
              </li>
            ))}
          </ul>
        )}
        {toast.actions && (
          <div className="toast__actions">
            {toast.actions.map((a) => (
              <button
                key={a.label}
                type="button"
                className="button"
                onClick={() => {
                  dismiss(toast.id);
                  a.run();
                }}
              >
                {a.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}

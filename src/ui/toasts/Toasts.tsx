// Messages to the user, newest last. See ToastItem for how each tone behaves.
import { useAppStore } from '../../store/useAppStore';
import { ToastItem } from './ToastItem';

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <ul className="toasts" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </ul>
  );
}

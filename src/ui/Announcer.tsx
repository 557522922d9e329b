// Polite announcements for screen readers (a connection made or cancelled from the keyboard): a
// visually hidden status region whose text changes with each message.
import { useAppStore } from '../store/useAppStore';

export function Announcer() {
  const message = useAppStore((s) => s.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {/* Keyed by message: the same words said twice are read twice. */}
      {message && <span key={message.id}>{message.text}</span>}
    </div>
  );
}

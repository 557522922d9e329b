// A foldable group of Inspector fields: its heading is a button (aria-expanded) that folds it,
// and while folded a line says what is set, so a long kind (a queue's delivery settings) stays
// short to scroll past. Folding is remembered by section name while moving between nodes.
import { type ReactNode, useId } from 'react';
import { useAppStore } from '../../store/useAppStore';

interface Props {
  title: string;
  /** What the folded fields hold, in one line ("at least once · lease 30 s"). */
  summary: string;
  children: ReactNode;
}

export function Section({ title, summary, children }: Props) {
  const folded = useAppStore((s) => s.foldedSections[title] ?? false);
  const toggle = useAppStore((s) => s.toggleSection);
  const bodyId = useId();
  return (
    <section className="inspector__group" aria-label={title}>
      <h3 className="inspector__section">
        <button
          type="button"
          className="inspector__fold"
          aria-expanded={!folded}
          aria-controls={bodyId}
          onClick={() => toggle(title)}
        >
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          {title}
        </button>
      </h3>
      {folded && <p className="inspector__note inspector__fold-summary">{summary}</p>}
      <div id={bodyId} className="inspector__group-body" hidden={folded}>
        {children}
      </div>
    </section>
  );
}

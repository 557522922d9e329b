// A compact toolbar button with an icon; the visible text is the tooltip, the accessible name the label.
// "Disabled" is aria-disabled, not the disabled attribute: Run turns itself off when pressed, and a
// disabled button would drop the keyboard's focus to the page.
const ICONS = {
  run: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  step: 'M6 5v14l9-7zM16 5h3v14h-3z',
  reset: 'M12 5a7 7 0 1 1-6.6 4.7l1.9.6A5 5 0 1 0 12 7v3L7.5 6 12 2z',
} as const;

interface Props {
  label: string;
  icon: keyof typeof ICONS;
  onClick: () => void;
  disabled: boolean;
  /** The key that does the same, as aria-keyshortcuts spells it ("R", "Shift+R"). */
  shortcut: string;
  title?: string;
  className?: string;
}

export function RunButton({ label, icon, onClick, disabled, shortcut, title, className }: Props) {
  return (
    <button
      type="button"
      className={`tool-button run-button${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-disabled={disabled}
      aria-keyshortcuts={shortcut}
      title={`${title ?? label} (${shortcut})`}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path d={ICONS[icon]} fill="currentColor" />
      </svg>
      <span className="run-button__text">{label}</span>
    </button>
  );
}

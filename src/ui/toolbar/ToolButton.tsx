interface Props {
  label: string;
  onClick: () => void;
  shortcut?: string;
  disabled?: boolean;
}

export function ToolButton({ label, onClick, shortcut, disabled }: Props) {
  return (
    <button
      type="button"
      className="tool-button"
      onClick={onClick}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      {...(shortcut ? { 'aria-keyshortcuts': shortcut.replace('Ctrl', 'Control') } : {})}
    >
      {label}
    </button>
  );
}

import type { ReactNode } from 'react';
import { Glyph } from '../nodes/Glyph';

interface Props {
  label: string;
  onClick: () => void;
  shortcut?: string;
  disabled?: boolean;
  /** A 24×24 glyph (SVG children) shown before the label. */
  icon?: ReactNode;
  /**
   * On narrower screens only the icon shows; the label stays the button's accessible name (it is
   * hidden visually, not removed) and its tooltip.
   */
  compact?: boolean;
}

export function ToolButton({ label, onClick, shortcut, disabled, icon, compact }: Props) {
  return (
    <button
      type="button"
      className={`tool-button${icon ? ' tool-button--icon' : ''}${compact ? ' tool-button--compact' : ''}`}
      onClick={onClick}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      {...(shortcut ? { 'aria-keyshortcuts': shortcut.replace('Ctrl', 'Control') } : {})}
    >
      {icon && <Glyph>{icon}</Glyph>}
      <span className="tool-button__label">{label}</span>
    </button>
  );
}

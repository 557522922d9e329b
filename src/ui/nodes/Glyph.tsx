// An icon: an inline 24×24 SVG drawn in currentColor, so each node, palette entry and inspector
// heading tints its kind's icon with its own colour, and a toolbar button's icon follows its text.
import type { ReactNode } from 'react';

export function Glyph({ children, size = 18 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

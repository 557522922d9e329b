// One inline SVG glyph per node kind, drawn in currentColor so each node tints its own.
import type { ReactNode } from 'react';
import type { Kind } from '../../model/flow';

const PATHS: Record<Kind, ReactNode> = {
  producer: (
    <>
      <path d="M4 12h9" />
      <path d="M10 7l5 5-5 5" />
      <circle cx="19" cy="12" r="2" />
    </>
  ),
  queue: (
    <>
      <rect x="3" y="5" width="18" height="4" rx="1" />
      <rect x="3" y="10" width="18" height="4" rx="1" />
      <rect x="3" y="15" width="18" height="4" rx="1" />
    </>
  ),
  topic: (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h4M11 12l7-6M11 12h8M11 12l7 6" />
    </>
  ),
  stream: (
    <>
      <path d="M3 6h18M3 10h18M3 14h18M3 18h18" />
      <path d="M8 4v4M14 8v4M11 12v4M17 16v4" />
    </>
  ),
  handler: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" />
    </>
  ),
  store: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.5" />
      <path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6" />
      <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
};

export function KindIcon({ kind, size = 18 }: { kind: Kind; size?: number }) {
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
      {PATHS[kind]}
    </svg>
  );
}

// The toolbar's glyphs (24×24, stroked in currentColor), for buttons that show only their icon on
// narrower screens.
export const IMPORT_ICON = (
  <>
    <path d="M12 3v11M7.5 9.5 12 14l4.5-4.5" />
    <path d="M4 14v5h16v-5" />
  </>
);
export const EXPORT_ICON = (
  <>
    <path d="M12 14V3M7.5 7.5 12 3l4.5 4.5" />
    <path d="M4 14v5h16v-5" />
  </>
);
export const SHARE_ICON = (
  <>
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </>
);
export const IMAGE_ICON = (
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <circle cx="8.5" cy="10" r="1.6" />
    <path d="m21 15-5-5-9 9" />
  </>
);
export const UNDO_ICON = (
  <>
    <path d="M9 13 4 8l5-5" />
    <path d="M4 8h10.5a5.5 5.5 0 0 1 0 11H11" />
  </>
);
export const REDO_ICON = (
  <>
    <path d="m15 13 5-5-5-5" />
    <path d="M20 8H9.5a5.5 5.5 0 0 0 0 11H13" />
  </>
);
export const LAYOUT_ICON = (
  <>
    <rect x="3" y="4" width="6" height="5" rx="1" />
    <rect x="15" y="4" width="6" height="5" rx="1" />
    <rect x="15" y="15" width="6" height="5" rx="1" />
    <path d="M9 6.5h6M12 6.5v11h3" />
  </>
);

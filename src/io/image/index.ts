// A flow as an image (docs/images.md): the SVG renderer the app's "Export image" and the CLI's
// `render` share. Pure: no React, no DOM, no Node built-ins; PNG is made by each host from the SVG.
export { renderFlowSvg, FONT_FAMILY, type RenderOptions, type RenderedSvg } from './render';
export { reportBadges } from './reportBadges';
export type { Badge, NodeBadge } from './layout';
export type { ImageTheme } from './theme';

// The exported image as files in the browser: the SVG as drawn, and a PNG rasterized from it by
// the browser itself (an <img> of the SVG drawn on a canvas), so both show the same picture.
import type { RenderedSvg } from './image';

/** The sharpness of a PNG for documents and slides: two pixels per point. */
export const PNG_SCALE = 2;
/** Canvases past these sizes fail (or exhaust memory) in some browsers. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64 * 1024 * 1024;

export const svgBlob = (image: RenderedSvg): Blob => new Blob([image.svg], { type: 'image/svg+xml' });

/** The scale a PNG of this image can be made at: PNG_SCALE, less for a huge flow, 0 if none fits. */
export function pngScale(image: Pick<RenderedSvg, 'width' | 'height'>): number {
  const bySide = MAX_SIDE / Math.max(image.width, image.height);
  const byArea = Math.sqrt(MAX_PIXELS / (image.width * image.height));
  const scale = Math.min(PNG_SCALE, bySide, byArea);
  return scale >= 0.25 ? scale : 0;
}

export async function pngBlob(image: RenderedSvg, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(image));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gave no canvas to draw the image on');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

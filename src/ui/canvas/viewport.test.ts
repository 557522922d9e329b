import { describe, expect, it } from 'vitest';
import { boundsOf, MIN_READABLE_ZOOM, readableFit, reveal } from './viewport';

const none = { top: 0, right: 0, bottom: 0, left: 0 };

describe('fitting the flow in view', () => {
  it('fits a small flow, centred, no closer than 110 %', () => {
    const v = readableFit({ x: 0, y: 0, width: 500, height: 200 }, { width: 1000, height: 600 }, none);
    expect(v.zoom).toBe(1.1);
    expect(v.x).toBeCloseTo((1000 - 550) / 2);
    expect(v.y).toBeCloseTo((600 - 220) / 2);
  });

  it('keeps a big flow readable and starts at its left end', () => {
    // The CQRS template: 1,720 wide in a 912-wide canvas would fit only at 45 %.
    const bounds = { x: 0, y: 0, width: 1720, height: 420 };
    const v = readableFit(bounds, { width: 912, height: 500 }, { top: 24, right: 24, bottom: 140, left: 24 });
    expect(v.zoom).toBe(MIN_READABLE_ZOOM);
    expect(v.x).toBe(24);
  });

  it('keeps the fitted flow clear of the bottom inset (minimap, controls)', () => {
    const bounds = { x: 100, y: 50, width: 600, height: 300 };
    const size = { width: 900, height: 500 };
    const insets = { top: 24, right: 24, bottom: 150, left: 24 };
    const v = readableFit(bounds, size, insets);
    expect((bounds.y + bounds.height) * v.zoom + v.y).toBeLessThanOrEqual(size.height - insets.bottom + 1e-9);
    expect(bounds.y * v.zoom + v.y).toBeGreaterThanOrEqual(insets.top - 1e-9);
  });

  it('reveals a box by panning just enough, at the same zoom', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    const size = { width: 800, height: 400 };
    const insets = { top: 10, right: 10, bottom: 100, left: 10 };
    expect(reveal({ x: 100, y: 100, width: 200, height: 60 }, view, size, insets)).toEqual(view);
    const moved = reveal({ x: 900, y: 280, width: 220, height: 64 }, view, size, insets);
    expect(moved.zoom).toBe(1);
    expect(900 + 220 + moved.x).toBe(790);
    expect(280 + 64 + moved.y).toBe(300);
  });

  it('bounds every box', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 0, y: 10, width: 10, height: 10 },
        { x: -5, y: 30, width: 10, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 10, width: 15, height: 25 });
  });
});

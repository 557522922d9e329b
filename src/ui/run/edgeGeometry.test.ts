import { describe, expect, it } from 'vitest';
import { curveAt, setCurve } from './edgeGeometry';

describe('edge curves', () => {
  it('start at the source handle and end at the target handle', () => {
    const c = new Float32Array(16);
    setCurve(c, 1, 10, 20, 'right', 210, 120, 'left');
    expect(curveAt(c, 1, 0, 0)).toBeCloseTo(10);
    expect(curveAt(c, 1, 0, 1)).toBeCloseTo(20);
    expect(curveAt(c, 1, 1, 0)).toBeCloseTo(210);
    expect(curveAt(c, 1, 1, 1)).toBeCloseTo(120);
    // Symmetric S-curve: the midpoint is halfway between the ends.
    expect(curveAt(c, 1, 0.5, 0)).toBeCloseTo(110);
    expect(curveAt(c, 1, 0.5, 1)).toBeCloseTo(70);
  });
});

import { describe, expect, it } from 'vitest';
import { clampCrop, initialCrop, photoProblem, sourceRect, zoomCrop } from './photoCrop';

describe('square photo crop', () => {
  it('starts centred, the short side filling the frame', () => {
    const crop = initialCrop(1200, 900, 300);
    expect(crop).toEqual({ zoom: 1, x: -50, y: 0 });
    expect(sourceRect(crop, 1200, 900, 300)).toEqual({ sx: 150, sy: 0, side: 900 });
  });

  it('never lets the picture leave an empty band in the frame', () => {
    const dragged = clampCrop({ zoom: 1, x: 80, y: -500 }, 1200, 900, 300);
    expect(dragged).toEqual({ zoom: 1, x: 0, y: 0 });
    const far = clampCrop({ zoom: 1, x: -9999, y: 0 }, 1200, 900, 300);
    expect(far.x).toBe(-100);
    expect(sourceRect(far, 1200, 900, 300).sx).toBe(300);
  });

  it('zooms around the middle and keeps the zoom between 1 and 4', () => {
    const zoomed = zoomCrop(initialCrop(1000, 1000, 200), 2, 1000, 1000, 200);
    expect(zoomed).toEqual({ zoom: 2, x: -100, y: -100 });
    expect(sourceRect(zoomed, 1000, 1000, 200)).toEqual({ sx: 250, sy: 250, side: 500 });
    expect(zoomCrop(zoomed, 9, 1000, 1000, 200).zoom).toBe(4);
    expect(zoomCrop(zoomed, 0.2, 1000, 1000, 200)).toEqual({ zoom: 1, x: 0, y: 0 });
  });

  it('refuses what the server would refuse before sending it', () => {
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(photoProblem({ type: 'image/heic', size: 10 })).toBe('type');
    expect(photoProblem({ type: 'image/png', size: 11 * 1024 * 1024 })).toBe('size');
    expect(photoProblem({ type: 'image/webp', size: 2_000_000 })).toBeNull();
  });
});

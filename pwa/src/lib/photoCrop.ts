/**
 * The square crop of a profile photo: the picture covers a square frame of `frame` px, the
 * person zooms (1 = the short side fills the frame) and drags it; what the frame shows is the
 * part of the picture sent to the server.
 */

export interface CropState {
  zoom: number;
  /** Top-left of the picture relative to the frame, in frame pixels (≤ 0). */
  x: number;
  y: number;
}

export interface SourceRect {
  sx: number;
  sy: number;
  side: number;
}

export const MAX_ZOOM = 4;

function scaleOf(width: number, height: number, frame: number, zoom: number): number {
  return (frame / Math.min(width, height)) * zoom;
}

/** The picture centred in the frame at zoom 1. */
export function initialCrop(width: number, height: number, frame: number): CropState {
  return clampCrop({ zoom: 1, x: -Infinity, y: -Infinity }, width, height, frame, true);
}

/** Keeps the zoom between 1 and MAX_ZOOM and the frame covered (no empty band). */
export function clampCrop(crop: CropState, width: number, height: number, frame: number, centre = false): CropState {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, Number.isFinite(crop.zoom) ? crop.zoom : 1));
  const scale = scaleOf(width, height, frame, zoom);
  const minX = frame - width * scale;
  const minY = frame - height * scale;
  const clamp = (value: number, min: number) => (centre || !Number.isFinite(value) ? min / 2 : Math.min(0, Math.max(min, value)));
  return { zoom, x: clamp(crop.x, minX), y: clamp(crop.y, minY) };
}

/** Zooms around the frame's centre, so what is in the middle stays in the middle. */
export function zoomCrop(crop: CropState, zoom: number, width: number, height: number, frame: number): CropState {
  const before = scaleOf(width, height, frame, crop.zoom);
  const next = Math.min(MAX_ZOOM, Math.max(1, zoom));
  const after = scaleOf(width, height, frame, next);
  const centreX = (frame / 2 - crop.x) / before;
  const centreY = (frame / 2 - crop.y) / before;
  return clampCrop({ zoom: next, x: frame / 2 - centreX * after, y: frame / 2 - centreY * after }, width, height, frame);
}

/** The square of the picture (in its own pixels) that the frame shows. */
export function sourceRect(crop: CropState, width: number, height: number, frame: number): SourceRect {
  const scale = scaleOf(width, height, frame, crop.zoom);
  const side = Math.min(frame / scale, width, height);
  const sx = Math.min(width - side, Math.max(0, -crop.x / scale));
  const sy = Math.min(height - side, Math.max(0, -crop.y / scale));
  return { sx, sy, side };
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Why a picked file can't be a photo, or null: checked here to say it at once, and again by the server. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PHOTO_MAX_BYTES) return 'size';
  return null;
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { clampCrop, initialCrop, MAX_ZOOM, sourceRect, zoomCrop, type CropState } from '../../lib/photoCrop';
import { Button } from '../ui/Button';
import { Sheet } from '../ui/Sheet';

const FRAME = 256;
const EDGE = 512;

interface AccountsPhotoCropProps {
  file: File;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onCropped: (blob: Blob) => void;
}

/** Drag and zoom the picture inside a round frame; « Enregistrer » sends what the frame shows. */
export function AccountsPhotoCrop({ file, busy, error, onCancel, onCropped }: AccountsPhotoCropProps) {
  const [url] = useState(() => URL.createObjectURL(file));
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [crop, setCrop] = useState<CropState>({ zoom: 1, x: 0, y: 0 });
  const image = useRef<HTMLImageElement>(null);
  const drag = useRef<{ x: number; y: number; crop: CropState } | null>(null);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  const loaded = () => {
    const element = image.current;
    if (!element) return;
    const natural = { width: element.naturalWidth, height: element.naturalHeight };
    setSize(natural);
    setCrop(initialCrop(natural.width, natural.height, FRAME));
  };

  const save = () => {
    if (!size || !image.current) return;
    const { sx, sy, side } = sourceRect(crop, size.width, size.height, FRAME);
    const canvas = document.createElement('canvas');
    canvas.width = EDGE;
    canvas.height = EDGE;
    canvas.getContext('2d')?.drawImage(image.current, sx, sy, side, side, 0, 0, EDGE, EDGE);
    canvas.toBlob((blob) => blob && onCropped(blob), 'image/jpeg', 0.9);
  };

  const scale = size ? (FRAME / Math.min(size.width, size.height)) * crop.zoom : 1;
  return (
    <Sheet
      open
      title={t('photo.cropTitle')}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel} disabled={busy}>
            {t('photo.cancel')}
          </Button>
          <Button variant="primary" onClick={save} busy={busy} disabled={!size}>
            {t('photo.save')}
          </Button>
        </>
      }
    >
      <p class="photo-crop-hint">{t('photo.cropHint')}</p>
      <div
        class="photo-crop-frame"
        style={{ width: `${FRAME}px`, height: `${FRAME}px` }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { x: event.clientX, y: event.clientY, crop };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start || !size) return;
          const moved = { ...start.crop, x: start.crop.x + event.clientX - start.x, y: start.crop.y + event.clientY - start.y };
          setCrop(clampCrop(moved, size.width, size.height, FRAME));
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <img
          ref={image}
          src={url}
          alt={t('photo.preview')}
          onLoad={loaded}
          draggable={false}
          style={
            size
              ? { width: `${size.width * scale}px`, height: `${size.height * scale}px`, transform: `translate(${crop.x}px, ${crop.y}px)` }
              : { visibility: 'hidden' }
          }
        />
      </div>
      <label class="photo-zoom">
        <span>{t('photo.zoom')}</span>
        <input
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.05}
          value={crop.zoom}
          disabled={!size}
          onInput={(event) => size && setCrop(zoomCrop(crop, Number(event.currentTarget.value), size.width, size.height, FRAME))}
        />
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </Sheet>
  );
}

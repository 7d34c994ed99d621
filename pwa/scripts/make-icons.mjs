#!/usr/bin/env node
/**
 * Draws Élan's icons — a white "É" on the theme colour — as real PNGs with
 * no dependency: polygons rasterised with 4×4 supersampling, PNG written by
 * hand (zlib + CRC-32). Run `npm run icons`; the results are committed in public/.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const THEME = [0x23, 0x40, 0xa8];
const WHITE = [0xff, 0xff, 0xff];
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** The "É" in a unit square: an E of four rectangles and a slanted acute accent. */
const rect = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
export const GLYPH = [
  rect(0.33, 0.33, 0.42, 0.8), // stem
  rect(0.33, 0.33, 0.69, 0.415), // top bar
  rect(0.33, 0.525, 0.64, 0.605), // middle bar
  rect(0.33, 0.715, 0.69, 0.8), // bottom bar
  [[0.455, 0.29], [0.545, 0.29], [0.665, 0.165], [0.575, 0.165]], // accent
];

function inside(polygon, x, y) {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/**
 * @param size pixels per side
 * @param options.scale glyph scale around the centre (maskable icons keep it in the safe zone)
 * @param options.cornerRadius 0 for a full-bleed square
 */
function draw(size, { scale = 1, cornerRadius = 0 } = {}) {
  const glyph = GLYPH.map((polygon) => polygon.map(([x, y]) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale]));
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let ink = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (cornerRadius > 0 && !inRoundedSquare(x, y, cornerRadius)) continue;
          background++;
          if (glyph.some((polygon) => inside(polygon, x, y))) ink++;
        }
      }
      const total = samples * samples;
      const offset = (py * size + px) * 4;
      const inkShare = background ? ink / background : 0;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(THEME[c] * (1 - inkShare) + WHITE[c] * inkShare);
      pixels[offset + 3] = Math.round((255 * background) / total);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding one PNG image (supported by every current browser). */
function encodeIco(png, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = size;
  header[7] = size;
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

function svg() {
  const toPath = (polygon) => `M${polygon.map(([x, y]) => `${(x * 64).toFixed(2)} ${(y * 64).toFixed(2)}`).join('L')}Z`;
  const hex = `#${THEME.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${hex}"/><path fill="#fff" d="${GLYPH.map(toPath).join('')}"/></svg>\n`;
}

const outputs = {
  'icon-192.png': draw(192, { cornerRadius: 0.2 }),
  'icon-512.png': draw(512, { cornerRadius: 0.2 }),
  'maskable-512.png': draw(512, { scale: 0.82 }),
  'apple-touch-icon.png': draw(180, { scale: 0.9 }),
  'favicon.ico': encodeIco(draw(32, { cornerRadius: 0.2 }), 32),
  'favicon.svg': Buffer.from(svg()),
};
for (const [name, data] of Object.entries(outputs)) {
  writeFileSync(`${publicDir}${name}`, data);
  console.log(`public/${name}  ${data.length} bytes`);
}

/**
 * `npm run icons`: renders the app icons (public/icons/*.png, committed) from their SVG sources
 * with sharp. Run it after changing public/icons/icon.svg or icon-maskable.svg.
 *   icon-192.png, icon-512.png   "any" purpose (rounded square)
 *   maskable-512.png             "maskable" (full bleed, the sign inside the safe circle)
 *   apple-touch-icon.png         180 px, full bleed (iOS rounds the corners itself)
 */
import path from 'node:path';
import sharp from 'sharp';
import { root } from './lib/paths.ts';

const dir = path.join(root, 'public', 'icons');
const renders = [
  { source: 'icon.svg', out: 'icon-192.png', size: 192 },
  { source: 'icon.svg', out: 'icon-512.png', size: 512 },
  { source: 'icon-maskable.svg', out: 'maskable-512.png', size: 512 },
  { source: 'icon-maskable.svg', out: 'apple-touch-icon.png', size: 180 },
];

for (const { source, out, size } of renders) {
  await sharp(path.join(dir, source), { density: Math.ceil((72 * size) / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(dir, out));
  console.log(`public/icons/${out} (${size}×${size})`);
}

// @resvg/resvg-wasm 2.6.2 (Rust resvg through wasm-bindgen): renders an SVG with gradients, paths, a blur
// filter and transforms to PNG; the answer is the PNG's size and SHA-256 and a few pixels.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="160" viewBox="0 0 200 160">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#ff7a00"/><stop offset="1" stop-color="#3050ff"/>
    </linearGradient>
    <filter id="blur"><feGaussianBlur stdDeviation="3"/></filter>
  </defs>
  <rect x="10" y="10" width="180" height="140" rx="18" fill="url(#g)"/>
  <circle cx="70" cy="80" r="40" fill="#fff" fill-opacity="0.6" filter="url(#blur)"/>
  <path d="M120 30 L180 130 L100 120 Z" fill="none" stroke="#111" stroke-width="4" stroke-linejoin="round"/>
  <g transform="rotate(30 100 80)"><rect x="90" y="60" width="30" height="30" fill="#0a0"/></g>
</svg>`;

let initialized: Promise<void> | null = null;

/** The rendered PNG's dimensions, size and digest, and the RGBA of three pixels. */
export async function answer(): Promise<unknown> {
  initialized ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await initialized;
  const rendered = new Resvg(SVG, { fitTo: { mode: 'width', value: 400 } }).render();
  const png = rendered.asPng();
  const pixels = rendered.pixels;
  const at = (x: number, y: number) => [
    ...pixels.subarray((y * rendered.width + x) * 4, (y * rendered.width + x) * 4 + 4),
  ];
  return {
    width: rendered.width,
    height: rendered.height,
    pngBytes: png.length,
    pngSha256: createHash('sha256').update(png).digest('hex'),
    pixels: [at(30, 30), at(140, 160), at(360, 250)],
  };
}

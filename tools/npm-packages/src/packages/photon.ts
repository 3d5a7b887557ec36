// @silvia-odwyer/photon-node 0.3.4 (Rust image processing through wasm-bindgen, nodejs target): an image
// codec and filters: decodes a PNG made here, resizes, blurs, applies a filter and encodes PNG and JPEG.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** A 96x64 RGBA PNG of gradients and stripes, made with node:zlib (no wasm). */
function png(): Uint8Array {
  const w = 96;
  const h = 64;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 4 + 1) + 1 + x * 4;
      raw[o] = (x * 255) / w;
      raw[o + 1] = (y * 255) / h;
      raw[o + 2] = (x + y) % 16 < 8 ? 200 : 40;
      raw[o + 3] = 255;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Digests of the pixels after each step and of the encoded PNG and JPEG. */
export async function answer(): Promise<unknown> {
  const photon = require('@silvia-odwyer/photon-node') as typeof import('@silvia-odwyer/photon-node');
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
  const img = photon.PhotonImage.new_from_byteslice(png());
  const steps: Record<string, unknown> = { decoded: [img.get_width(), img.get_height(), sha(img.get_raw_pixels())] };
  const big = photon.resize(img, 192, 128, photon.SamplingFilter.Lanczos3);
  steps.resized = sha(big.get_raw_pixels());
  photon.gaussian_blur(big, 2);
  steps.blurred = sha(big.get_raw_pixels());
  photon.filter(big, 'oceanic');
  photon.grayscale(big);
  steps.filtered = sha(big.get_raw_pixels());
  const encodedPng = big.get_bytes();
  const encodedJpeg = big.get_bytes_jpeg(80);
  steps.png = [encodedPng.length, sha(encodedPng)];
  steps.jpeg = [encodedJpeg.length, sha(encodedJpeg)];
  img.free();
  big.free();
  return steps;
}

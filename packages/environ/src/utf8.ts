// UTF-8 for every host: the Encoding API where the host has it (created on first use), else a small
// decoder and encoder of our own, so no package needs `TextDecoder` or `TextEncoder` at load time
// (JavaScriptCore's shell, Hermes and some embedded engines have neither).

interface NativeDecoder {
  decode(bytes: Uint8Array): string;
}
interface NativeEncoder {
  encode(text: string): Uint8Array;
}
type DecoderClass = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => NativeDecoder;

const host = globalThis as { TextDecoder?: DecoderClass; TextEncoder?: new () => NativeEncoder };
let fatalDecoder: NativeDecoder | null | undefined;
let lenientDecoder: NativeDecoder | null | undefined;
let encoder: NativeEncoder | null | undefined;

/** Options of `decodeUtf8`. */
export interface Utf8DecodeOptions {
  /** Throw a `TypeError` on malformed input (default true); when false, each bad sequence becomes U+FFFD. */
  readonly fatal?: boolean;
  /** Drop a leading byte order mark (default false: it is kept as U+FEFF). */
  readonly stripBOM?: boolean;
}

/** Decodes UTF-8 bytes as the Encoding API does (WHATWG replacement rules when not fatal). */
export function decodeUtf8(bytes: Uint8Array, options: Utf8DecodeOptions = {}): string {
  const fatal = options.fatal ?? true;
  if (options.stripBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3);
  const native = fatal ? (fatalDecoder ??= makeDecoder(true)) : (lenientDecoder ??= makeDecoder(false));
  return native !== null ? native.decode(bytes) : decodeUtf8Portable(bytes, fatal);
}

/** Encodes a string as UTF-8 (a lone surrogate becomes U+FFFD, as the Encoding API does). */
export function encodeUtf8(text: string): Uint8Array {
  encoder ??= typeof host.TextEncoder === 'function' ? new host.TextEncoder() : null;
  return encoder !== null ? encoder.encode(text) : encodeUtf8Portable(text);
}

function makeDecoder(fatal: boolean): NativeDecoder | null {
  return typeof host.TextDecoder === 'function' ? new host.TextDecoder('utf-8', { fatal, ignoreBOM: true }) : null;
}

/** The decoder used where the host has no `TextDecoder` (exported for tests that compare it with the native one). */
export function decodeUtf8Portable(bytes: Uint8Array, fatal: boolean): string {
  const units: number[] = [];
  let out = '';
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else {
      // The valid range of the second byte depends on the first (no overlongs, no surrogates, <= U+10FFFF).
      let need = 0;
      let lo = 0x80;
      let hi = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b === 0xe0) lo = 0xa0;
        else if (b === 0xed) hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b === 0xf0) lo = 0x90;
        else if (b === 0xf4) hi = 0x8f;
      }
      if (need > 0) {
        let acc = b & (0x3f >> need);
        let k = 1;
        for (; k <= need && i + k < n; k++) {
          const c = bytes[i + k];
          if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) break;
          acc = (acc << 6) | (c & 0x3f);
        }
        if (k > need) {
          cp = acc;
          len = need + 1;
        } else len = k; // the maximal valid prefix is replaced as one U+FFFD
      }
    }
    if (cp < 0) {
      if (fatal) throw new TypeError('The encoded data was not valid UTF-8');
      cp = 0xfffd;
    }
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    i += len;
    if (units.length >= 4096) {
      out += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, units);
}

/** The encoder used where the host has no `TextEncoder` (exported for tests that compare it with the native one). */
export function encodeUtf8Portable(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) out[o++] = cp;
    else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 63);
      out[o++] = 0x80 | ((cp >> 6) & 63);
      out[o++] = 0x80 | (cp & 63);
    }
  }
  return out.slice(0, o);
}

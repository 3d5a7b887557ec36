// The host-neutral form of a parsed WAST script: JSON in which the values JSON lacks are tagged objects.
// Written in Node (`encodeScript`), read inside the engine under test (`decodeScript`), so it needs no host API.
//   { "$bytes": "<base64>" }  a Uint8Array (module binaries, v128 constants)
//   { "$bigint": "<decimal>" } a bigint (i64 values, f64 bit patterns)
//   { "$watError": { message, line, column } } a text module that did not parse (kept for assert_malformed)

import type { ParsedScript } from '@wasmts/wast/portable';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new SyntaxError('base64 length is not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const v = c === 61 ? 0 : c < 128 ? B64_INDEX[c] : -1;
      if (v < 0) throw new SyntaxError(`bad base64 character at ${i + k}`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The JSON text of a parsed script. */
export function encodeScript(script: ParsedScript): string {
  return JSON.stringify(script, function (key, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Uint8Array) return { $bytes: toBase64(raw) };
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (raw instanceof Error) {
      const e = raw as Error & { line?: number; column?: number };
      return { $watError: { message: e.message, line: e.line ?? 0, column: e.column ?? 0 } };
    }
    return value;
  });
}

/** A WatError as the runner sees it (it checks the name, line and column; the class stays in Node). */
function watError(fields: { message: string; line: number; column: number }): Error {
  const e = new Error(fields.message) as Error & { line: number; column: number };
  e.name = 'WatError';
  e.line = fields.line;
  e.column = fields.column;
  return e;
}

/** A parsed script from its JSON text. */
export function decodeScript(json: string): ParsedScript {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as { $bytes?: string; $bigint?: string; $watError?: Parameters<typeof watError>[0] };
      if (typeof v.$bytes === 'string') return fromBase64(v.$bytes);
      if (typeof v.$bigint === 'string') return BigInt(v.$bigint);
      if (v.$watError !== undefined) return watError(v.$watError);
    }
    return value;
  }) as ParsedScript;
}

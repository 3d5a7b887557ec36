// Mutation fuzzing of the decoder, the validator, the text parser and the JS backend's code generation:
// seed modules (binary and text, from the spec suite) are mutated by a seeded PRNG, and every mutant must
// end in a module or a typed error (CompileError, WatError) within a time bound. Anything else thrown
// from inside wasmts (a RangeError, TypeError, SyntaxError...) is a finding, and so is a slow input.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompileError } from '@wasmts/environ';
import { parseWast, parseWat, WatError } from '@wasmts/wat';
import { Config, Engine, Module } from 'wasmts';

/** A seed: module bytes or module text. */
export type Seed =
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  | { readonly kind: 'text'; readonly text: string };

/** What one mutant did. */
export interface MutantResult {
  /** 'module' (valid and compiled), 'rejected' (a typed error), or 'finding' (anything else, or too slow). */
  readonly outcome: 'module' | 'rejected' | 'finding';
  /** The error's name and message for a finding. */
  readonly detail?: string;
  /** Milliseconds taken. */
  readonly ms: number;
}

/** Most milliseconds one mutant may take (decode, validate, compile) before it counts as a finding. */
export const TIME_BOUND_MS = 2000;

/** A small fast PRNG (mulberry32): the same seed gives the same mutants on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Top-level `(module ...)` forms of a .wast text that are text modules (not binary or quote). */
export function textModules(wast: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < wast.length; i++) {
    const c = wast[i];
    if (c === ';' && wast[i + 1] === ';') {
      while (i < wast.length && wast[i] !== '\n') i++;
    } else if (c === '(' && wast[i + 1] === ';') {
      let d = 1;
      i += 2;
      while (i < wast.length && d > 0) {
        if (wast[i] === '(' && wast[i + 1] === ';') {
          d++;
          i++;
        } else if (wast[i] === ';' && wast[i + 1] === ')') {
          d--;
          i++;
        }
        i++;
      }
      i--;
    } else if (c === '"') {
      i++;
      while (i < wast.length && wast[i] !== '"') i += wast[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0 && start >= 0) {
        const form = wast.slice(start, i + 1);
        if (/^\(module[\s)]/.test(form) && !/^\(module\s+(\$\S+\s+)?(binary|quote|definition|instance)\b/.test(form))
          out.push(form);
        start = -1;
      }
    }
  }
  return out;
}

/** Seeds from the .wast files of a spec suite folder: every binary module and every text module. */
export function suiteSeeds(dir: string): Seed[] {
  const seeds: Seed[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.wast'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of textModules(text)) seeds.push({ kind: 'text', text: m });
    let commands: ReturnType<typeof parseWast>['commands'];
    try {
      commands = parseWast(text, { file }).commands;
    } catch {
      continue;
    }
    for (const c of commands) {
      if (c.type !== 'module') continue;
      const bytes = c.module.kind === 'binary' ? c.module.bytes : c.module.kind === 'text' ? c.module.bytes : undefined;
      if (bytes !== undefined && bytes.length > 8) seeds.push({ kind: 'binary', bytes });
    }
  }
  return seeds;
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x40, 0x41, 0x0b, 0x60, 0x70, 0x6f, 0xfb, 0xfc, 0xfd];
/** LEB128 encodings of counts and sizes that stress limits. */
const BIG_LEBS = [
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0x80, 0x80, 0x80, 0x80, 0x08],
  [0x81, 0x80, 0x04],
  [0xe9, 0x07],
  [0x80, 0x80, 0x04],
  [0xff, 0xff, 0x03],
];

/** One binary mutant: 1 to 4 random edits of `bytes` (never the 8-byte header's magic, so it gets decoded). */
export function mutateBytes(bytes: Uint8Array, rand: () => number, other?: Uint8Array): Uint8Array {
  let b = Array.from(bytes);
  const pick = (n: number) => Math.floor(rand() * n);
  const edits = 1 + pick(4);
  for (let e = 0; e < edits; e++) {
    const at = 8 + pick(Math.max(1, b.length - 8));
    switch (pick(8)) {
      case 0:
        b[at] ^= 1 << pick(8);
        break;
      case 1:
        b[at] = INTERESTING[pick(INTERESTING.length)];
        break;
      case 2:
        b[at] = pick(256);
        break;
      case 3:
        b.splice(at, 1 + pick(8));
        break;
      case 4: {
        const len = 1 + pick(16);
        b.splice(at, 0, ...b.slice(at, at + len));
        break;
      }
      case 5:
        b.splice(at, 1 + pick(2), ...BIG_LEBS[pick(BIG_LEBS.length)]);
        break;
      case 6:
        if (other !== undefined && other.length > 8) {
          const from = 8 + pick(other.length - 8);
          b.splice(at, pick(16), ...other.subarray(from, from + 1 + pick(32)));
        } else b.splice(at, 0, pick(256));
        break;
      default:
        b = b.slice(0, at);
    }
  }
  return new Uint8Array(b);
}

const TOKENS = [
  '(',
  ')',
  '0',
  '-1',
  '0xffffffff',
  '4294967296',
  '1e400',
  'nan:0x1',
  'inf',
  '$x',
  '"\\ff"',
  '(then)',
  'i32',
  'i64',
  'v128',
  'funcref',
  '(ref null $t)',
  'end',
  'block',
  'loop',
  'if',
  'offset=4294967296',
  'align=3',
  '(param i32)',
  '(result i64)',
  'i32.const',
  '(;',
  ';;',
  '"',
  'struct.new',
  'array.new_fixed 0 99999',
];

/** One text mutant: 1 to 4 token-level edits (delete, duplicate, replace, insert, truncate). */
export function mutateText(text: string, rand: () => number): string {
  const toks = text.split(/(\s+|[()])/).filter((t) => t !== '');
  const pick = (n: number) => Math.floor(rand() * n);
  const edits = 1 + pick(4);
  for (let e = 0; e < edits; e++) {
    const at = pick(Math.max(1, toks.length));
    switch (pick(6)) {
      case 0:
        toks.splice(at, 1 + pick(3));
        break;
      case 1:
        toks.splice(at, 0, ...toks.slice(at, at + 1 + pick(8)));
        break;
      case 2:
        toks[at] = TOKENS[pick(TOKENS.length)];
        break;
      case 3:
        toks.splice(at, 0, ' ', TOKENS[pick(TOKENS.length)], ' ');
        break;
      case 4:
        if (/^-?\d/.test(toks[at] ?? '')) toks[at] = String(BigInt(toks[at].replace(/[^0-9]/g, '') || '0') * 65537n);
        else toks.splice(at, 1);
        break;
      default:
        toks.length = at;
    }
  }
  return toks.join('');
}

const engines = new Map<string, Engine>();
function engine(): Engine {
  let e = engines.get('js');
  if (e === undefined) {
    e = new Engine(new Config({ backend: 'js' }));
    engines.set('js', e);
  }
  return e;
}

/** Is this a typed rejection (the only errors a mutant may end in)? */
function typed(e: unknown): boolean {
  return e instanceof CompileError || e instanceof WatError;
}

/**
 * Runs one mutant: text is parsed (`parseWat`), bytes are validated (`Module.validate`) and, when valid,
 * compiled for the JS backend (`new Module`), which decodes, validates and generates code again.
 */
export function runMutant(input: Uint8Array | string): MutantResult {
  const start = performance.now();
  let outcome: MutantResult['outcome'] = 'module';
  let detail: string | undefined;
  try {
    const bytes = typeof input === 'string' ? parseWat(input) : input;
    Module.validate(engine(), bytes);
    new Module(engine(), bytes);
  } catch (e) {
    if (typed(e)) outcome = 'rejected';
    else {
      outcome = 'finding';
      detail = e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e);
    }
  }
  const ms = performance.now() - start;
  if (outcome !== 'finding' && ms > TIME_BOUND_MS) {
    outcome = 'finding';
    detail = `took ${ms.toFixed(0)} ms (bound ${TIME_BOUND_MS} ms)`;
  }
  return detail === undefined ? { outcome, ms } : { outcome, detail, ms };
}

/** The mutant of `seed` number `n`: which seed it starts from and its input (deterministic in `n`). */
export function mutant(seeds: readonly Seed[], n: number): { seedIndex: number; input: Uint8Array | string } {
  const rand = prng(n * 2654435761);
  const seedIndex = Math.floor(rand() * seeds.length);
  const s = seeds[seedIndex];
  if (s.kind === 'text') return { seedIndex, input: mutateText(s.text, rand) };
  const other = seeds[Math.floor(rand() * seeds.length)];
  return { seedIndex, input: mutateBytes(s.bytes, rand, other.kind === 'binary' ? other.bytes : undefined) };
}

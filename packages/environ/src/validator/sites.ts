// Sites the validator records for the wasm backend's re-encoder (`DecodeOptions.recordSites`): the byte
// positions of the operators it may change, so that it rewrites those and copies the bytes between them
// without decoding the operators a second time.

import { CompileError } from '../errors.js';
import { FEATURE_NAMES, WASM3_FEATURES, type WasmFeatures } from '../features.js';
import {
  LAYOUT_BY_ID,
  LAYOUT_BY_OPCODE,
  Layout,
  readU32,
  skipLayout,
  skipLeb,
  u32Read,
  unreadable,
} from '../immediates.js';
import type { CodeSites, Module } from '../module.js';
import { FLAGS_BY_OPCODE, OPS, OpFlag, operatorFor, operatorNamed } from '../operators.js';
import { blockedOpcodes, enabledOperators } from './context.js';
import { isPrefixedSite, SITE_OPCODES } from './site-opcodes.js';

export type { CodeSites } from '../module.js';
export {
  ATOMIC_WAIT32_SUBOPCODE,
  ATOMIC_WAIT64_SUBOPCODE,
  isPrefixedSite,
  SITE_OPCODES,
  TABLE_GROW_SUBOPCODE,
} from './site-opcodes.js';

/** The sites of one module as the validator records them (grows by doubling as sites are found). */
export class SiteRecorder implements CodeSites {
  positions: Int32Array = new Int32Array(1024);
  count = 0;
  readonly ends: Int32Array;
  shapes?: Uint8Array;
  inLoop?: Uint8Array;

  constructor(bodies: number) {
    this.ends = new Int32Array(bodies);
  }

  add(pos: number): void {
    if (this.count === this.positions.length) this.grow();
    this.positions[this.count++] = pos;
  }

  /** `add`, and whether the site is inside a `loop` of its body (`CodeSites.inLoop`, which `scanSites` keeps). */
  addInLoop(pos: number, inLoop: number): void {
    if (this.count === this.positions.length) this.grow();
    (this.inLoop as Uint8Array)[this.count] = inLoop;
    this.positions[this.count++] = pos;
  }

  private grow(): void {
    const next = new Int32Array(this.positions.length * 2);
    next.set(this.positions);
    this.positions = next;
    if (this.inLoop !== undefined) {
      const loops = new Uint8Array(next.length);
      loops.set(this.inLoop);
      this.inLoop = loops;
    }
  }
}

// ---- Sites without validating: `scanSites` ----
// Immediates are stepped over by environ's one layout table (immediates.ts: `LAYOUT_BY_OPCODE`, `skipLayout`).

/** `CodeSites.shapes`: the body has a `loop`. */
export const SHAPE_LOOP = 1;
/** `CodeSites.shapes`: the body has an exception handler (`try`, `try_table`). */
export const SHAPE_HANDLER = 2;
/** `CodeSites.shapes`: the body has a `call_ref`. */
export const SHAPE_CALL_REF = 4;
/** `CodeSites.shapes`: the body has a `return_call_ref`. */
export const SHAPE_RETURN_CALL_REF = 8;
/** The `SHAPE_*` bits of each one-byte opcode (0 for the rest). */
const SHAPE_BITS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const [name, bit] of [
    ['loop', SHAPE_LOOP],
    ['try', SHAPE_HANDLER],
    ['try_table', SHAPE_HANDLER],
    ['call_ref', SHAPE_CALL_REF],
    ['return_call_ref', SHAPE_RETURN_CALL_REF],
  ] as const)
    t[operatorNamed(name).code] = bit;
  return t;
})();
/** `SCAN`: the `SHAPE_*` bits (the low four). */
const SCAN_SHAPE = 15;
/** `SCAN`: a construct opens (`block`, `loop`, `if`, `try`, `try_table`; a loop has `SHAPE_LOOP` too). */
const SCAN_OPENS = 16;
/** `SCAN`: a construct closes (`end`, `delegate`). */
const SCAN_CLOSES = 32;
/** `SCAN`: a site (`SITE_OPCODES`). */
const SCAN_SITE = 64;
/**
 * What `scanBody` notes of each one-byte opcode, in one table so that the common operator (none of these) costs one
 * lookup: its shape bits, whether it opens or closes a construct (from the operator table's flags), whether it is a
 * site.
 */
const SCAN: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let op = 0; op < 256; op++) {
    const f = FLAGS_BY_OPCODE[op];
    t[op] = SHAPE_BITS[op];
    if ((f & OpFlag.Opens) !== 0) t[op] |= SCAN_OPENS;
    if ((f & OpFlag.Closes) !== 0) t[op] |= SCAN_CLOSES;
    if (SITE_OPCODES[op] !== 0) t[op] |= SCAN_SITE;
  }
  return t;
})();

/**
 * The wasm backend's sites of every body of `module` (as `recordSites` records them while validating), found by
 * stepping over each operator's immediates without validating anything: for bodies another validator has
 * accepted (the API gives it bytes the host engine's `WebAssembly.validate` accepted). Linear in the code, no
 * allocation per operator. Throws CompileError where a body does not read as a sequence of known operators
 * ending at its end with `end`, or uses an operator whose proposal `features` does not enable; any other defect
 * goes unnoticed, so the caller must not take the result as validation.
 */
export function scanSites(
  module: Pick<Module, 'bytes' | 'bodies'>,
  features: WasmFeatures = WASM3_FEATURES,
): SiteRecorder {
  const bytes = module.bytes;
  const bodies = module.bodies;
  const sites = new SiteRecorder(bodies.length);
  const shapes = new Uint8Array(bodies.length);
  sites.shapes = shapes;
  sites.inLoop = new Uint8Array(sites.positions.length);
  const blocked = blockedOpcodes(features);
  const enabled = enabledOperators(features);
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i];
    shapes[i] = scanBody(bytes, body.codeStart, body.range.end, sites, blocked, enabled);
    sites.ends[i] = sites.count;
  }
  return sites;
}

/** `scanBody`'s stack of open constructs (1 for a loop), kept between bodies and grown by doubling. */
let nestStack = new Uint8Array(64);

function scanBody(
  bytes: Uint8Array,
  p: number,
  end: number,
  sites: SiteRecorder,
  blocked: Uint8Array,
  enabled: Uint8Array,
): number {
  let last = -1;
  let shape = 0;
  // the open constructs (1 for a loop) and how many of them are loops
  let depth = 0;
  let loops = 0;
  let nest = nestStack;
  while (p < end) {
    const start = p;
    const op = bytes[p++];
    last = op;
    let layout = LAYOUT_BY_OPCODE[op];
    const t = SCAN[op];
    if (t !== 0) {
      shape |= t & SCAN_SHAPE;
      if ((t & SCAN_CLOSES) !== 0) {
        // (the body's own `end` closes nothing here)
        if (depth > 0) loops -= nest[--depth];
      } else if ((t & SCAN_OPENS) !== 0) {
        if (depth === nest.length) {
          const next = new Uint8Array(depth * 2);
          next.set(nest);
          nest = nestStack = next;
        }
        const loop = (t & SHAPE_LOOP) !== 0 ? 1 : 0;
        nest[depth++] = loop;
        loops += loop;
      } else if ((t & SCAN_SITE) !== 0) sites.addInLoop(start, loops > 0 ? 1 : 0);
    }
    // prefixes, unassigned and disabled one-byte opcodes
    if (blocked[op] !== 0) {
      if (layout !== Layout.Prefix) notEnabled(OPS[op]?.feature, start);
      // the sub-opcode: a u32 LEB128 (at most 5 bytes)
      p = readU32(bytes, p, end);
      const sub = u32Read.value;
      const info = operatorFor(op, sub);
      if (info === undefined || enabled[info.id] === 0) notEnabled(info?.feature, start);
      if (isPrefixedSite(op, sub)) sites.addInLoop(start, loops > 0 ? 1 : 0);
      layout = LAYOUT_BY_ID[info.id];
    }
    // one LEB128 (most operators) inline; the rest through the shared switch
    if (layout === Layout.Leb) p = skipLeb(bytes, p, end);
    else if (layout !== Layout.None) p = skipLayout(bytes, p, end, layout);
  }
  if (p !== end || last !== 0x0b /* end */) unreadable(end);
  return shape;
}

/** An operator that does not exist (`feature` undefined) or whose proposal is not enabled. */
function notEnabled(feature: keyof typeof FEATURE_NAMES | undefined, pos: number): never {
  if (feature === undefined) return unreadable(pos);
  throw new CompileError('invalid', `${FEATURE_NAMES[feature]} support is not enabled`, pos);
}

// Sites the validator records for the wasm backend's re-encoder (`DecodeOptions.recordSites`): the byte
// positions of the operators it may change, so that it rewrites those and copies the bytes between them
// without decoding the operators a second time.

import { CompileError, malformed } from '../errors.js';
import { FEATURE_NAMES, WASM3_FEATURES, type WasmFeatures } from '../features.js';
import type { CodeSites, Module } from '../module.js';
import { Imm, OPERATORS, OPS, operatorFor } from '../operators.js';
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

  constructor(bodies: number) {
    this.ends = new Int32Array(bodies);
  }

  add(pos: number): void {
    if (this.count === this.positions.length) {
      const next = new Int32Array(this.positions.length * 2);
      next.set(this.positions);
      this.positions = next;
    }
    this.positions[this.count++] = pos;
  }
}

// ---- Sites without validating: `scanSites` ----

// How to step over an operator's immediates, by operator id (`OperatorInfo.id`).
const K_NONE = 0;
const K_LEB = 1;
const K_LEB2 = 2;
const K_MEMARG = 3;
const K_MEMARG_LANE = 4;
const K_BYTE = 5;
const K_4 = 6;
const K_8 = 7;
const K_16 = 8;
const K_BLOCK = 9;
const K_BR_TABLE = 10;
const K_SELECT_T = 11;
const K_TRY_TABLE = 12;
const K_BR_ON_CAST = 13;
/** One-byte table only: a prefix byte (the sub-opcode follows as a u32). */
const K_PREFIX = 254;

function kindOf(imm: Imm): number {
  switch (imm) {
    case Imm.None:
      return K_NONE;
    case Imm.BlockType:
      return K_BLOCK;
    case Imm.BrTable:
      return K_BR_TABLE;
    case Imm.CallIndirect:
    case Imm.TypeField:
    case Imm.TypeType:
    case Imm.TypeCount:
    case Imm.TypeData:
    case Imm.TypeElem:
    case Imm.MemoryInit:
    case Imm.MemoryCopy:
    case Imm.TableInit:
    case Imm.TableCopy:
      return K_LEB2;
    case Imm.MemArg:
      return K_MEMARG;
    case Imm.MemArgLane:
      return K_MEMARG_LANE;
    case Imm.Lane:
    case Imm.Zero:
      return K_BYTE;
    case Imm.F32:
      return K_4;
    case Imm.F64:
      return K_8;
    case Imm.V128:
    case Imm.Shuffle:
      return K_16;
    case Imm.SelectT:
      return K_SELECT_T;
    case Imm.TryTable:
      return K_TRY_TABLE;
    case Imm.BrOnCast:
      return K_BR_ON_CAST;
    default:
      // one LEB128: indices, s32, s64, heap types (s33)
      return K_LEB;
  }
}

/** Immediate kind by operator id. */
const KIND_BY_ID: Uint8Array = Uint8Array.from(OPERATORS, (op) => kindOf(op.imm));
/** Immediate kind by one-byte opcode (`K_PREFIX` for the four prefixes). */
const KIND_BY_OPCODE: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(K_PREFIX);
  for (let op = 0; op < 256; op++) {
    const info = OPS[op];
    if (info !== undefined) t[op] = KIND_BY_ID[info.id];
  }
  return t;
})();

/** Thrown by `scanSites` where a body does not read as operators ending with its `end`. */
function unreadable(pos: number): never {
  return malformed('unreadable function body', pos);
}

/** Past the LEB128 at `p` (at most 10 bytes, within `end`). */
function skipLeb(bytes: Uint8Array, p: number, end: number): number {
  const stop = Math.min(end, p + 10);
  while (p < stop) if ((bytes[p++] & 0x80) === 0) return p;
  return unreadable(p);
}

/** The scan's cursor and the last u32 it read (one object per scan: no allocation per operator). */
class Cursor {
  pos = 0;
  value = 0;
  /** Reads a u32 LEB128 (at most 5 bytes) at `pos` into `value`. */
  u32(bytes: Uint8Array, end: number): void {
    let p = this.pos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (p >= end || shift > 28) unreadable(p);
      const b = bytes[p++];
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    this.pos = p;
    this.value = result >>> 0;
  }
}

/** A block type at `p`: 0x40, a value type (a reference type's heap type after 0x63/0x64), or a type index. */
function skipBlockType(bytes: Uint8Array, p: number, end: number): number {
  const b = bytes[p];
  return skipLeb(bytes, b === 0x63 || b === 0x64 ? p + 1 : p, end);
}

/** Past the immediates of kind `kind` (not LEB, NONE: the caller steps over those) that start at `c.pos`. */
function skipOther(bytes: Uint8Array, c: Cursor, end: number, kind: number): void {
  let p = c.pos;
  switch (kind) {
    case K_LEB2:
      p = skipLeb(bytes, skipLeb(bytes, p, end), end);
      break;
    case K_MEMARG:
    case K_MEMARG_LANE: {
      // align (bit 6: a memory index follows), [memory], offset (u64)
      const multi = bytes[p] & 0x40;
      p = skipLeb(bytes, p, end);
      if (multi !== 0) p = skipLeb(bytes, p, end);
      p = skipLeb(bytes, p, end);
      if (kind === K_MEMARG_LANE) p++;
      break;
    }
    case K_BYTE:
      p += 1;
      break;
    case K_4:
      p += 4;
      break;
    case K_8:
      p += 8;
      break;
    case K_16:
      p += 16;
      break;
    case K_BLOCK:
      p = skipBlockType(bytes, p, end);
      break;
    case K_BR_TABLE: {
      c.u32(bytes, end);
      p = c.pos;
      // n labels and the default, each at least one byte: a count larger than the body stops at its end
      for (let n = c.value; n >= 0 && p < end; n--) p = skipLeb(bytes, p, end);
      break;
    }
    case K_SELECT_T: {
      c.u32(bytes, end);
      p = c.pos;
      for (let n = c.value; n > 0 && p < end; n--) {
        const b = bytes[p++];
        if (b === 0x63 || b === 0x64) p = skipLeb(bytes, p, end);
      }
      break;
    }
    case K_TRY_TABLE: {
      p = skipBlockType(bytes, p, end);
      c.pos = p;
      c.u32(bytes, end);
      p = c.pos;
      for (let n = c.value; n > 0 && p < end; n--) {
        // catch and catch_ref name a tag before the label; catch_all and catch_all_ref only the label
        if (bytes[p++] <= 1) p = skipLeb(bytes, p, end);
        p = skipLeb(bytes, p, end);
      }
      break;
    }
    case K_BR_ON_CAST:
      p = skipLeb(bytes, skipLeb(bytes, skipLeb(bytes, p + 1, end), end), end);
      break;
  }
  if (p > end) unreadable(end);
  c.pos = p;
}

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
  const c = new Cursor();
  const blocked = blockedOpcodes(features);
  const enabled = enabledOperators(features);
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i];
    scanBody(bytes, body.codeStart, body.range.end, sites, c, blocked, enabled);
    sites.ends[i] = sites.count;
  }
  return sites;
}

function scanBody(
  bytes: Uint8Array,
  p: number,
  end: number,
  sites: SiteRecorder,
  c: Cursor,
  blocked: Uint8Array,
  enabled: Uint8Array,
): void {
  let last = -1;
  while (p < end) {
    const start = p;
    const op = bytes[p++];
    last = op;
    let kind = KIND_BY_OPCODE[op];
    if (SITE_OPCODES[op] !== 0) sites.add(start);
    // prefixes, unassigned and disabled one-byte opcodes
    if (blocked[op] !== 0) {
      if (kind !== K_PREFIX) notEnabled(OPS[op]?.feature, start);
      c.pos = p;
      c.u32(bytes, end);
      p = c.pos;
      const info = operatorFor(op, c.value);
      if (info === undefined || enabled[info.id] === 0) notEnabled(info?.feature, start);
      if (isPrefixedSite(op, c.value)) sites.add(start);
      kind = KIND_BY_ID[info.id];
    }
    if (kind === K_LEB) p = skipLeb(bytes, p, end);
    else if (kind !== K_NONE) {
      c.pos = p;
      skipOther(bytes, c, end, kind);
      p = c.pos;
    }
  }
  if (p !== end || last !== 0x0b) unreadable(end);
}

/** An operator that does not exist (`feature` undefined) or whose proposal is not enabled. */
function notEnabled(feature: keyof typeof FEATURE_NAMES | undefined, pos: number): never {
  if (feature === undefined) return unreadable(pos);
  throw new CompileError('invalid', `${FEATURE_NAMES[feature]} support is not enabled`, pos);
}

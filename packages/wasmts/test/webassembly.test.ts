// wasmts/webassembly and wasmts/polyfill: the standard JS API over wasmts. The official JS API suite runs in
// tools/js-api; these tests pin what real packages depend on (buffer identity and detachment, value
// conversions, errors, exceptions, store controls) on the JS backend, and that the drop-in never mistakes
// itself for the host's WebAssembly.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Instance, Module, Store, Trap, TrapCode } from '../src/index.js';
import { install } from '../src/polyfill.js';
import { createWebAssembly, storeOf } from '../src/webassembly.js';

const WA = createWebAssembly({ config: new Config({ backend: 'js' }) });
const wat = (text: string) => parseWat(text);
const instantiate = (text: string, imports?: object) => new WA.Instance(new WA.Module(wat(text)), imports);

// 'interpreter': the code forms of a host without a JIT, whose memories grow in place (a resizable buffer whose bytes
// move to a new buffer object at each growth, the old one detached) instead of being copied
describe.each(['jit', 'interpreter'] as const)('memory.buffer (jsTarget %s)', (jsTarget) => {
  const WA = createWebAssembly({ config: new Config({ backend: 'js', jsTarget }) });
  const instantiate = (text: string, imports?: object) => new WA.Instance(new WA.Module(wat(text)), imports);
  const text = `(module (memory (export "mem") 1 10)
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))`;

  it('is the same object until the memory grows from JS, then detached', () => {
    const { mem } = instantiate(text).exports;
    const before = mem.buffer;
    expect(mem.buffer).toBe(before);
    new Uint8Array(before)[7] = 42;
    expect(mem.grow(1)).toBe(1);
    expect(before.byteLength).toBe(0);
    expect(mem.buffer).not.toBe(before);
    expect(mem.buffer.byteLength).toBe(2 * 65536);
    expect(new Uint8Array(mem.buffer)[7]).toBe(42);
  });

  it('is detached when wasm grows the memory, and views see the new bytes through the new buffer', () => {
    const { mem, grow, store } = instantiate(text).exports;
    const before = mem.buffer;
    const view = new Uint8Array(before);
    expect(grow(2)).toBe(1);
    expect(before.byteLength).toBe(0);
    expect(view.length).toBe(0);
    store(3 * 65536 - 1, 9);
    expect(new Uint8Array(mem.buffer)[3 * 65536 - 1]).toBe(9);
  });

  it('grow(0) replaces the buffer too, and a failed growth keeps it', () => {
    const { mem, grow } = instantiate(text).exports;
    const before = mem.buffer;
    expect(mem.grow(0)).toBe(1);
    expect(before.byteLength).toBe(0);
    const after = mem.buffer;
    expect(grow(100)).toBe(-1);
    expect(() => mem.grow(100)).toThrow(RangeError);
    expect(mem.buffer).toBe(after);
  });

  it('keeps bytes across many growths, from wasm and from JS, of a memory made in JS too', () => {
    const mem = new WA.Memory({ initial: 1, maximum: 300 });
    const { grow, store } = instantiate(
      `(module (import "m" "mem" (memory 1 300))
        (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
        (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))`,
      { m: { mem } },
    ).exports;
    const hostResizes = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === 'function';
    expect((mem.buffer as { resizable?: boolean }).resizable === true).toBe(jsTarget === 'interpreter' && hostResizes);
    let pages = 1;
    for (let i = 1; i <= 20; i++) {
      const before = mem.buffer;
      store(pages * 65536 - 1, i);
      const delta = i % 3 === 0 ? 4 : 1;
      expect(i % 2 === 0 ? mem.grow(delta) : grow(delta)).toBe(pages);
      pages += delta;
      expect(before.byteLength).toBe(0);
      expect(mem.buffer.byteLength).toBe(pages * 65536);
    }
    const bytes = new Uint8Array(mem.buffer);
    for (let i = 1, p = 1; i <= 20; p += i % 3 === 0 ? 4 : 1, i++) expect(bytes[p * 65536 - 1]).toBe(i);
    expect(() => mem.grow(300)).toThrow(RangeError);
    expect(grow(300)).toBe(-1);
    expect(mem.buffer).toBe(mem.buffer);
  });
});

describe('values cross by ToWebAssemblyValue and ToJSValue', () => {
  it('converts host results and missing arguments as the spec says', () => {
    const text = `(module
      (import "m" "s" (func $s (result i32)))
      (import "m" "w" (func $w (result i64)))
      (func (export "add1") (result i32) (i32.add (call $s) (i32.const 1)))
      (func (export "wide") (result i64) (call $w))
      (func (export "first") (param i32 f64) (result f64) (f64.add (f64.convert_i32_s (local.get 0)) (local.get 1))))`;
    const { add1, wide, first } = instantiate(text, { m: { s: () => '12', w: () => '-5' } }).exports;
    expect(add1()).toBe(13);
    expect(wide()).toBe(-5n);
    expect(first(2)).toBeNaN(); // the missing f64 is undefined -> NaN
    expect(first('3', 0.5)).toBe(3.5);
    expect(first(2 ** 32 + 7, 0)).toBe(7); // ToInt32 wraps
  });

  it('converts i32 arguments and results of every arity in order, on exports and imports alike', () => {
    // the i32-only signatures take a path of their own (realm.ts i32Export, instance.ts i32HostCallback)
    const seen: unknown[][] = [];
    const host =
      (r: unknown) =>
      (...a: unknown[]) => {
        seen.push(a);
        return r;
      };
    const text = `(module
      (import "m" "h0" (func $h0 (result i32)))
      (import "m" "h1" (func $h1 (param i32)))
      (import "m" "h5" (func $h5 (param i32 i32 i32 i32 i32) (result i32)))
      (func (export "c0") (result i32) (call $h0))
      (func (export "c1") (param i32) (call $h1 (local.get 0)))
      (func (export "c5") (param i32 i32 i32 i32 i32) (result i32)
        (call $h5 (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
      (func (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1))))`;
    const { c0, c1, c5, sub } = instantiate(text, {
      m: { h0: host('12'), h1: host(99), h5: host({ valueOf: () => 2 ** 32 + 3 }) },
    }).exports;
    expect(c0()).toBe(12);
    expect(c1(-0)).toBeUndefined();
    expect(c5(1, '2', 3.9, 2 ** 31, undefined, 'extra')).toBe(3);
    expect(seen).toEqual([[], [0], [1, 2, 3, -(2 ** 31), 0]]);
    expect(sub(5)).toBe(5); // a missing argument is undefined -> 0
    expect(sub(NaN, -1)).toBe(1);
    const order: string[] = [];
    const arg = (name: string, v: number) => ({
      valueOf: () => {
        order.push(name);
        return v;
      },
    });
    expect(sub(arg('a', 7), arg('b', 2))).toBe(5);
    expect(order).toEqual(['a', 'b']);
    expect([c0.length, c1.length, c5.length, sub.length]).toEqual([0, 1, 5, 2]);
    const boom = new Error('boom');
    const { c0: thrower } = instantiate(text, {
      m: {
        h0: () => {
          throw boom;
        },
        h1: host(0),
        h5: host(0),
      },
    }).exports;
    expect(() => thrower()).toThrow(boom);
    expect(() =>
      sub({
        valueOf: () => {
          throw boom;
        },
      }),
    ).toThrow(boom);
  });

  it('refuses a number for i64 and any v128 with a TypeError', () => {
    const { id } = instantiate('(module (func (export "id") (param i64) (result i64) (local.get 0)))').exports;
    expect(id(2n ** 64n + 3n)).toBe(3n);
    expect(() => id(1)).toThrow(TypeError);
    const simd = instantiate('(module (func (export "v") (param v128)))').exports;
    expect(() => simd.v()).toThrow(TypeError);
  });

  it('gives exported functions their index as name and parameter count as length, one object per function', () => {
    const { a, b, t } = instantiate(`(module (func $x (export "a") (param i32 i32)) (export "b" (func $x))
      (table (export "t") 1 funcref) (elem (i32.const 0) $x))`).exports;
    expect(a).toBe(b);
    expect(a.name).toBe('0');
    expect(a.length).toBe(2);
    expect(t.get(0)).toBe(a);
  });
});

describe('errors', () => {
  it('turns a trap into a RuntimeError carrying the Trap', () => {
    const { run } = instantiate('(module $m (func $boom (export "run") unreachable))').exports;
    let caught: unknown;
    try {
      run();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WA.RuntimeError);
    expect(caught).toBeInstanceOf(Error);
    const cause = (caught as { cause: unknown }).cause;
    expect(cause).toBeInstanceOf(Trap);
    expect((cause as Trap).code).toBe(TrapCode.UnreachableCodeReached);
    expect((caught as Error).stack).toContain('m!boom');
  });

  it('throws CompileError, LinkError and a RangeError for a stack overflow', () => {
    expect(() => new WA.Module(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0]))).toThrow(WA.CompileError);
    expect(() => new WA.Module(new TextEncoder().encode('(module)'))).toThrow(WA.CompileError); // no text format
    expect(WA.validate(new Uint8Array([1, 2, 3]))).toBe(false);
    const m = new WA.Module(wat('(module (import "m" "f" (func)))'));
    expect(() => new WA.Instance(m, { m: { f: 1 } })).toThrow(WA.LinkError);
    expect(() => new WA.Instance(m, {})).toThrow(TypeError);
    const { down } = instantiate('(module (func $d (export "down") (call $d)))').exports;
    expect(() => down()).toThrow(RangeError);
  });

  it('rejects instead of throwing from the promise-returning functions', async () => {
    await expect(WA.compile(42)).rejects.toThrow(TypeError);
    await expect(WA.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]), 5)).rejects.toThrow(TypeError);
    const r = await WA.instantiate(wat('(module (func (export "f") (result i32) (i32.const 7)))'));
    expect(r.instance.exports.f()).toBe(7);
    expect(Object.getPrototypeOf(r.module)).toBe(WA.Module.prototype);
  });
});

describe('exceptions', () => {
  it('a wasm exception reaches JS as a WebAssembly.Exception, and one thrown by JS is caught by wasm', () => {
    const tag = new WA.Tag({ parameters: ['i32'] });
    const text = `(module
      (import "m" "tag" (tag $t (param i32)))
      (import "m" "f" (func $f))
      (func (export "throw") (param i32) (throw $t (local.get 0)))
      (func (export "catch") (result i32)
        (block $h (result i32) (try_table (catch $t $h) (call $f)) (i32.const -1))))`;
    const thrown = new WA.Exception(tag, [5]);
    const e = instantiate(text, {
      m: {
        tag,
        f: () => {
          throw thrown;
        },
      },
    }).exports;
    let caught: unknown;
    try {
      e.throw(3);
    } catch (x) {
      caught = x;
    }
    expect(caught).toBeInstanceOf(WA.Exception);
    expect((caught as { is(t: unknown): boolean }).is(tag)).toBe(true);
    expect((caught as { getArg(t: unknown, i: number): unknown }).getArg(tag, 0)).toBe(3);
    expect(e.catch()).toBe(5);
  });

  it('lets a JS exception pass through wasm unchanged', () => {
    const text = '(module (import "m" "f" (func $f)) (func (export "run") (call $f)))';
    const boom = new Error('boom');
    const { run } = instantiate(text, {
      m: {
        f: () => {
          throw boom;
        },
      },
    }).exports;
    expect(() => run()).toThrow(boom);
  });
});

describe('createWebAssembly', () => {
  const spin = wat('(module (func (export "spin") (loop (br 0))))');

  it('runs under fuel: the guest stops, and refuelling lets it go on', () => {
    const metered = createWebAssembly({ config: new Config({ backend: 'js' }), fuel: 1000 });
    const { spin: run } = new metered.Instance(new metered.Module(spin)).exports;
    expect(() => run()).toThrow(metered.RuntimeError);
    expect(storeOf(metered).getFuel()).toBe(0);
    const { f } = new metered.Instance(
      new metered.Module(wat('(module (func (export "f") (result i32) (i32.const 1)))')),
    ).exports;
    expect(() => f()).toThrow(metered.RuntimeError);
    storeOf(metered).setFuel(10);
    expect(f()).toBe(1);
  });

  it('stops at an epoch deadline', () => {
    const engine = new Engine(new Config({ backend: 'js' }).epochInterruption(true));
    const timed = createWebAssembly({ engine, epochDeadline: 1 });
    const { spin: run } = new timed.Instance(new timed.Module(spin)).exports;
    engine.incrementEpoch();
    expect(() => run()).toThrow(timed.RuntimeError);
  });

  it('refuses a memory beyond the limits without allocating it', () => {
    const limited = createWebAssembly({
      limits: { memoryGrowing: (_c: number, desired: number) => desired <= 65536, tableGrowing: () => true },
    });
    expect(() => new limited.Memory({ initial: 2 })).toThrow(RangeError);
    expect(() => new limited.Memory({ initial: 65537 })).toThrow(RangeError);
    expect(() => new limited.Table({ element: 'anyfunc', initial: 2 ** 32 - 1 })).toThrow(RangeError);
    const m = new limited.Memory({ initial: 1 });
    expect(() => m.grow(1)).toThrow(RangeError);
  });

  it('compiles a module that declares a shared memory (the default namespace enables it)', () => {
    const ns = createWebAssembly();
    const text = '(module (import "m" "mem" (memory 1 2 shared)) (func (export "size") (result i32) (memory.size)))';
    const mem = new ns.Memory({ initial: 1, maximum: 2, shared: true });
    const { size } = new ns.Instance(new ns.Module(wat(text)), { m: { mem } }).exports;
    expect(size()).toBe(1);
    expect(() => new WA.Module(wat('(module (memory 1 2 shared))'))).toThrow(WA.CompileError); // WA: Wasm 3.0 only
  });

  it('keeps the namespaces apart: objects of one are not accepted by another', () => {
    const other = createWebAssembly();
    const mem = new WA.Memory({ initial: 1 });
    const m = new other.Module(wat('(module (import "m" "mem" (memory 1)))'));
    expect(() => new other.Instance(m, { m: { mem } })).toThrow(other.LinkError);
  });
});

describe('wasmts/polyfill', () => {
  it('keeps the host WebAssembly unless forced, and wasmts keeps using the host engine after a forced install', () => {
    const g = globalThis as unknown as { WebAssembly: unknown };
    const host = g.WebAssembly;
    expect(install()).toBe(host);
    try {
      const ns = install({ force: true });
      expect(g.WebAssembly).toBe(ns);
      expect(Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly')?.enumerable).toBe(false);
      // the host engine was read once, when wasmts loaded: a new engine still runs modules on it, through
      // the host's objects (no recursion into the drop-in)
      const m = new Module(new Engine(), '(module (func (export "f") (result i32) (i32.const 3)))');
      expect(m.backend).toBe('wasm');
      expect(new Instance(new Store(m.engine, null), m, []).getTypedFunc('f').call()).toBe(3);
      const { f } = new ns.Instance(new ns.Module(wat('(module (func (export "f") (result i32) (i32.const 4)))')))
        .exports;
      expect(f()).toBe(4);
    } finally {
      Object.defineProperty(globalThis, 'WebAssembly', {
        value: host,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  });

  it('runs the README example under node --jitless, where there is no WebAssembly', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .find((c) => c.includes("import 'wasmts/polyfill'"));
    expect(example).toBeDefined();
    // storeOf throws unless globalThis.WebAssembly is a namespace of wasmts's
    const check =
      "const { storeOf } = await import('wasmts/webassembly');\nconsole.log('ok', typeof storeOf(WebAssembly).getFuel);";
    const code = `${example!}\n${check}`;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--no-warnings', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' },
    );
    expect(out.trim()).toBe('ok function');
  });
});

describe('JS String Builtins (compile options builtins and importedStringConstants)', () => {
  const text = `(module
    (type $chars (array (mut i16)))
    (import "wasm:js-string" "concat" (func $concat (param externref externref) (result (ref extern))))
    (import "wasm:js-string" "length" (func $length (param externref) (result i32)))
    (import "wasm:js-string" "intoCharCodeArray" (func $into (param externref (ref null $chars) i32) (result i32)))
    (import "wasm:js-string" "fromCharCodeArray" (func $from (param (ref null $chars) i32 i32) (result (ref extern))))
    (import "'" "hello, " (global $hello (ref extern)))
    (import "env" "log" (func $log (param i32)))
    (func (export "greet") (param externref) (result externref)
      (call $log (call $length (local.get 0)))
      (call $concat (global.get $hello) (local.get 0)))
    (func (export "reverse") (param externref) (result externref)
      (local $a (ref $chars)) (local $n i32) (local $i i32) (local $j i32) (local $t i32)
      (local.set $n (call $length (local.get 0)))
      (local.set $a (array.new_default $chars (local.get $n)))
      (drop (call $into (local.get 0) (local.get $a) (i32.const 0)))
      (block $done (loop $swap
        (br_if $done (i32.ge_s (local.get $i) (i32.div_s (local.get $n) (i32.const 2))))
        (local.set $j (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $i)))
        (local.set $t (array.get_u $chars (local.get $a) (local.get $i)))
        (array.set $chars (local.get $a) (local.get $i) (array.get_u $chars (local.get $a) (local.get $j)))
        (array.set $chars (local.get $a) (local.get $j) (local.get $t))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $swap)))
      (call $from (local.get $a) (i32.const 0) (local.get $n))))`;
  const options = { builtins: ['js-string'], importedStringConstants: "'" };

  it('provides the builtins and the string constants, and hides them from Module.imports', () => {
    const module = new WA.Module(wat(text), options);
    expect(WA.Module.imports(module)).toEqual([{ module: 'env', name: 'log', kind: 'function' }]);
    const logged: number[] = [];
    const { greet, reverse } = new WA.Instance(module, { env: { log: (n: number) => logged.push(n) } }).exports;
    expect(greet('world')).toBe('hello, world');
    expect(logged).toEqual([5]);
    expect(reverse('drop-in ☺')).toBe('☺ ni-pord');
  });

  it('traps with a RuntimeError on a value that is not a string', () => {
    const { greet } = new WA.Instance(new WA.Module(wat(text), options), { env: { log: () => {} } }).exports;
    expect(() => greet(42)).toThrow(WA.RuntimeError);
    expect(() => greet(null)).toThrow(WA.RuntimeError);
  });

  it('without the options, the imports are ordinary imports read from the import object', () => {
    const module = new WA.Module(wat(text));
    expect(WA.Module.imports(module).map((i: { module: string }) => i.module)).toEqual([
      'wasm:js-string',
      'wasm:js-string',
      'wasm:js-string',
      'wasm:js-string',
      "'",
      'env',
    ]);
    expect(() => new WA.Instance(module, { env: { log: () => {} } })).toThrow(TypeError);
  });

  it('rejects a builtin import of the wrong type and a mutable string constant at compile time', () => {
    const wrongType = wat('(module (import "wasm:js-string" "length" (func (param externref) (result i64))))');
    expect(WA.validate(wrongType, options)).toBe(false);
    expect(WA.validate(wrongType)).toBe(true);
    expect(() => new WA.Module(wrongType, options)).toThrow(WA.CompileError);
    const mutable = wat(`(module (import "'" "x" (global (mut externref))))`);
    expect(() => new WA.Module(mutable, options)).toThrow(WA.CompileError);
    expect(WA.validate.length).toBe(1);
    expect(WA.compile.length).toBe(1);
  });
});

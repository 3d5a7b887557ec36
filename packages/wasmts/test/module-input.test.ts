// What `new Module` accepts (every binary form, text only where it is text), `Module.fromFile`,
// `Module.compile`, and TypeErrors for values of the wrong JS type at the API boundary (both backends).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompileError,
  Engine,
  Instance,
  Linker,
  Module,
  type ModuleInput,
  Store,
  Trap,
  TrapCode,
  trapCodeFromName,
  trapCodeName,
  trapMessage,
} from '../src/index.js';
import { testConfig } from './backend.js';

const WAT =
  '(module (memory 1) (func (export "f") (param i32) (result i32) (i32.load (local.get 0))) (func (export "g") (param i64) (result i64) local.get 0) (func (export "h") (param f64) (result f64) local.get 0))';
// the same module in binary
const engine = new Engine(testConfig());
const BYTES = new Module(engine, WAT).bytes;

function exportsOf(m: Module): string[] {
  return m.exports().map((e) => e.name);
}

describe('new Module', () => {
  it('accepts every binary form: Uint8Array, ArrayBuffer, other views, a Node Buffer', () => {
    const copy = BYTES.slice();
    const padded = new Uint8Array(copy.length + 8);
    padded.set(copy, 3);
    const inputs: ModuleInput[] = [
      copy,
      copy.buffer,
      new DataView(padded.buffer, 3, copy.length),
      new Uint8Array(padded.buffer, 3, copy.length),
      Buffer.from(copy),
    ];
    if (copy.length % 2 === 0) inputs.push(new Uint16Array(copy.buffer));
    for (const input of inputs) expect(exportsOf(new Module(engine, input))).toEqual(['f', 'g', 'h']);
    expect(exportsOf(Module.fromBinary(engine, copy.buffer))).toEqual(['f', 'g', 'h']);
  });

  it('takes text from a string or from UTF-8 bytes that are text', () => {
    expect(exportsOf(new Module(engine, WAT))).toEqual(['f', 'g', 'h']);
    expect(exportsOf(new Module(engine, new TextEncoder().encode(`;; a comment\n${WAT}`).buffer))).toEqual([
      'f',
      'g',
      'h',
    ]);
  });

  it('says "not a wasm binary and not wasm text" for other bytes (an ELF file, binary junk, empty)', () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]);
    expect(() => new Module(engine, elf)).toThrow(CompileError);
    expect(() => new Module(engine, elf)).toThrow(
      /not a wasm binary \(magic 7f 45 4c 46, expected 00 61 73 6d\) and not wasm text/,
    );
    expect(() => new Module(engine, new TextEncoder().encode('hello world'))).toThrow(/not a wasm binary/);
    expect(() => new Module(engine, new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(/not a wasm binary/);
    expect(() => new Module(engine, new ArrayBuffer(0))).toThrow(
      /not a wasm binary \(the input is empty, expected 00 61 73 6d\)/,
    );
    // text that starts as text still gets the text parser's error
    expect(() => new Module(engine, new TextEncoder().encode('(module (func (oops)))'))).toThrow(/oops|unknown/);
  });

  it("keeps a copy of the bytes: changing the caller's buffer afterwards changes nothing that runs", () => {
    const src = new Module(engine, '(module (func (export "k") (result i32) (i32.const 1234567)))').bytes;
    const bytes = src.slice();
    const module = new Module(engine, bytes);
    // the constant's second LEB byte (i32.const 1234567 is 41 87 ad cb 00), changed after validation and before the
    // first call (the JS backend translates the function then)
    const at = bytes.findIndex((b, i) => b === 0x41 && bytes[i + 1] === 0x87 && bytes[i + 2] === 0xad) + 2;
    expect(at).toBeGreaterThan(1);
    bytes[at] = 0x80;
    const k = new Instance(new Store(engine, null), module, []).getTypedFunc<[], number>('k');
    expect(k.call()).toBe(1234567);
    // and the module's own copy is what the caller gave at construction
    expect(module.bytes).toEqual(src);
    expect(module.bytes).not.toBe(bytes);
  });

  it('rejects what is no binary form with a TypeError', () => {
    expect(() => new Module(engine, 42 as never)).toThrow(TypeError);
    expect(() => new Module(engine, [0, 97, 115, 109] as never)).toThrow(/ArrayBuffer, a typed array/);
  });

  it('Module.fromFile reads binary and text files; Module.compile is async', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmts-module-'));
    try {
      writeFileSync(join(dir, 'm.wasm'), BYTES);
      writeFileSync(join(dir, 'm.wat'), WAT);
      expect(exportsOf(Module.fromFile(engine, join(dir, 'm.wasm')))).toEqual(['f', 'g', 'h']);
      expect(exportsOf(Module.fromFile(engine, join(dir, 'm.wat')))).toEqual(['f', 'g', 'h']);
      expect(() => Module.fromFile(engine, join(dir, 'missing.wasm'))).toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const p = Module.compile(engine, BYTES.buffer);
    expect(p).toBeInstanceOf(Promise);
    expect(exportsOf(await p)).toEqual(['f', 'g', 'h']);
    await expect(Module.compile(engine, new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(/not a wasm binary/);
  });
});

describe('values of the wrong JS type are TypeErrors naming the parameter', () => {
  const store = new Store(engine, null);
  const inst = new Instance(store, new Module(engine, BYTES), []);
  const f = inst.getFunc('f')!;
  const g = inst.getFunc('g')!;
  const h = inst.getFunc('h')!;

  it('on TypedFunc.call', () => {
    expect(() => f.typed().call(1n)).toThrow(new TypeError('parameter 0 expects an i32 as a number, got a bigint'));
    expect(() => g.typed().call(1)).toThrow(new TypeError('parameter 0 expects an i64 as a bigint, got a number'));
    expect(() => h.typed().call('1')).toThrow(new TypeError('parameter 0 expects an f64 as a number, got a string'));
    expect(() => f.typed().call(undefined)).toThrow(TypeError);
    // right types still work
    expect(g.typed().call(-5n)).toBe(-5n);
    expect(f.typed().call(0)).toBe(0);
    expect(h.typed().call(1.5)).toBe(1.5);
  });

  it('on Func.call with Vals', () => {
    expect(() => f.call(store, [{ type: 'i32', value: 1n as never }])).toThrow(
      new TypeError('parameter 0 expects an i32 as a number, got a bigint'),
    );
    expect(() => g.call(store, [{ type: 'i64', value: 1 as never }])).toThrow(
      new TypeError('parameter 0 expects an i64 as a bigint, got a number'),
    );
    expect(() => g.call(store, [{ type: 'i32', value: 1 }])).toThrow(
      new TypeError('parameter 0 expects a i64 value, got i32'),
    );
    expect(g.call(store, [{ type: 'i64', value: 7n }])).toEqual([{ type: 'i64', value: 7n }]);
  });
});

describe('trap codes by name', () => {
  it("exports trapCodeName, trapCodeFromName and trapMessage for a Trap's code", () => {
    const store = new Store(engine, null);
    const inst = new Instance(store, new Module(engine, '(module (func (export "u") unreachable))'), []);
    let trap: unknown;
    try {
      inst.getTypedFunc('u').call();
    } catch (e) {
      trap = e;
    }
    expect(trap).toBeInstanceOf(Trap);
    const code = (trap as Trap).code;
    expect(code).toBe(TrapCode.UnreachableCodeReached);
    expect(trapCodeName(code)).toBe('UnreachableCodeReached');
    expect(trapCodeFromName('UnreachableCodeReached')).toBe(code);
    expect(trapCodeFromName('NoSuchTrap')).toBeUndefined();
    expect(trapMessage(code)).toBe('unreachable');
  });
});

describe('Store[Symbol.dispose]', () => {
  it('disposes the store (its pool slots come back), where the host has Symbol.dispose', () => {
    const dispose = (Symbol as { dispose?: symbol }).dispose;
    if (typeof dispose !== 'symbol') return; // hosts without explicit resource management: nothing to test
    const pooled = new Engine(testConfig({ allocationStrategy: { pooling: { totalCoreInstances: 1 } } }));
    const pre = new Linker(pooled).instantiatePre(new Module(pooled, '(module (memory 1))'));
    const first = new Store(pooled, null);
    pre.instantiate(first);
    // the only slot is taken
    expect(() => pre.instantiate(new Store(pooled, null))).toThrow();
    (first as unknown as Record<symbol, () => void>)[dispose]();
    pre.instantiate(new Store(pooled, null));
  });
});

describe('Linker.defineUnknownImportsAsTraps / defineUnknownImportsAsDefaultValues', () => {
  const text =
    '(module (import "env" "used" (func $used (result i32))) (import "env" "never" (func (param i32) (result i64 f32))) (import "env" "given" (func (result i32)))' +
    ' (func (export "used") (result i32) call $used) (func (export "never") (result i64 f32) (call 1 (i32.const 1))) (func (export "given") (result i32) call 2))';

  it('traps unknown function imports when called, and keeps what was defined', () => {
    const m = new Module(engine, text);
    const linker = new Linker<null>(engine);
    linker.defineFunc('env', 'given', m.imports()[2].type.type as never, () => 7);
    linker.defineUnknownImportsAsTraps(m);
    const inst = linker.instantiate(new Store(engine, null), m);
    expect(inst.getTypedFunc('given').call()).toBe(7);
    expect(() => inst.getTypedFunc('used').call()).toThrow('unknown import: `env::used` has not been defined');
  });

  it('returns default values from unknown function imports', () => {
    const m = new Module(engine, text);
    const inst = new Linker<null>(engine)
      .defineUnknownImportsAsDefaultValues(m)
      .instantiate(new Store(engine, null), m);
    expect(inst.getTypedFunc('used').call()).toBe(0);
    expect(inst.getTypedFunc('never').call()).toEqual([0n, 0]);
    const v128 = new Module(engine, '(module (import "env" "v" (func (result v128))))');
    expect(() => new Linker<null>(engine).defineUnknownImportsAsDefaultValues(v128)).toThrow(/no default value/);
  });
});

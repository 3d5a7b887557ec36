// The instrumenting re-encoder, run on Node's own WebAssembly engine (this is the wasm backend).
import {
  BinaryReader,
  decodeModule,
  FuncIndex,
  readSections,
  SectionId,
  TrapCode,
  tunables,
  wasmFeatures,
} from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';

import { type InstrumentOptions, instrumentModule, instrumentOptionsFor } from '../../src/wasm/index.js';
import { instantiate as instantiateJs, limits } from '../harness.js';
import { WA } from './webassembly.js';

const ALL: InstrumentOptions = { fuel: true, epoch: true, maxCallDepth: 1000 };

/** The host side of the `wasmts` imports, with counters of hook calls. */
function makeHost() {
  const h = {
    fuel: new WA.Global({ value: 'i64', mutable: true }, -1_000_000_000n),
    epoch: new WA.Global({ value: 'i64', mutable: true }, 0n),
    deadline: new WA.Global({ value: 'i64', mutable: true }, 1n << 62n),
    depth: new WA.Global({ value: 'i32', mutable: true }, 0),
    outOfFuel: 0,
    newEpoch: 0,
    overflow: 0,
    /** What `out_of_fuel` does: trap by default. */
    onOutOfFuel: (): void => {
      throw new Error('all fuel consumed');
    },
    onNewEpoch: (): void => {
      throw new Error('interrupt');
    },
  };
  const imports = {
    fuel: h.fuel,
    epoch: h.epoch,
    epoch_deadline: h.deadline,
    epoch_countdown: new WA.Global({ value: 'i64', mutable: true }, 1n << 62n),
    call_depth: h.depth,
    out_of_fuel: () => {
      h.outOfFuel++;
      h.onOutOfFuel();
    },
    new_epoch: () => {
      h.newEpoch++;
      h.onNewEpoch();
    },
    stack_overflow: () => {
      h.overflow++;
      throw new Error('call stack exhausted');
    },
  };
  return { h, imports };
}

function instrument(wat: string, options: InstrumentOptions) {
  const module = decodeModule(parseWat(wat));
  return instrumentModule(module, options);
}

/** Instantiates `wat` instrumented with `options`; returns its exports and the host. */
function run(wat: string, options: InstrumentOptions, imports: Record<string, Record<string, unknown>> = {}) {
  const inst = instrument(wat, options);
  expect(WA.validate(inst.bytes)).toBe(true);
  const { h, imports: wasmts } = makeHost();
  const instance = new WA.Instance(new WA.Module(inst.bytes), { ...imports, wasmts } as never);
  return { e: instance.exports as Record<string, any>, h, inst };
}

const LOOP = `(module
  (func (export "spin") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $top
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $top)))
    (local.get $acc)))`;

const FIB = `(module
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2))))))))`;

const MIXED = `(module
  (import "env" "log" (func $log (param i32)))
  (global $g (mut i32) (i32.const 7))
  (table 4 funcref)
  (elem (i32.const 0) $a $b $c)
  (type $t (func (param i32) (result i32)))
  (func $a (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func $b (type $t) (i32.mul (local.get 0) (i32.const 2)))
  (func $c (type $t) (local.get 0) (if (i32.gt_s (local.get 0) (i32.const 100)) (then (return (i32.const -1)))) (i32.const 3) (i32.sub))
  (func (export "sw") (param i32) (result i32)
    (block $b2 (block $b1 (block $b0
      (br_table $b0 $b1 $b2 (local.get 0)))
      (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func (export "ind") (param i32 i32) (result i32)
    (call_indirect (type $t) (local.get 1) (local.get 0)))
  (func (export "glob") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (call $log (global.get $g))
    (global.get $g))
  (func (export "dead") (param i32) (result i32)
    (block $x (result i32)
      (br $x (local.get 0))
      (drop (i32.const 1)) (i32.const 2))
    (i32.const 5) (i32.add))
  (func (export "ref") (result i32)
    (call_indirect (type $t) (i32.const 41) (i32.const 3)))
  (func $setup (table.set (i32.const 3) (ref.func $a)))
  (start $setup))`;

describe('instrumentModule', () => {
  it('returns the input itself with every option off', () => {
    for (const wat of [LOOP, FIB, MIXED]) {
      const bytes = parseWat(wat);
      const out = instrumentModule(decodeModule(bytes), {});
      expect(out.bytes).toBe(bytes);
      expect(out.hostImports).toEqual([]);
    }
    const out = instrumentModule(decodeModule(parseWat(LOOP)), { fuel: false, epoch: false });
    expect(out.funcShift).toBe(0);
  });

  it('derives its options from the tunables as the JS backend reads them', () => {
    expect(instrumentOptionsFor(tunables(), false)).toEqual({ fuel: false, epoch: false });
    const t = tunables({ consumeFuel: true, epochInterruption: true, maxCallDepth: 77 });
    expect(instrumentOptionsFor(t, true)).toEqual({ fuel: true, epoch: true, maxCallDepth: 77 });
    const costs = () => 2;
    expect(instrumentOptionsFor(t, false, costs)).toEqual({ fuel: { costs }, epoch: true });
  });

  it('adds exactly the imports each option needs', () => {
    const names = (o: InstrumentOptions) => instrument(LOOP, o).hostImports.map((i) => i.name);
    expect(names({ fuel: true })).toEqual(['fuel', 'out_of_fuel']);
    expect(names({ epoch: true })).toEqual(['epoch', 'epoch_deadline', 'new_epoch']);
    expect(names({ maxCallDepth: 10 })).toEqual(['call_depth', 'stack_overflow']);
    const wasm = new WA.Module(instrument(LOOP, { fuel: true }).bytes);
    expect(WA.Module.imports(wasm)).toEqual([
      { module: 'wasmts', name: 'fuel', kind: 'global' },
      { module: 'wasmts', name: 'out_of_fuel', kind: 'function' },
    ]);
  });

  it('behaves like the original with every hook on', () => {
    const logs: number[] = [];
    const env = { env: { log: (x: number) => logs.push(x) } };
    const { e, h } = run(MIXED, ALL, env);
    h.fuel.value = -1_000_000n;
    expect([0, 1, 2, 3, 9].map((i) => e.sw(i))).toEqual([10, 20, 30, 30, 30]);
    expect([0, 1, 2].map((i) => e.ind(i, 5))).toEqual([6, 10, 2]);
    expect(e.ind(2, 500)).toBe(-1);
    expect(() => e.ind(3, 1)).not.toThrow();
    expect(e.ref()).toBe(42);
    expect(e.glob()).toBe(8);
    expect(logs).toEqual([8]);
    expect(e.dead(4)).toBe(9);
    expect(h.depth.value).toBe(0);
    const f = run(FIB, ALL);
    f.h.fuel.value = -1_000_000n;
    expect(f.e.fib(20)).toBe(6765);
    expect(run(LOOP, ALL).e.spin(100)).toBe(5050);
  });

  it('renumbers imports, exports, element segments, ref.func, start and names', () => {
    const inst = instrument(MIXED, ALL);
    expect(inst.funcShift).toBe(3);
    expect(inst.globalShift).toBe(4);
    expect(inst.funcIndex(0)).toBe(0); // the module's own import keeps its index
    expect(inst.funcIndex(1)).toBe(4);
    expect(inst.originalFuncIndex(1)).toBe(-1);
    expect(inst.originalFuncIndex(4)).toBe(1);
    const m = decodeModule(inst.bytes);
    expect(m.imports.map((i) => `${i.module}.${i.name}`)).toEqual([
      'env.log',
      'wasmts.fuel',
      'wasmts.epoch',
      'wasmts.epoch_deadline',
      'wasmts.call_depth',
      'wasmts.out_of_fuel',
      'wasmts.new_epoch',
      'wasmts.stack_overflow',
    ]);
    expect(m.elements[0].funcIndices).toEqual([4, 5, 6]);
    expect(m.start).toBe(inst.funcIndex(9));
    expect(m.exports.find((x) => x.name === 'sw')?.index).toBe(inst.funcIndex(4));
    const named = instrument(
      `(module (import "m" "f" (func $imp)) (import "m" "g" (global $gi i32))
      (global $gg (mut i32) (global.get $gi)) (global $h i32 (i32.const 1))
      (func $refs (drop (ref.func $second)) (global.set $gg (global.get $h))) (func $first (export "e") (local $x i32)) (func $second (export "s")))`,
      {
        fuel: true,
      },
    );
    const nm = decodeModule(named.bytes);
    expect([...nm.names.functions]).toEqual([
      [0, 'imp'],
      [2, 'refs'],
      [3, 'first'],
      [4, 'second'],
    ]);
    expect(nm.exports.map((x) => x.index)).toEqual([3, 4]);
    // ref.func $second inside $refs
    const b = nm.bodies[0];
    expect([...nm.bytes.subarray(b.range.start, b.range.end)]).toContain(0xd2);
    expect(nm.bytes[nm.bytes.indexOf(0xd2, b.codeStart) + 1]).toBe(4);
    expect(nm.names.locals.get(FuncIndex(3))?.get(0)).toBe('x');
  });

  it('counts the same fuel as the JS backend', () => {
    const cases: [string, string, unknown[]][] = [
      [LOOP, 'spin', [0]],
      [LOOP, 'spin', [1]],
      [LOOP, 'spin', [37]],
      [FIB, 'fib', [0]],
      [FIB, 'fib', [15]],
      [MIXED, 'sw', [0]],
      [MIXED, 'sw', [2]],
      [MIXED, 'ind', [2, 5]],
      [MIXED, 'ind', [2, 500]],
      [MIXED, 'dead', [3]],
      [MIXED, 'glob', []],
      [MIXED, 'ref', []],
    ];
    for (const [wat, name, args] of cases) {
      const env = { log: () => {} };
      const js = instantiateJs(wat, env, { tunables: { consumeFuel: true } });
      limits.fuelConsumed = -1e9;
      js[name](...args);
      const jsConsumed = limits.fuelConsumed + 1e9;
      const { e, h } = run(wat, { fuel: true }, { env });
      h.fuel.value = -1_000_000_000n;
      e[name](...args);
      expect(Number(h.fuel.value + 1_000_000_000n), `${name}(${args})`).toBe(jsConsumed);
      expect(jsConsumed).toBeGreaterThan(0);
    }
  });

  it('predicts fuel by the documented rule', () => {
    // entry: local.get, i32.const, i32.add = 3 (end is free)
    const { e, h } = run(
      `(module (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))`,
      {
        fuel: true,
      },
    );
    h.fuel.value = -100n;
    e.f(1);
    expect(h.fuel.value).toBe(-97n);
    // spin(n): per iteration local.get, i32.eqz, br_if, 2x(local.get, local.get|i32.const, add|sub, local.set), br = 12;
    // the last test costs 3, the exit local.get 1
    const l = run(LOOP, { fuel: true });
    l.h.fuel.value = -1000n;
    l.e.spin(10);
    expect(l.h.fuel.value).toBe(-1000n + 12n * 10n + 3n + 1n);
  });

  it('applies a custom cost function', () => {
    const { e, h } = run(LOOP, { fuel: { costs: (op) => (op === 'br' ? 10 : 0) } });
    h.fuel.value = -1000n;
    e.spin(5);
    expect(h.fuel.value).toBe(-950n);
  });

  it('calls out_of_fuel at a loop header, which may trap or refuel', () => {
    const { e, h } = run(LOOP, { fuel: true });
    h.fuel.value = -50n;
    expect(() => e.spin(1000)).toThrow('all fuel consumed');
    expect(h.outOfFuel).toBe(1);
    h.fuel.value = -50n;
    h.onOutOfFuel = () => {
      h.fuel.value -= 100n;
    };
    expect(e.spin(100)).toBe(5050);
    expect(h.outOfFuel).toBeGreaterThan(5);
    expect(h.fuel.value).toBeLessThan(0n);
  });

  it('with fuelTrap, runs out of fuel in place: no call, the fuel stored and `pending` set to OutOfFuel + 1', () => {
    expect(instrument(LOOP, { fuel: true, fuelTrap: true }).hostImports.map((i) => i.name)).toEqual([
      'fuel',
      'pending',
    ]);
    // no fuelTrap without fuel
    expect(instrument(LOOP, { epoch: true, fuelTrap: true }).hostImports.map((i) => i.name)).toEqual([
      'epoch',
      'epoch_deadline',
      'new_epoch',
    ]);
    for (const [wat, call] of [
      [LOOP, (e: Record<string, any>) => e.spin(1000)],
      [FIB, (e: Record<string, any>) => e.fib(20)],
    ] as const) {
      for (const budget of [1n, 7n, 50n, 333n]) {
        // the hook's fuel where it traps: what the check stored before calling it
        const hooked = run(wat, { fuel: true });
        hooked.h.fuel.value = -budget;
        expect(() => call(hooked.e)).toThrow('all fuel consumed');
        const inst = instrument(wat, { fuel: true, fuelTrap: true });
        const { h, imports } = makeHost();
        const pending = new WA.Global({ value: 'i32', mutable: true }, 0);
        const e = new WA.Instance(new WA.Module(inst.bytes), { wasmts: { ...imports, pending } } as never)
          .exports as Record<string, any>;
        h.fuel.value = -budget;
        expect(() => call(e)).toThrow('unreachable');
        expect(pending.value).toBe(TrapCode.OutOfFuel + 1);
        expect(h.fuel.value).toBe(hooked.h.fuel.value);
        expect(h.outOfFuel).toBe(0);
      }
    }
  });

  it('fires the epoch hook at loop headers and function entries', () => {
    const { e, h } = run(LOOP, { epoch: true });
    h.deadline.value = 5n;
    expect(e.spin(100)).toBe(5050);
    expect(h.newEpoch).toBe(0);
    h.epoch.value = 5n;
    expect(() => e.spin(100)).toThrow('interrupt');
    expect(h.newEpoch).toBe(1);
    // a hook that moves the deadline lets the loop go on: one call per loop iteration at the deadline
    let ticks = 0;
    h.onNewEpoch = () => {
      ticks++;
      // fire again at the next check, three times
      h.deadline.value = ticks > 3 ? 1n << 62n : h.epoch.value;
    };
    h.deadline.value = 0n;
    expect(e.spin(100)).toBe(5050);
    expect(ticks).toBe(4);
  });

  it('guards the call depth and keeps it balanced', () => {
    const { e, h } = run(FIB, { maxCallDepth: 50 });
    expect(e.fib(20)).toBe(6765);
    expect(h.depth.value).toBe(0);
    const r = run(
      `(module (func $r (export "r") (param i32) (result i32)
         (if (result i32) (local.get 0) (then (i32.add (i32.const 1) (call $r (i32.sub (local.get 0) (i32.const 1))))) (else (i32.const 0)))))`,
      { maxCallDepth: 100 },
    );
    expect(r.e.r(99)).toBe(99); // 100 nested calls
    expect(r.h.depth.value).toBe(0);
    expect(() => r.e.r(100)).toThrow('call stack exhausted');
    expect(r.h.overflow).toBe(1);
    // the host resets the depth after a trap (the entry trampoline's job)
    expect(r.h.depth.value).toBe(101);
  });

  it('keeps the depth balanced across return, branches to the function label and tail calls', () => {
    const { e, h } = run(
      `(module
        (func $a (export "a") (param i32) (result i32)
          (if (i32.eqz (local.get 0)) (then (return (i32.const 5))))
          (br_if 0 (i32.const 6) (i32.eq (local.get 0) (i32.const 1)))
          (drop)
          (br_table 0 0 (i32.const 7) (local.get 0)))
        (func $t (export "t") (param i32) (result i32)
          (if (result i32) (local.get 0)
            (then (return_call $t (i32.sub (local.get 0) (i32.const 1))))
            (else (i32.const 9)))))`,
      { maxCallDepth: 3 },
    );
    expect([0, 1, 2].map((x) => e.a(x))).toEqual([5, 6, 7]);
    expect(h.depth.value).toBe(0);
    expect(e.t(100_000)).toBe(9);
    expect(h.depth.value).toBe(0);
  });

  it('restores the depth when a legacy catch handles an exception from a deeper call', () => {
    const { e, h } = run(
      `(module
        (tag $e (param i32))
        (func $thrower (param i32) (if (local.get 0) (then (call $thrower (i32.sub (local.get 0) (i32.const 1)))) (else (throw $e (i32.const 42)))))
        (func (export "catcher") (result i32)
          (try (result i32)
            (do (call $thrower (i32.const 10)) (i32.const 0))
            (catch $e))))`,
      { maxCallDepth: 100, fuel: true },
    );
    h.fuel.value = -1000n;
    expect(e.catcher()).toBe(42);
    expect(h.depth.value).toBe(0);
  });

  it('maps instrumented code offsets back to the original', () => {
    const bytes = parseWat(MIXED);
    const module = decodeModule(bytes);
    const inst = instrumentModule(module, ALL);
    const out = decodeModule(inst.bytes);
    expect(inst.originalOffset(0)).toBe(-1);
    out.bodies.forEach((nb, i) => {
      const ob = module.bodies[i];
      expect(inst.originalOffset(nb.range.end - 1)).toBe(ob.range.end - 1);
      for (let p = nb.range.start; p < nb.range.end; p++) {
        const o = inst.originalOffset(p);
        expect(o).toBeGreaterThanOrEqual(ob.range.start);
        expect(o).toBeLessThan(ob.range.end);
      }
    });
  });

  it("maps a trap offset from the host engine's stack trace to the original operator", () => {
    const wat = `(module (func (export "f") (param i32) (result i32)
      (local.get 0) (if (then (nop))) (i32.div_s (i32.const 1) (local.get 0))))`;
    const bytes = parseWat(wat);
    const module = decodeModule(bytes);
    const div = bytes.indexOf(0x6d, module.bodies[0].codeStart);
    const { e } = run(wat, ALL);
    let stack = '';
    try {
      e.f(0);
    } catch (err) {
      stack = String((err as Error).stack);
    }
    const m = /wasm-function\[(\d+)\]:0x([0-9a-f]+)/.exec(stack);
    expect(m).not.toBeNull();
    const inst = instrument(wat, ALL);
    expect(inst.originalFuncIndex(Number(m?.[1]))).toBe(0);
    expect(inst.originalOffset(Number.parseInt(m?.[2] ?? '', 16))).toBe(div);
  });
});

describe('the wasm backend API options', () => {
  const WAT = `(module $m
    (type $t (func (result i32)))
    (memory 1 4) (table 2 funcref) (global $g (mut i32) (i32.const 3))
    (func $f (result i32) (i32.const 9))
    (elem (i32.const 0) $f)
    (tag $e)
    (func $start)
    (start $start)
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "tgrow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0)))
    (func (export "ci") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))
    (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
    (func (export "spin") (param i32) (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))`;

  it('rewrites grows into host calls, checks null entries and NaN, exports hidden entities, drops start', () => {
    const calls: string[] = [];
    let code = -1;
    const out = instrument(WAT, {
      growHooks: true,
      indirectNullCheck: true,
      truncNaNCheck: true,
      extraExports: [
        { name: 'x:f', kind: 'func', index: 0 },
        { name: 'x:m', kind: 'memory', index: 0 },
        { name: 'x:t', kind: 'table', index: 0 },
        { name: 'x:g', kind: 'global', index: 0 },
        { name: 'x:e', kind: 'tag', index: 0 },
      ],
      dropStart: true,
      hostModuleName: 'host-name',
    });
    expect(out.hostImports.map((h) => h.name)).toEqual(['memory_grow_0', 'table_grow_0', 'trap']);
    const inst = new WA.Instance(new WA.Module(out.bytes), {
      wasmts: {
        memory_grow_0: (d: number) => {
          calls.push(`memory ${d}`);
          return 7;
        },
        table_grow_0: (init: unknown, d: number) => {
          calls.push(`table ${d} ${init}`);
          return 8;
        },
        trap: (c: number) => {
          code = c;
          throw new Error('trap hook');
        },
      },
    });
    const e = inst.exports as Record<string, (...a: unknown[]) => unknown>;
    expect([e.grow(2), e.tgrow(3)]).toEqual([7, 8]);
    expect(calls).toEqual(['memory 2', 'table 3 null']);
    expect(e.ci(0)).toBe(9);
    expect(() => e.ci(1)).toThrow('trap hook');
    expect(code).toBe(4); // IndirectCallToNull
    expect(() => e.trunc(Number.NaN)).toThrow('trap hook');
    expect(code).toBe(8); // BadConversionToInteger
    code = -1;
    expect(() => e.trunc(1e300)).toThrow(/unrepresentable/); // overflow: the host's own trap
    expect(code).toBe(-1);
    expect((e['x:f'] as () => number)()).toBe(9);
    for (const k of ['x:m', 'x:t', 'x:g', 'x:e']) expect(e[k]).toBeDefined();
    expect(decodeModule(out.bytes).start).toBeNull();
    expect(decodeModule(out.bytes).names.module).toBe('host-name');
    // every option off: the input itself
    const plain = parseWat(WAT);
    expect(instrumentModule(decodeModule(plain), {}).bytes).toBe(plain);
  });

  it('branchHints marks every check unlikely: each hint names an if or a br_if of the right body', () => {
    const WAT2 = `(module
      (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func $rec (export "rec") (param i32) (result i32)
        (if (result i32) (local.get 0) (then (call $rec (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))
      (func (export "spin") (param i32) (local i64)
        (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
        (loop $m (br_if $m (i32.eqz (call $leaf (local.get 0)))))))`;
    for (const options of [
      { epoch: true, epochPoll: true },
      { fuel: true, fuelTrap: true },
      { fuel: true, epoch: true, epochPoll: true },
    ] as InstrumentOptions[]) {
      const plain = instrument(WAT2, options).bytes;
      const out = instrument(WAT2, { ...options, branchHints: true }).bytes;
      const sections = readSections(out);
      expect(readSections(plain).some((s) => s.custom && s.name === 'metadata.code.branch_hint')).toBe(false);
      const at = sections.findIndex((s) => s.custom && s.name === 'metadata.code.branch_hint');
      // before the code section, as the proposal requires; the rest of the module as without hints
      expect(at).toBeGreaterThan(-1);
      expect(sections.findIndex((s) => s.id === SectionId.Code)).toBeGreaterThan(at);
      const hint = sections[at];
      const r = new BinaryReader(out, hint.payloadOffset, hint.payloadOffset + hint.size);
      r.pos += 1 + 'metadata.code.branch_hint'.length;
      const module = decodeModule(out);
      const nImported = module.numImportedFuncs;
      let hints = 0;
      const funcs = r.u32();
      for (let f = 0; f < funcs; f++) {
        const index = r.u32();
        const body = module.bodies[index - nImported];
        const n = r.u32();
        let last = -1;
        for (let k = 0; k < n; k++) {
          const offset = r.u32();
          expect(offset).toBeGreaterThan(last);
          last = offset;
          expect(r.u8()).toBe(1);
          expect(r.u8()).toBe(0);
          // the offset counts from the body's first byte (its local declarations): an if (0x04) or br_if (0x0d)
          expect([0x04, 0x0d]).toContain(out[body.range.start + offset]);
          hints++;
        }
      }
      expect(r.pos).toBe(r.end);
      // spin's two loops: each a br_if to its poll loop and the poll loop's check (fuel and epochs: one each)
      expect(hints).toBeGreaterThanOrEqual(4);
      const run = (bytes: Uint8Array) => {
        const fuel = new WA.Global({ value: 'i64', mutable: true }, -1_000_000n);
        const countdown = new WA.Global({ value: 'i64', mutable: true }, 1_000_000n);
        const pending = new WA.Global({ value: 'i32', mutable: true }, 0);
        const inst = new WA.Instance(new WA.Module(bytes), {
          wasmts: { fuel, epoch_countdown: countdown, new_epoch: () => {}, out_of_fuel: () => {}, pending },
        });
        (inst.exports.spin as (n: number) => void)(100);
        return [(inst.exports.rec as (n: number) => number)(20), fuel.value, countdown.value];
      };
      expect(run(out)).toEqual(run(plain));
    }
  });

  it('epochPoll counts epoch_countdown down in a local, stored before calls and the hook', () => {
    const out = instrument(WAT, { epoch: true, epochPoll: true, growHooks: true });
    expect(out.hostImports.map((h) => h.name).filter((n) => n.includes('epoch'))).toEqual([
      'epoch_countdown',
      'new_epoch',
    ]);
    const countdown = new WA.Global({ value: 'i64', mutable: true }, 100n);
    const seen: bigint[] = [];
    const inst = new WA.Instance(new WA.Module(out.bytes), {
      wasmts: {
        epoch_countdown: countdown,
        new_epoch: () => {
          seen.push(countdown.value as bigint);
          countdown.value = 5n;
        },
        memory_grow_0: () => 0,
        table_grow_0: () => 0,
      },
    });
    // the start function has no loop and calls nothing: no check at all (epochEntryChecks)
    expect(countdown.value).toBe(100n);
    countdown.value = 5n;
    (inst.exports.spin as (n: number) => void)(13);
    // spin cannot recurse: no entry check; one check per iteration at the loop header (13 checks): the check
    // that takes the count below 0 calls the hook, the 6th and the 12th (the host re-arms it with 5; in a loop
    // the hook runs in the poll loop around it, and the check that branched there passes when it runs again)
    expect(seen).toEqual([-1n, -1n]);
    // spin has a loop and calls nothing: it stores its count when it returns (the last check left 4)
    expect(countdown.value).toBe(4n);
    // 0 left: the next check calls the hook at once
    countdown.value = 0n;
    (inst.exports.spin as (n: number) => void)(1);
    expect(seen).toEqual([-1n, -1n, -1n]);
    // ci calls indirectly (it may recurse): its entry check counts the global itself; $f has no check
    countdown.value = 50n;
    expect((inst.exports.ci as (i: number) => number)(0)).toBe(9);
    expect(countdown.value).toBe(49n);
  });
});

describe('recordIndirectIndex', () => {
  it('writes the table index and the instance id before each indirect call', () => {
    const out = instrument(
      `(module (type $t (func (result i32))) (table 3 funcref) (func $f (result i32) (i32.const 5)) (elem (i32.const 1) $f)
        (func (export "ci") (param i32) (result i32) (call_indirect (type $t) (local.get 0))))`,
      { recordIndirectIndex: true },
    );
    expect(out.hostImports.map((h) => h.name)).toEqual(['indirect_index', 'indirect_instance', 'instance_id']);
    const index = new WA.Global({ value: 'i32', mutable: true }, -1);
    const instance = new WA.Global({ value: 'i32', mutable: true }, -1);
    const inst = new WA.Instance(new WA.Module(out.bytes), {
      wasmts: { indirect_index: index, indirect_instance: instance, instance_id: 7 },
    });
    const ci = inst.exports.ci as (i: number) => number;
    expect(ci(1)).toBe(5);
    expect([index.value, instance.value]).toEqual([1, 7]);
    expect(() => ci(2)).toThrow(/null function or function signature mismatch/);
    expect(index.value).toBe(2);
  });
});

describe('counters threaded through calls', () => {
  // $tree and $walk are seen by no host and no table: they take and return the counters; $leaf traps on demand
  const TREE = `(module
    (memory 1)
    (func $tree (param $n i32) (result i32)
      (if (result i32) (i32.eqz (local.get $n))
        (then (i32.const 1))
        (else (i32.add (i32.add (call $tree (i32.sub (local.get $n) (i32.const 1)))
                                (call $tree (i32.sub (local.get $n) (i32.const 1))))
                       (call $leaf (local.get $n))))))
    (func $leaf (param $n i32) (result i32)
      (i32.load (i32.mul (local.get $n) (global.get $scale))))
    (global $scale (mut i32) (i32.const 0))
    (func $walk (param $n i32) (result i32) (local $acc i32)
      (loop $l
        (local.set $acc (i32.add (local.get $acc) (call $tree (i32.const 3))))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
      (local.get $acc))
    (func (export "tree") (param i32) (result i32) (call $tree (local.get 0)))
    (func (export "walk") (param i32) (result i32) (call $walk (local.get 0)))
    (func (export "arm") (param i32) (global.set $scale (local.get 0))))`;

  it('gives the internal functions the counters as parameters and results', () => {
    const module = decodeModule(parseWat(TREE));
    const out = decodeModule(instrumentModule(module, { fuel: true, epoch: true, epochPoll: true }).bytes);
    const type = (f: number) => out.types[out.functions[f + out.numImportedFuncs]].composite;
    // $tree, $leaf, $walk: i64 fuel and check count after their own parameters and results
    for (const f of [0, 1, 2])
      expect(type(f)).toMatchObject({ params: [0x7f, 0x7e, 0x7e], results: [0x7f, 0x7e, 0x7e] });
    // the exports keep their types
    expect(type(3)).toMatchObject({ params: [0x7f], results: [0x7f] });
  });

  it('counts the same fuel as the JS backend, after a trap deep in the chain too', () => {
    for (const [name, arg, scale] of [
      ['tree', 6, 0],
      ['walk', 5, 0],
      ['tree', 6, 70_000], // the leaf's load is out of bounds (n * 70000 > 64 KiB): traps in the first leaf
      ['walk', 5, 30_000], // a leaf with n = 3 traps
    ] as const) {
      const js = instantiateJs(TREE, {}, { tunables: { consumeFuel: true } });
      limits.fuelConsumed = -1e9;
      js.arm(scale);
      let jsTrapped = false;
      try {
        js[name](arg);
      } catch {
        jsTrapped = true;
      }
      const jsConsumed = limits.fuelConsumed + 1e9;
      const { e, h } = run(TREE, { fuel: true, epoch: true, epochPoll: true });
      h.fuel.value = -1_000_000_000n;
      e.arm(scale);
      if (jsTrapped) expect(() => e[name](arg)).toThrow(/out of bounds/);
      else e[name](arg);
      expect(Number(h.fuel.value + 1_000_000_000n), `${name}(${arg}), scale ${scale}`).toBe(jsConsumed);
      expect(jsTrapped).toBe(scale !== 0);
    }
  });

  it('leaves the fuel exact when the call-depth guard traps in a threaded function', () => {
    // before the guard stored the fuel parameter, the trap lost what the callers consumed since their last store
    const js = instantiateJs(TREE, {}, { tunables: { consumeFuel: true, maxCallDepth: 4 } });
    limits.fuelConsumed = -1e9;
    limits.stackDepth = 0;
    limits.stackLimit = 4;
    expect(() => js.tree(8)).toThrow();
    const jsConsumed = limits.fuelConsumed + 1e9;
    const { e, h } = run(TREE, { fuel: true, maxCallDepth: 4 });
    h.fuel.value = -1_000_000_000n;
    expect(() => e.tree(8)).toThrow('call stack exhausted');
    expect(Number(h.fuel.value + 1_000_000_000n)).toBe(jsConsumed);
    expect(jsConsumed).toBeGreaterThan(0);
  });

  it('counts every epoch check of a call tree without loops exactly once', () => {
    const out = instrument(TREE, { epoch: true, epochPoll: true });
    const countdown = new WA.Global({ value: 'i64', mutable: true }, 1_000_000n);
    let hooks = 0;
    const inst = new WA.Instance(new WA.Module(out.bytes), {
      wasmts: {
        epoch_countdown: countdown,
        new_epoch: () => {
          hooks++;
          countdown.value = 100n;
        },
      },
    });
    const tree = inst.exports.tree as (n: number) => number;
    // $tree recurses: an entry check per call, 2^11 - 1 calls; nothing else checks
    expect(tree(10)).toBe(1024);
    expect(countdown.value).toBe(1_000_000n - 2047n);
    // armed with 100: the hook runs at the 101st check, then every 101 checks (it re-arms 100)
    countdown.value = 100n;
    tree(10);
    expect(hooks).toBe(Math.floor(2047 / 101));
    expect(countdown.value).toBe(100n - BigInt(2047 % 101));
  });
});

describe('hooks by what the code uses (the validator sites)', () => {
  const OPTIONS: InstrumentOptions = { growHooks: true, recordIndirectIndex: true, truncNaNCheck: true };
  const names = (wat: string, options = OPTIONS, recordSites = true) =>
    instrumentModule(decodeModule(parseWat(wat), { recordSites }), options).hostImports.map((h) => h.name);
  const MEMS = '(memory 1) (memory 1) (table 1 funcref) (table 1 funcref)';

  it('imports nothing for code without grows, indirect calls or trapping truncations', () => {
    const wat = `(module ${MEMS} (func (export "f") (result i32) (i32.add (i32.const 1) (i32.const 2))))`;
    expect(names(wat)).toEqual([]);
    const module = decodeModule(parseWat(wat), { recordSites: true });
    // nothing imported, no local added: the input's bytes
    expect(instrumentModule(module, OPTIONS).bytes).toBe(module.bytes);
    // without sites (lazy validation) every hook the options ask for
    expect(names(wat, OPTIONS, false)).toEqual([
      'indirect_index',
      'indirect_instance',
      'instance_id',
      'memory_grow_0',
      'memory_grow_1',
      'table_grow_0',
      'table_grow_1',
      'trap',
    ]);
  });

  it('imports the grow hook of each memory and table grown, the index globals with an indirect call, trap with a truncation', () => {
    expect(names(`(module ${MEMS} (func (result i32) (memory.grow 1 (i32.const 1))))`)).toEqual(['memory_grow_1']);
    expect(names(`(module ${MEMS} (func (result i32) (table.grow 0 (ref.null func) (i32.const 1))))`)).toEqual([
      'table_grow_0',
    ]);
    expect(names(`(module (func (param f64) (result i32) (i32.trunc_f64_s (local.get 0))))`)).toEqual(['trap']);
    expect(names(`(module (type $t (func)) (table 1 funcref) (func (call_indirect (type $t) (i32.const 0))))`)).toEqual(
      ['indirect_index', 'indirect_instance', 'instance_id'],
    );
  });

  it('grows the right table through its hook when another one is not hooked', () => {
    const wat = `(module (table 1 funcref) (table 1 funcref)
      (func (export "g") (result i32) (table.grow 1 (ref.null func) (i32.const 2))))`;
    const out = instrumentModule(decodeModule(parseWat(wat), { recordSites: true }), OPTIONS);
    expect(out.hostImports.map((h) => [h.name, h.entity])).toEqual([['table_grow_1', 1]]);
    const grown: number[] = [];
    const inst = new WA.Instance(new WA.Module(out.bytes), {
      wasmts: {
        table_grow_1: (_init: unknown, d: number) => {
          grown.push(d);
          return 5;
        },
      },
    });
    expect((inst.exports.g as () => number)()).toBe(5);
    expect(grown).toEqual([2]);
  });
});

describe('importMemories', () => {
  const WAT = `(module (import "env" "f" (func)) (memory (export "mem") 1 3) (data (i32.const 8) "\\2a")
    (func (export "get") (param i32) (result i32) (i32.load8_u (local.get 0)))
    (func (export "size") (result i32) (memory.size)))`;

  it('turns the defined memory into an import of its type, with its data', () => {
    const out = instrumentModule(decodeModule(parseWat(WAT), { recordSites: true }), { importMemories: true });
    expect(out.hostImports).toEqual([{ name: 'memory_0', kind: 'memory', entity: 0, index: 0 }]);
    const module = new WA.Module(out.bytes);
    expect(WA.Module.imports(module)).toEqual([
      { module: 'env', name: 'f', kind: 'function' },
      { module: 'wasmts', name: 'memory_0', kind: 'memory' },
    ]);
    const m = new WA.Memory({ initial: 1, maximum: 3 });
    new Uint8Array(m.buffer)[9] = 5;
    const inst = new WA.Instance(module, { env: { f() {} }, wasmts: { memory_0: m } });
    expect(inst.exports.mem).toBe(m);
    expect((inst.exports.get as (a: number) => number)(8)).toBe(42);
    expect((inst.exports.get as (a: number) => number)(9)).toBe(5);
    expect((inst.exports.size as () => number)()).toBe(1);
    // the import's type is the memory's: one without the maximum, or larger, does not link
    for (const bad of [new WA.Memory({ initial: 1 }), new WA.Memory({ initial: 1, maximum: 4 })])
      expect(() => new WA.Instance(module, { env: { f() {} }, wasmts: { memory_0: bad } })).toThrow();
  });

  it('appends the imports after the module own memories, so every memory keeps its index (multi-memory)', () => {
    const wat = `(module (import "env" "m" (memory 1)) (memory 2) (memory 3 4)
      (func (result i32) (memory.size 2)))`;
    const out = instrumentModule(decodeModule(parseWat(wat), { recordSites: true }), { importMemories: true });
    const back = decodeModule(out.bytes);
    expect(back.numImportedMemories).toBe(3);
    expect(back.memories.map((m) => [m.limits.min, m.limits.max])).toEqual([
      [1, null],
      [2, null],
      [3, 4],
    ]);
    expect(back.imports.map((i) => `${i.module}.${i.name}`)).toEqual(['env.m', 'wasmts.memory_1', 'wasmts.memory_2']);
  });

  it('leaves every memory defined when one of them cannot be imported (shared)', () => {
    const module = decodeModule(parseWat('(module (memory 1) (memory 1 2 shared))'), {
      recordSites: true,
      features: wasmFeatures({ threads: true }),
    });
    expect(instrumentModule(module, { importMemories: true }).bytes).toBe(module.bytes);
  });
});

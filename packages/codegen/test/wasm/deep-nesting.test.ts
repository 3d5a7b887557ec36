// The wasm backend's instrumenter at any nesting depth: the modules of test/deep-nesting.test.ts, 20,000 deep,
// instrumented with and without fuel and epochs, run on Node's WebAssembly with the same results, and the
// instrumented module grows linearly with depth.
import { decodeModule } from '@wasmts/environ';
import { describe, expect, it } from 'vitest';
import { type InstrumentOptions, instrumentModule } from '../../src/wasm/index.js';
import { DEEP } from '../deep-modules.js';
import { WA } from './webassembly.js';

function host() {
  return {
    fuel: new WA.Global({ value: 'i64', mutable: true }, -1_000_000_000_000n),
    epoch: new WA.Global({ value: 'i64', mutable: true }, 0n),
    epoch_deadline: new WA.Global({ value: 'i64', mutable: true }, 1n << 62n),
    call_depth: new WA.Global({ value: 'i32', mutable: true }, 0),
    out_of_fuel: () => {
      throw new Error('all fuel consumed');
    },
    new_epoch: () => {
      throw new Error('interrupt');
    },
    stack_overflow: () => {
      throw new Error('call stack exhausted');
    },
  };
}

// Node 20's V8 has no try_table (exnref) without a flag: there the instrumented module is checked by environ's
// validator instead of run
const EXNREF = WA.validate(DEEP.try_tables(2).bytes);

describe.each(Object.keys(DEEP))('%s nested 20,000 deep', (name) => {
  const gen = DEEP[name];
  const m = gen(20_000);
  it.each([
    ['without hooks', {}],
    ['with fuel and epochs', { fuel: true, epoch: true }],
  ] as [string, InstrumentOptions][])('is instrumented and runs %s, linear in depth', (_, options) => {
    const inst = instrumentModule(decodeModule(m.bytes), options);
    if (name === 'try_tables' && !EXNREF) {
      expect(decodeModule(inst.bytes).bodies.length).toBe(1);
    } else {
      const wasmts = Object.fromEntries(
        Object.entries(host()).filter(([k]) => WA.Module.imports(new WA.Module(inst.bytes)).some((i) => i.name === k)),
      );
      const e = new WA.Instance(new WA.Module(inst.bytes), { wasmts } as never).exports;
      for (const x of m.inputs) expect(e.run(x), `run(${x})`).toBe(m.expected(x));
    }
    const small = instrumentModule(decodeModule(gen(5_000).bytes), options).bytes.length;
    const ratio = inst.bytes.length / small;
    expect(ratio).toBeGreaterThan(3.6);
    expect(ratio).toBeLessThan(4.4);
  });
});

// Config.jsTarget: the host the JS backend shapes its code for. 'interpreter' reads bytes through the memory's
// Uint8Array, lets a float load feeding only arithmetic skip its NaN test and reads aligned words and such float
// loads through typed arrays (codegen's `wordLoads`); 'jit' keeps DataView calls, and a
// load feeding only arithmetic skips its test too but is quieted (`+ -0`) where V8's optimizer may fold the operator
// reading it (`x * 1`); 'auto' follows the host (here V8 with WebAssembly, which keeps NaN bits: the 'jit' forms).
// All give the same results; an artifact with the interpreter's float loads loads only where they are exact.
import { describe, expect, it } from 'vitest';
import { Config, DeserializeError, Engine, Instance, Module, Store } from '../src/index.js';

const WAT = `(module (memory (export "memory") 1) (data (i32.const 7) "\\fe")
  (func (export "bytes") (param i32) (result i32) (i32.add (i32.load8_u (local.get 0)) (i32.load8_s (local.get 0))))
  (func (export "scale") (param i32) (result f64) (local f64)
    (local.set 1 (f64.load (local.get 0)))
    (f64.store (i32.const 64) (f64.mul (local.get 1) (f64.const 1)))
    (f64.load (i32.const 64)))
  (func (export "copy") (param i32) (result i64)
    (f64.store (i32.const 72) (f64.load (local.get 0)))
    (i64.load (i32.const 72))))`;

describe('Config.jsTarget', () => {
  it('rejects anything but auto, jit and interpreter', () => {
    expect(() => new Config({ jsTarget: 'hermes' as 'jit' })).toThrow(RangeError);
    expect(() => new Config().jsTarget('interpreter')).not.toThrow();
  });

  it('shapes the code for the target; the results are the same', () => {
    const results: Record<string, unknown> = {};
    for (const target of ['auto', 'jit', 'interpreter'] as const) {
      const engine = new Engine(new Config({ backend: 'js', jsTarget: target }));
      const m = new Module(engine, WAT);
      const inst = new Instance(new Store(engine, null), m, []);
      const data = inst.getMemory('memory')?.data() as Uint8Array;
      const words = new DataView(data.buffer, data.byteOffset);
      words.setFloat64(24, 1.5, true);
      words.setBigUint64(16, 0x7ff0000000000001n, true);
      const src = m.compiled.source;
      results[target] = {
        u8: src.includes('U0['),
        // i64.load's words from a constant address, the f64 load only arithmetic reads
        words: src.includes('I0[') && src.includes('K0['),
        // the load into a local that only arithmetic reads, and the copied one
        nanTests: src.split('H.loadF64(').length - 1,
        // the load that `* 1` reads, quieted where V8's JIT could fold the multiply away
        quieted: src.split(' + -0)').length - 1,
        bytes: inst.getTypedFunc<[number], number>('bytes').call(7),
        scale: inst.getTypedFunc<[number], number>('scale').call(24),
        copy: inst.getTypedFunc<[number], bigint>('copy').call(16),
      };
    }
    const same = { bytes: 0xfe - 2, scale: 1.5, copy: 0x7ff0000000000001n };
    expect(results).toEqual({
      auto: { u8: false, words: false, nanTests: 2, quieted: 1, ...same },
      jit: { u8: false, words: false, nanTests: 2, quieted: 1, ...same },
      interpreter: { u8: true, words: true, nanTests: 2, quieted: 0, ...same },
    });
  });

  it('an artifact compiled for the interpreter loads and runs where its float loads are exact', () => {
    const aot = new Module(new Engine(new Config({ backend: 'js', jsTarget: 'interpreter' })), WAT).serialize();
    // V8 with its JIT (this host, under 'auto') would not keep its plain float loads exact: refused, not run
    expect(() => Module.deserialize(new Engine(new Config({ backend: 'js' })), aot)).toThrow(DeserializeError);
    const engine = new Engine(new Config({ backend: 'js', jsTarget: 'interpreter' }));
    const m = Module.deserialize(engine, aot);
    expect(m.compiled.source.includes('U0[')).toBe(true);
    const inst = new Instance(new Store(engine, null), m, []);
    expect(inst.getTypedFunc<[number], number>('bytes').call(7)).toBe(0xfe - 2);
  });
});

// Every module of the spec suite through the instrumenter: the body walker reproduces each body byte for
// byte, the instrumented module validates (environ always, Node's engine where it accepts the original),
// and on a few files every action gives the same result and consumes the same fuel as the JS backend.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteWriter, decodeModule, floatNumber, type Module, NaNBits, wasmFeatures } from '@wasmts/environ';
import { specSuiteDir } from '@wasmts/testsuite';
import { parseWast, type WastAction, type WastValue } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { epochEntryChecks } from '../../src/epoch-entries.js';
import { HELPERS } from '../../src/helpers.js';
import { OffsetPairs, plainOperators, type RewriteContext, rewriteBody } from '../../src/wasm/body.js';
import { instrumentModule } from '../../src/wasm/index.js';
import { instantiateBytes, limits } from '../harness.js';
import { WA } from './webassembly.js';

const SUITE = specSuiteDir();
const FEATURES = wasmFeatures({ wideArithmetic: true, customPageSizes: true, threads: true });
const ALL = { fuel: true, epoch: true, maxCallDepth: 10_000, isolateAtomicWaits: true };
/** Options without store controls, as the API's wasm backend sets them (re-encoded from the validator's sites). */
const NO_CONTROLS = [
  { growHooks: true, recordIndirectIndex: true, truncNaNCheck: true, isolateAtomicWaits: true, hostModuleName: 'm' },
  { growHooks: true, indirectNullCheck: true, truncNaNCheck: true },
  { recordIndirectIndex: true },
  { growHooks: true },
  { hostModuleName: 'm' },
];

function modulesOf(file: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of parseWast(readFileSync(join(SUITE, file), 'utf8'), { file }).commands) {
    if (c.type !== 'module' || c.module.kind === 'quote' || c.module.bytes === undefined) continue;
    out.push(c.module.bytes);
  }
  return out;
}

function decode(bytes: Uint8Array): Module | null {
  try {
    return decodeModule(bytes, { features: FEATURES });
  } catch {
    return null;
  }
}

/** A context that renumbers nothing and inserts nothing. */
function identity(module: Module): RewriteContext {
  const plain = plainOperators({
    renumberFuncs: false,
    renumberGlobals: false,
    fuel: false,
    growHooks: false,
    truncCheck: false,
    plainControl: true,
  });
  return {
    module,
    func: (f) => f,
    global: (g) => g,
    fuelCost: null,
    fuelGlobal: -1,
    outOfFuelFunc: -1,
    pendingGlobal: -1,
    epochGlobal: -1,
    deadlineGlobal: -1,
    newEpochFunc: -1,
    epochEntry: null,
    silentIndirect: null,
    bodyShapes: null,
    depthGlobal: -1,
    stackOverflowFunc: -1,
    maxCallDepth: 0,
    memoryGrowFunc: [],
    tableGrowFunc: [],
    trapFunc: -1,
    indirectNullCheck: false,
    indexGlobal: -1,
    instanceGlobal: -1,
    instanceIdGlobal: -1,
    epochPoll: false,
    hints: null,
    truncNaNCheck: false,
    resultBlockType: () => {},
    plain,
    plainCost: null,
    threaded: null,
    threadExtras: 0,
    plainThreaded: plain,
    plainClean: plain,
    plainThreadedClean: plain,
    atomicWaits: null,
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// with the threads proposal's atomics (memory.atomic.wait32/64, rewritten by `isolateAtomicWaits`)
const files = [...readdirSync(SUITE).filter((f) => f.endsWith('.wast')), join('proposals', 'threads', 'atomic.wast')];

describe('the spec suite through the instrumenter', () => {
  it('re-encodes and validates every module', () => {
    let modules = 0;
    let nodeChecked = 0;
    let sites = 0;
    let scannedShapes = 0;
    const offsetMismatches: string[] = [];
    for (const file of files) {
      for (const bytes of modulesOf(file)) {
        const module = decode(bytes);
        if (module === null) continue;
        modules++;
        // the walker alone reproduces every body
        module.bodies.forEach((body, i) => {
          const w = new ByteWriter();
          rewriteBody(identity(module), module.numImportedFuncs + i, body, w, new OffsetPairs());
          expect(w.finish(), `${file}: body ${i}`).toEqual(module.bytes.subarray(body.range.start, body.range.end));
        });
        expect(instrumentModule(module).bytes).toBe(bytes);
        // from the validator's sites: the walk's bytes and offset map
        const recorded = decodeModule(bytes, { features: FEATURES, recordSites: true });
        sites += recorded.codeSites?.count ?? 0;
        for (const options of NO_CONTROLS) {
          const walked = instrumentModule(recorded, { ...options, forceWalk: true });
          const copied = instrumentModule(recorded, options);
          if (!equalBytes(copied.bytes, walked.bytes)) expect(copied.bytes, file).toEqual(walked.bytes);
          if (options !== NO_CONTROLS[0]) continue;
          for (let o = 0; o < walked.bytes.length; o++)
            if (copied.originalOffset(o) !== walked.originalOffset(o)) {
              offsetMismatches.push(`${file}: offset ${o}`);
              break;
            }
        }
        // the epoch analysis from `scanSites`' sites and shapes: what walking the bodies finds
        const scanned = decodeModule(bytes, { features: FEATURES, recordSites: true, validateBodies: 'lazy' });
        if (scanned.codeSites?.shapes !== undefined) scannedShapes++;
        const walkedShapes = new Uint8Array(module.bodies.length);
        const fromSites = new Uint8Array(module.bodies.length);
        const walkedTails = new Set<number>();
        const siteTails = new Set<number>();
        const siteRefs = { funcs: new Set<number>(), complete: true };
        const walkedRefs = { funcs: new Set<number>(), complete: true };
        expect(epochEntryChecks(scanned, fromSites, siteTails, siteRefs), file).toEqual(
          epochEntryChecks(module, walkedShapes, walkedTails, walkedRefs),
        );
        expect(siteRefs, file).toEqual(walkedRefs);
        expect(fromSites, file).toEqual(walkedShapes);
        expect(siteTails, file).toEqual(walkedTails);
        const out = instrumentModule(module, ALL).bytes;
        expect(equalBytes(instrumentModule(scanned, ALL).bytes, out), file).toBe(true);
        expect(() => decodeModule(out, { features: FEATURES }), file).not.toThrow();
        if (WA.validate(bytes)) {
          nodeChecked++;
          expect(WA.validate(out), file).toBe(true);
        }
      }
    }
    expect(modules).toBeGreaterThan(1000);
    expect(nodeChecked).toBeGreaterThan(500);
    expect(sites).toBeGreaterThan(1500);
    expect(scannedShapes).toBe(modules);
    expect(offsetMismatches).toEqual([]);
  });
});

// ---- behaviour and fuel against the JS backend, on modules without imports ----

const BEHAVIOUR = [
  'i32.wast',
  'i64.wast',
  'call_indirect.wast',
  'loop.wast',
  'block.wast',
  'br_if.wast',
  'br.wast',
  'call.wast',
  'return.wast',
  'if.wast',
  'fac.wast',
  'left-to-right.wast',
  'return_call.wast',
  'select.wast',
  'local_tee.wast',
  'unwind.wast',
  'switch.wast',
  'labels.wast',
  'forward.wast',
  'func_ptrs.wast',
  'stack.wast',
  'nop.wast',
  'conversions.wast',
  'int_exprs.wast',
  'legacy/try_delegate.wast',
  'legacy/rethrow.wast',
  'legacy/throw.wast',
];

function jsArg(v: WastValue): unknown {
  switch (v.type) {
    case 'i32':
    case 'i64':
      return v.value;
    case 'f32':
      return floatNumber(HELPERS.f32FromBits(v.bits));
    case 'f64':
      return floatNumber(HELPERS.f64FromBits(BigInt.asIntN(64, v.bits)));
    default:
      return undefined;
  }
}

type Outcome = { ok: true; value: string } | { ok: false };

function call(fn: (...a: unknown[]) => unknown, args: unknown[]): Outcome {
  try {
    const v = fn(...args);
    // a NaN kept as bits (the JS backend's NaNBits) prints as the NaN it is
    const str = (x: unknown) =>
      x instanceof NaNBits
        ? 'NaN'
        : x !== null && (typeof x === 'object' || typeof x === 'function')
          ? 'ref'
          : String(x);
    return { ok: true, value: Array.isArray(v) ? v.map(str).join(',') : str(v) };
  } catch {
    return { ok: false };
  }
}

describe.each(BEHAVIOUR)('%s: the same results and fuel as the JS backend', (file) => {
  // epochPoll: the countdown far away (the checks and their stores around calls run, the hook never)
  it.each([false, true])('runs every action (epochPoll %s)', (epochPoll) => {
    const commands = parseWast(readFileSync(join(SUITE, file), 'utf8'), { file }).commands;
    let wasm: Record<string, any> | null = null;
    let js: Record<string, any> | null = null;
    let fuel: { value: any } | null = null;
    let depth: { value: any } | null = null;
    let compared = 0;
    for (const c of commands) {
      if (c.type === 'module') {
        wasm = js = null;
        if (c.module.kind === 'quote' || c.module.bytes === undefined || c.definition) continue;
        const bytes = c.module.bytes;
        const module = decode(bytes);
        if (module === null || !WA.validate(bytes)) continue;
        // spectest's functions are no-ops; other imports are not provided
        if (module.imports.some((i) => i.module !== 'spectest' || i.type.kind !== 'func')) continue;
        const spectest: Record<string, () => void> = Object.create(null);
        for (const i of module.imports) spectest[i.name] = () => {};
        const inst = instrumentModule(module, { ...ALL, epochPoll });
        fuel = new WA.Global({ value: 'i64', mutable: true }, -1_000_000_000n);
        depth = new WA.Global({ value: 'i32', mutable: true }, 0);
        const wasmts = {
          fuel,
          call_depth: depth,
          epoch: new WA.Global({ value: 'i64', mutable: true }, 0n),
          epoch_deadline: new WA.Global({ value: 'i64', mutable: true }, 1n),
          epoch_countdown: new WA.Global({ value: 'i64', mutable: true }, 1n << 40n),
          new_epoch: () => {
            throw new Error('interrupt');
          },
          stack_overflow: () => {
            throw new Error('call stack exhausted');
          },
          out_of_fuel: () => {
            throw new Error('all fuel consumed');
          },
        };
        try {
          wasm = new WA.Instance(new WA.Module(inst.bytes), { wasmts, spectest }).exports;
          limits.fuelConsumed = -1e9;
          js = instantiateBytes(bytes, (_m, n) => spectest[n], { tunables: { consumeFuel: true } });
        } catch (e) {
          if (process.env.DEBUG) console.log(file, c.line, e);
          wasm = js = null;
        }
        continue;
      }
      if (
        c.type !== 'assert_return' &&
        c.type !== 'assert_trap' &&
        c.type !== 'assert_exception' &&
        c.type !== 'action'
      )
        continue;
      const action: WastAction = c.action;
      if (wasm === null || js === null || fuel === null || action.type !== 'invoke' || action.module !== undefined)
        continue;
      const args = action.args.map(jsArg);
      if (args.includes(undefined) || typeof wasm[action.name] !== 'function') continue;
      fuel.value = -1_000_000_000n;
      (depth as { value: number }).value = 0;
      limits.fuelConsumed = -1e9;
      const a = call(wasm[action.name], args);
      const b = call(js[action.name], args);
      const where = `${file}:${c.line} ${action.name}`;
      expect(a.ok, where).toBe(b.ok);
      if (a.ok && b.ok) expect(a.value, where).toBe(b.value);
      if (a.ok) expect(depth?.value, where).toBe(0);
      expect(Number(fuel.value + 1_000_000_000n), where).toBe(limits.fuelConsumed + 1e9);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

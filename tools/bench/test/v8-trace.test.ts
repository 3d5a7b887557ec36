import { describe, expect, it } from 'vitest';
import { CONFIG_MARKER, parseTrace, RUN_MARKER, splitConfigs, summarizeTrace } from '../src/v8-trace.js';

// lines as Node 20 (V8 11.3) prints them with --trace-opt --trace-deopt
const TRACE = [
  `${CONFIG_MARKER}native`,
  `${RUN_MARKER}0`,
  `${CONFIG_MARKER}js`,
  '[completed compiling 0x1 <JSFunction body (sfi = 0x2)> (target TURBOFAN) - took 0.010, 800.000, 0.400 ms]',
  '[completed compiling 0x1 <JSFunction f12 (sfi = 0x2)> (target TURBOFAN) - took 0.010, 10.000, 0.500 ms]',
  `${RUN_MARKER}0`,
  '[compiling method 0x3 <JSFunction f22$o0 (sfi = 0x4)> (target TURBOFAN), mode: ConcurrencyMode::kConcurrent]',
  '[completed compiling 0x3 <JSFunction f22$o0 (sfi = 0x4)> (target TURBOFAN) - took 0.014, 141.000, 0.116 ms]',
  '[bailout (kind: deopt-eager, reason: Insufficient type feedback for binary operation): begin. deoptimizing 0x3 <JSFunction f22$o0 (sfi = 0x4)>, 0x5 <Code TURBOFAN>, opt id 420, bytecode offset 13938]',
  '[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x6 <JSFunction piece (sfi = 0x7)>, 0x8 <Code TURBOFAN>]',
  `${RUN_MARKER}1`,
  '[completed compiling 0x3 <JSFunction f22$o0 (sfi = 0x4)> (target TURBOFAN) OSR - took 0.010, 2300.000, 0.800 ms]',
  '[completed compiling 0x9 <JSFunction f64ToBits (sfi = 0xa)> (target TURBOFAN) - took 0.010, 1.000, 0.030 ms]',
].join('\n');

describe('V8 trace summary (pnpm bench warmup --v8-trace)', () => {
  const configs = splitConfigs(TRACE);

  it('splits the trace by configuration and by run', () => {
    expect(configs.map(([c]) => c)).toEqual(['native', 'js']);
    const runs = parseTrace(configs[1][1]);
    expect(runs.map((r) => r.run)).toEqual([-1, 0, 1]);
  });

  it('keeps only generated functions (not wasmts code such as `body`, `piece` or `f64ToBits`)', () => {
    const runs = parseTrace(configs[1][1]);
    expect(runs[0].compiles.map((c) => c.name)).toEqual(['f12']);
    expect(runs[1].compiles.map((c) => [c.name, c.osr])).toEqual([['f22$o0', false]]);
    expect(runs[1].compiles[0].ms).toBeCloseTo(141.13, 6);
    expect(runs[1].deopts).toEqual([
      { name: 'f22$o0', kind: 'deopt-eager', reason: 'Insufficient type feedback for binary operation' },
    ]);
    expect(runs[2].compiles.map((c) => [c.name, c.osr])).toEqual([['f22$o0', true]]);
    expect(runs[2].compiles[0].ms).toBeCloseTo(2300.81, 6);
  });

  it('counts a function compiled twice', () => {
    const lines = summarizeTrace(parseTrace(configs[1][1]));
    expect(lines[1]).toContain('warm-up: 1 TurboFan compiles of generated code (0 OSR), 141 ms');
    expect(lines[1]).toContain('1 deopts: f22$o0 "Insufficient type feedback for binary operation"');
    expect(lines[2]).toContain('run 1: 1 TurboFan compiles of generated code (1 OSR), 2301 ms');
    expect(lines[3]).toContain('compiled more than once: 1 functions');
    expect(lines[3]).toContain('f22$o0 x2 2442 ms');
  });
});

// Outlining (src/outline.ts, README.md "Outlining"): a body that is one large loop, too long for V8's optimizing
// tier and without a point to split it, gets its largest closed statements moved into closures. as-sha256's SIMD
// build has such a loop: a br_table over 64 nested blocks per message word, whose default branches out of the loop.
// Each function here runs outlined (a small limit) against Node's WebAssembly and against the whole function, with
// fuel and epochs too, and traps name the wasm function.

import { parseWat } from '@wasmts/wat';
import { afterEach, describe, expect, it } from 'vitest';
import { type CompiledModule, funcIndexOfFrameName } from '../src/index.js';
import { OUTLINE_FACTOR } from '../src/limits.js';
import { type Outlined, type OutlineFunction, outline } from '../src/outline.js';
import { epoch, instantiateBytes, instantiateCompiled, lastCompiled, limits, resetLimits } from './harness.js';
import { WA } from './simd/oracle.js';

/** `(block ... (br_table ...))` over `n` cases: case k loads the v128 at 16 * k from `$p`; the default leaves `$out`. */
function dispatch(n: number, index: string, out: string): string {
  const labels = Array.from({ length: n }, (_, k) => `$c${k}`);
  let code = `(br_table ${labels.join(' ')} ${out} ${index})`;
  for (let k = 0; k < n; k++)
    code = `(block $c${k} ${code})
      (local.set $t (v128.load offset=${16 * k} (local.get $p)))
      (br $got)`;
  return `(block $got ${code})`;
}

/** `n` statements of i32 arithmetic on `$x`. */
const arithmetic = (n: number) =>
  Array.from(
    { length: n },
    (_, k) => `(local.set $x (i32.add (i32.mul (local.get $x) (i32.const ${k + 3})) (local.get $d)))`,
  ).join('\n');

const WAT = `(module
  (memory (export "mem") 1)
  (func $round (export "round") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $t v128) (local $acc v128) (local $s i32)
    (local.set $acc (v128.const i32x4 1 2 3 4))
    (block $out
      (loop $next
        (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
        ${dispatch(12, '(i32.rem_u (local.get $i) (i32.const 13))', '$out')}
        (local.set $acc (i32x4.add (i32x4.mul (local.get $acc) (i32x4.splat (i32.const 3))) (local.get $t)))
        (local.set $acc (i8x16.shuffle 4 5 6 7 8 9 10 11 12 13 14 15 0 1 2 3 (local.get $acc) (local.get $acc)))
        ;; an odd iteration skips the rest of the body from inside a nested block
        (block $skip
          ${dispatch(12, '(i32.and (local.get $i) (i32.const 7))', '$skip')}
          (br_if $skip (i32.and (local.get $i) (i32.const 1)))
          (local.set $acc (v128.xor (local.get $acc) (local.get $t))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; a value carried out of a nested block by a branch past it
    (local.set $s
      (block $v (result i32)
        (drop (br_if $v (i32.const 99) (i32.eq (local.get $n) (i32.const 5))))
        (i32x4.extract_lane 1 (local.get $acc))))
    (v128.store (i32.const 1024) (local.get $acc))
    (i32.add (local.get $s) (local.get $i)))
  (func (export "divide") (param $p i32) (param $d i32) (result i32)
    (local $x i32)
    (local.set $x (local.get $p))
    ;; one loop (no point to split the body at) with two large statements
    (loop $once
      (if (i32.ne (local.get $p) (i32.const 1000))
        (then ${arithmetic(30)} (local.set $x (i32.div_u (local.get $x) (local.get $d)))))
      (if (i32.ne (local.get $p) (i32.const 1001)) (then ${arithmetic(30)})))
    (local.get $x)))`;
export const bytes = parseWat(WAT);
export const OUTLINE_WAT = WAT;
const SMALL = { splitChars: 600 };
// the sizes below were set on the indented text (`indent`), as the lengths the tests measure
const WHOLE = { splitChars: 1e9, indent: true };

function fill(buffer: ArrayBuffer): void {
  const words = new Int32Array(buffer, 0, 64 * 4);
  for (let i = 0; i < words.length; i++) words[i] = Math.imul(i + 1, 0x9e3779b1);
}

afterEach(() => {
  resetLimits();
  epoch[0] = 0;
});

describe('outlined statements', () => {
  it('move the large statements of a loop into closures', () => {
    const js = instantiateBytes(bytes, () => undefined, SMALL);
    const closures = js.$source.match(/function f0\$o\d+\(/g) ?? [];
    expect(closures.length).toBeGreaterThanOrEqual(2);
    // the jumps out of a closure: the default of the dispatch leaves the loop
    expect(js.$source).toMatch(/oc = f0\$o\d+\([^)]*\);[^\n]* switch \(oc\) \{ case 1: break L\d+; \}/);
    const whole = instantiateBytes(bytes, () => undefined, WHOLE);
    expect(whole.$source).not.toMatch(/\$o\d+/);
  });

  it('leave a body within OUTLINE_FACTOR times the split limit whole', () => {
    // outlined code is slower than the whole (x25519's ladder ran twice as slow outlined into closures); `round` is
    // one loop (no point to split it at)
    const whole = instantiateBytes(bytes, () => undefined, WHOLE).$source as string;
    const start = whole.indexOf('function f0(');
    const length = whole.indexOf('\n}', start) - start;
    const closures = (splitChars: number) =>
      /function f0\$o\d+\(/.test(instantiateBytes(bytes, () => undefined, { splitChars, indent: true }).$source);
    // (the emitted body is a little shorter than its indented text here)
    expect(closures(Math.floor(length / (OUTLINE_FACTOR * 0.8)))).toBe(false);
    expect(closures(Math.floor(length / (OUTLINE_FACTOR * 1.4)))).toBe(true);
  });

  it('bring a function with more variables than V8 names in one byte down to the split limit', () => {
    // one loop of two large ifs: with the limit (1.5 times the split limit) as the target, the larger if is outlined
    // whole, longer than the split limit; with 130 more locals each character makes more bytecode (wider register
    // operands: rapier2d's 190-variable solver outlined 60,000 characters into 71,016 bytes, never optimized), so
    // blocks come down to the split limit
    const wat = (extra: number) =>
      parseWat(`(module (func (export "f") (param $p i32) (param $d i32) (result i32) (local $x i32)
        ${Array.from({ length: extra }, (_, k) => `(local $e${k} i32)`).join(' ')}
        (local.set $x (local.get $p))
        (loop $once
          (if (i32.ne (local.get $p) (i32.const 1000)) (then ${arithmetic(60)}))
          (if (i32.ne (local.get $p) (i32.const 1001)) (then ${arithmetic(56)})))
        (local.get $x)))`);
    const splitChars = 2000;
    const largest = (src: string) => {
      let most = 0;
      for (const m of src.matchAll(/function f0\$o\d+\(/g)) {
        const at = m.index as number;
        most = Math.max(most, src.indexOf('\n}', at) - at);
      }
      return most;
    };
    const few = instantiateBytes(wat(0), () => undefined, { splitChars, indent: true });
    const many = instantiateBytes(wat(130), () => undefined, { splitChars, indent: true });
    // (an outlined function is its run, at most the target, plus its exit block, hand-back and indentation)
    expect(largest(few.$source)).toBeGreaterThan(splitChars * 1.25);
    expect(largest(many.$source)).toBeGreaterThan(0);
    expect(largest(many.$source)).toBeLessThanOrEqual(splitChars * 1.1);
    const whole = instantiateBytes(wat(130), () => undefined, WHOLE);
    for (const [p, d] of [
      [3, 7],
      [1000, 2],
      [1001, 40],
    ])
      expect(many.f(p, d), `f(${p}, ${d})`).toBe(whole.f(p, d));
  });

  it('compute what Node WebAssembly computes', () => {
    const js = instantiateBytes(bytes, () => undefined, SMALL);
    const native = new WA.Instance(new WA.Module(bytes)).exports as Record<string, any>;
    const mems = [js.mem.buffer as ArrayBuffer, native.mem.buffer as ArrayBuffer];
    for (const m of mems) fill(m);
    for (const [p, n] of [
      [0, 0],
      [0, 5],
      [32, 12],
      [16, 13], // the dispatch's default leaves the loop at i = 12
      [48, 40],
    ]) {
      expect(js.round(p, n), `round(${p}, ${n})`).toBe(native.round(p, n));
      expect([...new Int32Array(mems[0], 1024, 4)]).toEqual([...new Int32Array(mems[1], 1024, 4)]);
    }
    for (const [p, d] of [
      [3, 7],
      [5, 1],
      [1000, 2],
      [1001, 40],
    ])
      expect(js.divide(p, d), `divide(${p}, ${d})`).toBe(native.divide(p, d));
  });

  it('keep fuel and epochs exact', () => {
    const hooks = { tunables: { consumeFuel: true, epochInterruption: true } };
    const run = (options: object) => {
      const e = instantiateBytes(bytes, () => undefined, { ...hooks, ...options });
      fill(e.mem.buffer);
      limits.fuelConsumed = -1e9;
      limits.epochDeadline = 1e15;
      const r = e.round(16, 11);
      const used = limits.fuelConsumed + 1e9;
      // out of fuel in the middle: the same trap with the same fuel left
      limits.fuelConsumed = -Math.floor(used / 3);
      expect(() => e.round(16, 11)).toThrow('all fuel consumed');
      const left = limits.fuelConsumed;
      // an epoch past its deadline interrupts the loop
      limits.fuelConsumed = -1e9;
      limits.epochDeadline = 1;
      epoch[0] = 5;
      expect(() => e.round(16, 11)).toThrow('interrupt');
      return [r, used, left, e.$source.includes('$o')];
    };
    const whole = run(WHOLE);
    const outlined = run(SMALL);
    expect(outlined[3]).toBe(true);
    expect(outlined.slice(0, 3)).toEqual(whole.slice(0, 3));
  });

  it('keep fuel exact wherever a run boundary falls near a call (the counter handed over and reloaded)', () => {
    // a loop of statements between calls: a call hands the fuel counter over on one line and reloads it on another
    // (README.md, "Fuel and epochs in locals"); a run that began or ended between the two stored a stale count at
    // its entry or exit and lost fuel (binaryen fuzz seeds 140448 and others with a 300-character split limit)
    const stmts = Array.from({ length: 24 }, (_, k) =>
      k % 3 === 2
        ? `(local.set $x (i32.add (local.get $x) (call $f (local.get $x))))`
        : `(local.set $x (i32.xor (i32.mul (local.get $x) (i32.const ${k + 3})) (local.get $i)))`,
    ).join('\n');
    const wat = `(module
      (import "env" "log" (func $log (param i32)))
      (func $f (param $a i32) (result i32) (call $log (local.get $a)) (i32.add (local.get $a) (i32.const 7)))
      (func (export "run") (param $n i32) (result i32) (local $i i32) (local $x i32)
        (loop $l
          ${stmts}
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $x)))`;
    const bytes = parseWat(wat);
    const hooks = { tunables: { consumeFuel: true, epochInterruption: true } };
    const run = (splitChars: number) => {
      let logged = 0;
      const e = instantiateBytes(bytes, () => () => void logged++, { ...hooks, splitChars, inline: false });
      limits.fuelConsumed = -1e9;
      limits.epochDeadline = 1e15;
      const r = e.run(5);
      return { r, used: limits.fuelConsumed + 1e9, logged, outlined: e.$source.includes('$o') };
    };
    const whole = run(1e9);
    let outlined = 0;
    for (let chars = 120; chars <= 600; chars += 4) {
      const got = run(chars);
      if (got.outlined) outlined++;
      expect({ ...got, outlined: undefined }, `splitChars ${chars}`).toEqual({ ...whole, outlined: undefined });
    }
    expect(outlined).toBeGreaterThan(20);
  });

  it('name the wasm function in the frames of a trap inside a closure', () => {
    const js = instantiateBytes(bytes, () => undefined, { splitChars: 200 });
    expect(js.$source).toMatch(/function f1\$o\d+\(/);
    let stack = '';
    try {
      js.divide(2, 0);
    } catch (e) {
      stack = String((e as Error).stack);
    }
    expect(stack).toContain('integer divide by zero');
    const names = [...stack.matchAll(/at (?:Object\.)?(f[\w$]+) /g)].map((m) => m[1]);
    expect(
      names.some((n) => /^f1\$o\d+$/.test(n)),
      stack,
    ).toBe(true);
    for (const n of names) expect(funcIndexOfFrameName(n), n).toBe(1);
    expect(funcIndexOfFrameName('f7$o3')).toBe(7);
    expect(funcIndexOfFrameName('f7$p$s2$o12')).toBe(7);
    expect(funcIndexOfFrameName('f7$o')).toBe(-1);
  });
});

describe('loops of their own with epochs', () => {
  // two sibling loops of v128 work, over `LOOP_OUTLINE_CHARS` of JS: each becomes a function of its own, its back
  // edges counting down the caller's epoch poll count (`ec`, passed in): an outlined loop that started its own count
  // at -1 went back to its caller's poll after every iteration, reading the epoch counter each time (simd-f32)
  const work = Array.from(
    { length: 24 },
    (_, k) => `(local.set $v (f32x4.add (f32x4.mul (local.get $v) (f32x4.splat (f32.const 1.0${k}))) (local.get $w)))`,
  ).join('\n');
  const loop = (name: string) => `
      (local.set $i (local.get $n))
      (loop $${name}
        ${work}
        (local.set $w (f32x4.sub (local.get $w) (local.get $v)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br_if $${name} (i32.gt_s (local.get $i) (i32.const 0))))`;
  const wat = `(module
    (func (export "run") (param $n i32) (result f32)
      (local $i i32) (local $v v128) (local $w v128)
      (local.set $v (f32x4.splat (f32.const 0.5)))
      (local.set $w (f32x4.splat (f32.const 0.25)))
      ${loop('a')}
      ${loop('b')}
      (f32x4.extract_lane 1 (f32x4.add (local.get $v) (local.get $w)))))`;
  afterEach(resetLimits);

  it('read the epoch counter once per 1,024 back edges, as the loops do inline', () => {
    const bytes = parseWat(wat);
    const hooks = { tunables: { epochInterruption: true } };
    let reads = 0;
    const counter = {
      get 0() {
        reads++;
        return 0;
      },
      length: 1,
    };
    limits.epochDeadline = 1e15;
    instantiateBytes(bytes, () => undefined, hooks);
    const compiled = lastCompiled as CompiledModule;
    expect(compiled.source).toMatch(/function f0\$o\d\(.*, ec\)/);
    const run = instantiateCompiled(compiled, () => undefined, counter).run;
    const whole = instantiateBytes(bytes, () => undefined, { ...hooks, splitChars: Number.POSITIVE_INFINITY }).run;
    const n = 5000;
    const expected = new WA.Instance(new WA.Module(bytes)).exports.run as (n: number) => number;
    expect(run(n)).toBe(expected(n));
    expect(whole(n)).toBe(expected(n));
    // 2 x 5,000 back edges: about 10 reads (one per loop entry and per 1,024 back edges), 10,000 before
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(30);
  });
});

describe('outlined statements in pieces', () => {
  // a piece of a split body whose statement is outlined: the `if` leaves an i64 on the stack, in slots that only the
  // closure assigns and the call of the next piece passes on (found by the fuzzer, `--gen simd`, with a small limit)
  const tail = parseWat(`(module
    (func (export "tail") (param $a i32) (param $d i32) (result i64) (local $x i32)
      ;; no cut inside the block: the piece of the \`if\` and the loop is longer than the limit, so the \`if\` goes
      (block (result i64)
        (if (result i64) (local.get $a)
          (then (i64.add (i64.extend_i32_u (i32.mul (local.get $a) (local.get $d))) (i64.const 38)))
          (else (i64.const -6452683846431045493)))
        (loop $l ${arithmetic(12)} (br_if $l (i32.eq (local.get $x) (i32.const 12345)))))
      (i64.extend_i32_u (local.get $x))
      i64.add))`);

  it.each([
    ['plain', {}],
    ['with fuel and epochs', { tunables: { consumeFuel: true, epochInterruption: true } }],
  ])('pass on what the closure computed (%s)', (_, hooks) => {
    limits.fuelConsumed = -1e9;
    limits.epochDeadline = 1e15;
    const js = instantiateBytes(tail, () => undefined, { ...hooks, splitChars: 300, indent: true });
    expect(js.$source).toMatch(/function f0\$p\$o\d+\(/);
    expect(js.$source).toMatch(/function f0\$p\$s\d+\(/);
    const native = new WA.Instance(new WA.Module(tail)).exports as Record<string, any>;
    for (const [a, d] of [
      [0, 0],
      [5, 3],
      [-1, 77],
    ])
      expect(js.tail(a, d), `tail(${a}, ${d})`).toBe(native.tail(a, d));
  });
});

describe('outline', () => {
  const RET = '\u0002return';
  const VARS = ['l0', 'l1', 'l2', 's0', 'st', 'oc'];
  let n = 0;
  const fn = (limit: number, target = limit): OutlineFunction => ({
    limit,
    target,
    vars: new Set(VARS),
    fresh: new Set(VARS.filter((v) => v !== 'l0')),
    own: new Set(['oc']),
    ret: RET,
    dropped: '\u0000',
    handOver: '',
    reload: '',
    name: () => `f0$o${n++}`,
    length: (l) => l.length,
  });
  /** `n` statements mixing `l1` and `l2`. */
  const work = (n: number, k: number, indent = '      ') =>
    Array.from(
      { length: n },
      (_, i) => `${indent}l1 = (Math.imul(l1, ${31 + k}) + ${i} + l2) | 0; l2 = (l2 ^ l1) | 0;`,
    );
  /** The last line of each function: what it returns (so `l1` and `l2` are live to the end). */
  const END = `  ${RET} [l1, l2];`;
  /** The function `f0(l0)` of `lines` and of the outlined functions, as JS (H.O their scratch array). */
  const build = (lines: readonly string[], made: readonly Outlined[]) => {
    const decl = (params: readonly string[]) => {
      const own = VARS.filter((v) => !params.includes(v));
      return own.length > 0 ? `  let ${own.map((v) => `${v} = 0`).join(', ')};` : '';
    };
    const body = (ls: readonly string[]) => ls.filter((l) => l !== '\u0000').map((l) => l.replaceAll(RET, 'return'));
    const src = [
      `function f0(l0) {\n${decl(['l0'])}\n${body(lines).join('\n')}\n}`,
      ...made.map(
        (o) => `function ${o.name}(${o.params.join(', ')}) {\n${decl(o.params)}\n${body(o.lines).join('\n')}\n}`,
      ),
    ].join('\n');
    return { src, f0: new Function('H', `${src}\nreturn f0;`)({ O: [] }) as (n: number) => unknown };
  };

  it('turns branches and returns out of a run into exit codes, a returned value through H.O', () => {
    const lines = [
      '  L0: for (;;) {',
      '    L1: {',
      '      if (l0 === 3) {',
      ...work(20, 1, '        '),
      `        ${RET} [l1, -1];`,
      '      }',
      ...work(20, 2),
      '      if (l1 & 1) break L1;',
      ...work(20, 3),
      '      if (l0 > 5) break L0;',
      '    }',
      '    l0 = (l0 + 1) | 0;',
      '    if (l0 > 9) break L0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(800));
    expect(made.length).toBeGreaterThan(1);
    const out = build(outlinedLines, made);
    expect(out.src).toContain('H.O[0] = [l1, -1];');
    expect(out.src).toMatch(/switch \(oc\) \{ case 1: [^}]*return H\.O\[0\];/);
    expect(out.src).toMatch(/break ZO;/);
    for (const n of [0, 3, 4, 6, 8, 12]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('brings each block and each outlined function down to the target, not to the limit that started it', () => {
    // one loop of 60 statements (about 3,500 characters) with the limit at 2,000 and the target at 1,000: before the
    // target, a run of up to 2,000 characters was outlined whole (rapier2d's f32 solver: an outlined function of
    // 60,000 characters, 71,016 bytes of V8 bytecode, over the limit V8 optimizes)
    const lines = [
      '  L0: for (;;) {',
      ...work(60, 4, '    '),
      '    l0 = (l0 + 1) | 0;',
      '    if (l0 > 7) break L0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(2000, 1000));
    expect(made.length).toBeGreaterThan(1);
    const size = (ls: readonly string[]) => ls.filter((l) => l !== '\u0000').reduce((n, l) => n + l.length + 1, 0);
    // an outlined function: its run (at most the target) plus its exit block and hand-back lines
    for (const o of made) expect(size(o.lines), o.name).toBeLessThan(1000 + 200);
    expect(size(outlinedLines)).toBeLessThanOrEqual(1000);
    const out = build(outlinedLines, made);
    for (const n of [0, 5, 9]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('keeps a dispatch (a loop around a br_table’s switch) in place and outlines the case bodies instead', () => {
    // an interpreter's loop: 20 nested blocks, the innermost a switch on `l0` to them, each block's end followed by
    // its case body, which uses only `l1` and `l2` and goes back to the loop. Before, the blocks holding the switch
    // were outlined whole: every dispatch called a function with every variable of any case, and got them back
    const cases = 20;
    const lines = ['  L0: for (;;) {', '    l0 = (l0 + 7) % 23;', '    if (l0 === 22) break L0;'];
    for (let k = cases; k >= 1; k--) lines.push(`    L${k}: {`);
    lines.push('      switch (l0) {');
    for (let k = 0; k < cases; k++) lines.push(`        case ${k}:`, `          break L${k + 1};`);
    lines.push('        default:', '          break L0;', '      }');
    for (let k = 1; k <= cases; k++) lines.push('    }', ...work(6 + (k % 5), k, '    '), '    continue L0;');
    lines.push('  }', END);
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(6000));
    expect(made.length).toBeGreaterThan(1);
    const size = (ls: readonly string[]) => ls.filter((l) => l !== '\u0000').reduce((n, l) => n + l.length + 1, 0);
    expect(size(outlinedLines)).toBeLessThanOrEqual(6000);
    // the switch stays in the function; each outlined function is a case body with its two variables
    expect(outlinedLines.join('\n')).toContain('switch (l0) {');
    for (const o of made) {
      expect(o.lines.join('\n'), o.name).not.toContain('switch (l0)');
      expect(o.params, o.name).toEqual(['l1', 'l2']);
    }
    const out = build(outlinedLines, made);
    for (const n of [0, 1, 5, 21]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('outlines each loop that has a sibling loop, inner loops first, under the limit (`loops`)', () => {
    // simd-f32's shape: an outer loop whose body runs two loops one after the other, after a loop at the top level;
    // the limit is not reached (nothing else is outlined), but each of these loops becomes a function of its own, so
    // V8 compiles each with its own feedback rather than the whole function again at each loop it enters by OSR
    const inner = (label: string, k: number) => [
      `    ${label}: for (;;) {`,
      ...work(20, k),
      '      l0 = (l0 + 1) | 0;',
      `      if (l0 & 7) continue ${label};`,
      `      break ${label};`,
      '    }',
    ];
    const lines = [
      '  L0: for (;;) {',
      ...work(20, 1, '    '),
      '    if (l2 & 1) break L0;',
      '    l2 = (l2 + 1) | 0;',
      '  }',
      '  L1: for (;;) {',
      ...inner('L2', 2),
      '    if (l1 & 1) l2 = (l2 + 3) | 0;',
      ...inner('L3', 3),
      '    if (l0 > 40) break L1;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    // over `loops`, under the limit
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, { ...fn(100_000), loops: 1000 });
    const text = outlinedLines.filter((l) => l !== '\u0000').join('\n');
    // L2 and L3 inside L1 first, then L0; L1, now two calls and a few lines (under the 1,000 characters a run must
    // have), stays
    expect(made.map((o) => o.lines.find((l) => /L\d: for/.test(l))?.trim())).toEqual([
      'L2: for (;;) {',
      'L3: for (;;) {',
      'L0: for (;;) {',
    ]);
    expect(text.match(/for \(;;\)/g)).toEqual(['for (;;)']);
    expect(text).toContain(`${made[0].name}(`);
    expect(text).toContain(`${made[1].name}(`);
    const out = build(outlinedLines, made);
    for (const n of [0, 1, 5, 33]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
    // a loop alone in its loop body stays: one loop, or a function under `loops`
    const alone = [...lines.slice(0, 5), END];
    expect(outline([...alone], { ...fn(100_000), loops: 100 })).toEqual([]);
    expect(outline([...lines], { ...fn(100_000), loops: 100_000 })).toEqual([]);
  });

  it('passes only what a run reads before writing, and hands back only what is live after it', () => {
    // each statement of the runs writes `l2` before reading it, and `l2` is written again before anything reads it
    // after them: it is neither passed nor handed back; `l1` is read first and read again at the loop's head
    const lines = [
      '  L0: for (;;) {',
      '    if (l1 === 12345) break L0;',
      '    L1: {',
      ...Array.from({ length: 30 }, (_, i) => `      l2 = (Math.imul(l1, ${31 + i}) + l0) | 0; l1 = (l1 ^ l2) | 0;`),
      '    }',
      '    l2 = 7;',
      '    l0 = (l0 + 1) | 0;',
      '    if (l0 > 9) break L0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(600));
    expect(made.length).toBeGreaterThan(0);
    for (const o of made) {
      expect(o.params).toContain('l1');
      expect(o.params).not.toContain('l2');
      expect(o.lines.join('\n')).not.toMatch(/H\.O\[\d+\] = l2;/);
    }
    expect(outlinedLines.join('\n')).not.toMatch(/l2 = H\.O/);
    expect(outlinedLines.join('\n')).toMatch(/l1 = H\.O\[1\]/);
    const out = build(outlinedLines, made);
    for (const n of [0, 4, 9, 11]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('passes a variable a run writes on some paths only, when it is live after the run', () => {
    // `l2` is written only when `l0` is odd and read after the run: the run must start from its value
    const lines = [
      '  L0: for (;;) {',
      '    L1: {',
      ...Array.from({ length: 20 }, (_, i) =>
        i % 5 === 2
          ? [`      if (l0 & 1) {`, `        l2 = (Math.imul(l1, ${31 + i}) + 5) | 0;`, '      }']
          : [`      l1 = (Math.imul(l1, ${7 + i}) + l0) | 0;`],
      ).flat(),
      '    }',
      '    l1 = (l1 + l2) | 0;',
      '    l0 = (l0 + 1) | 0;',
      '    if (l0 > 6) break L0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(500));
    expect(made.length).toBeGreaterThan(0);
    const out = build(outlinedLines, made);
    for (const n of [0, 1, 2, 5]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('leaves runs with an unlabeled jump where they are', () => {
    for (const exit of ['break;', 'continue;']) {
      const lines = ['  L0: for (;;) {', '    for (;;) {', ...work(40, 1), `      if (l1 & 1) ${exit}`, '    }', '  }'];
      const outlinedLines = [...lines];
      const made = outline(outlinedLines, fn(400));
      // the runs of plain statements go; the one holding the jump stays in the body
      expect(made.length).toBeGreaterThan(0);
      for (const o of made) expect(o.lines.join('\n')).not.toContain(exit);
      expect(outlinedLines.join('\n')).toContain(exit);
    }
  });

  it('outlines runs of a flat region’s cases, each dispatching its own cases', () => {
    const lines = [
      '  st = 0;',
      '  S0: for (;;) switch (st) {',
      '  case 0:',
      ...work(10, 1, '    '),
      '  case 1:',
      ...work(10, 2, '    '),
      '    if (l0 & 1) { st = 4; continue S0; }',
      '  case 2:',
      ...work(10, 3, '    '),
      '    l0 = (l0 + 2) | 0;',
      '    if (l0 < 8) { st = 1; continue S0; }',
      '  case 3:',
      ...work(10, 4, '    '),
      '  case 4:',
      ...work(10, 5, '    '),
      '    break S0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(1000));
    expect(made.length).toBeGreaterThan(1);
    const out = build(outlinedLines, made);
    expect(out.src).toMatch(/SQ: for \(;;\) \{/);
    for (const n of [0, 1, 2, 5, 6, 9]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('outlines runs of a flat region’s outlined cases again while their calls alone are over the target', () => {
    // a flat region holding a dispatch (Go's functions: a switch on the resumption point, then hundreds of cases)
    // whose case bodies were outlined and whose calls are still over the target: runs of those calls are outlined
    // again, each dispatching its own cases. Before, a case's call was no run's start, so the region stayed whole and
    // was outlined whole (esbuild: 34 functions of 61,000-326,000 characters, which V8 never optimized)
    const cases = 40;
    const lines = ['  st = 0;', '  S0: for (;;) switch (st) {', '  case 0:', '    switch (l0 & 31) {'];
    for (let k = 0; k < 20; k++) lines.push(`    case ${k}:`, `      st = ${1 + ((k * 7) % cases)}; continue S0;`);
    lines.push('    default:', '      break S0;', '    }');
    for (let k = 1; k <= cases; k++)
      lines.push(
        `  case ${k}:`,
        ...work(12, k, '    '),
        k === cases ? '    break S0;' : `    if ((l1 & 3) === 0) { st = ${1 + ((k * 3) % cases)}; continue S0; }`,
      );
    lines.push('  }', END);
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(2000));
    const size = (ls: readonly string[]) => ls.filter((l) => l !== '\u0000').reduce((n, l) => n + l.length + 1, 0);
    expect(size(lines)).toBeGreaterThan(30_000);
    expect(made.length).toBeGreaterThan(cases / 2);
    expect(size(outlinedLines)).toBeLessThanOrEqual(2000);
    // a run of calls: its cases' labels and calls, its dispatch and hand-back lines
    for (const o of made) expect(size(o.lines), o.name).toBeLessThan(2000 + 500);
    expect(made.filter((o) => o.lines.some((l) => /^\s*case \d+: .*oc = f0\$o\d+\(/.test(l))).length).toBeGreaterThan(
      0,
    );
    const out = build(outlinedLines, made);
    for (const n of [0, 3, 7, 12, 19, 25]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });

  it('keeps a run that mentions a handler’s exception with its handler (the run could not see it)', () => {
    const lines = [
      '  L0: for (;;) {',
      '    try {',
      '      if (l0 === 2) throw { v: l0 };',
      ...work(20, 1),
      '    } catch (eL2) {',
      '      if (eL2.v === 2) {',
      ...work(20, 2, '        '),
      '        l1 = (l1 + eL2.v) | 0;',
      '      }',
      '    }',
      ...work(20, 3, '    '),
      '    l0 = (l0 + 1) | 0;',
      '    if (l0 > 4) break L0;',
      '  }',
      END,
    ];
    const whole = build(lines, []);
    const outlinedLines = [...lines];
    const made = outline(outlinedLines, fn(600));
    expect(made.length).toBeGreaterThan(0);
    for (const o of made) if (o.lines.join('\n').includes('eL2')) expect(o.lines.join('\n')).toContain('catch (eL2)');
    const out = build(outlinedLines, made);
    for (const n of [0, 2, 3]) expect(out.f0(n), `f0(${n})`).toEqual(whole.f0(n));
  });
});

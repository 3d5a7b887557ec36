// i64 code on pairs (src/pairs.ts, translate.ts) against the host's own WebAssembly, operator by operator: the
// multiply (its high word through a float64 product, README.md "i64 as pairs"), with operands whose high words are
// known to be 0 (zero-extensions, masks, shifts, locals holding them) and constants folded into the template; the
// facts about locals' high words across blocks, ifs, loops and tees; shifts and rotations by every constant count.
// The values include the products where the float64 product rounds across a power of two.
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../src/index.js';
import { instantiate } from './harness.js';

declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, (...args: unknown[]) => unknown> };
};

const W = (x: bigint) => BigInt.asIntN(64, x);
type Exports = Record<string, (...args: unknown[]) => unknown>;

/** i64 edge values, the float64 tie cases of a 32x32 product, and seeded random ones. */
function values(): bigint[] {
  const words = [0n, 1n, 2n, 3n, 19n, 0xffffn, 0x10000n, 0x1fffffn, 0x200000n, 0x200001n, 0x7fffffffn, 0x80000000n];
  words.push(0x80000001n, 0xfffffffdn, 0xfffffffen, 0xffffffffn, 0xdeadbeefn, 0x9e3779b1n);
  // times 0x200279 (above 2^21, CONSTANTS) 2^32 * 2097696 - 1, which a float64 rounds up to the next high word
  words.push(0xfffd3837n);
  const out = new Set<bigint>();
  for (const w of words) {
    out.add(w);
    out.add(W(w << 32n));
    out.add(W((w << 32n) | 0xffffffffn));
    out.add(W(-w));
  }
  out.add(-(2n ** 63n));
  out.add(2n ** 63n - 1n);
  out.add(0x0007ffffffffffffn); // a 51-bit limb (ed25519's field elements)
  let seed = 0x2545f4914f6cdd1dn;
  for (let i = 0; i < 24; i++) {
    seed = BigInt.asUintN(64, seed * 6364136223846793005n + 1442695040888963407n);
    out.add(W(seed));
    out.add(W(seed >> BigInt(i + 8))); // fewer significant bits
  }
  return [...out];
}
const VALUES = values();
const I32 = (v: bigint) => Number(BigInt.asIntN(32, v));

/** Both instances of one module: the host's WebAssembly and wasmts's JS backend. */
function both(wat: string): [Exports, Exports] {
  const native = new WebAssembly.Instance(new WebAssembly.Module(parseWat(wat)), {}).exports;
  return [native, instantiate(wat)];
}

function agree(native: Exports, js: Exports, name: string, args: unknown[]): void {
  expect(js[name](...args), `${name}(${args.join(', ')})`).toBe(native[name](...args));
}

// (a constant's low word multiplies through its quotient by 2^32, with no correction below 2^21: pairs.ts; 0x1fffff
// and 0x200001 sit on either side of that bound, 0x200279 with a word whose product rounds up; xxhash64's primes)
const CONSTANTS = [
  0n,
  1n,
  19n,
  121665n,
  0x1fffffn,
  0x200001n,
  0x200279n,
  0xfffffffdn,
  0xffffffffn,
  2n ** 32n,
  2n ** 32n + 1n,
  0xc2b2ae3d27d4eb4fn,
  0x85ebca77n,
];
CONSTANTS.push(-1n, -3n, W(0x9e3779b185ebca87n), -(2n ** 63n));

describe('i64 on pairs agrees with the host WebAssembly', () => {
  it('i64.mul (and add, sub, or, xor, and): general, zero- and sign-extended operands, masked and shifted words, constants', () => {
    const consts = CONSTANTS.map(
      (c, i) => `
      (func (export "c${i}") (param i64) (result i64) (i64.mul (local.get 0) (i64.const ${c})))
      (func (export "cu${i}") (param i32) (result i64) (i64.mul (i64.extend_i32_u (local.get 0)) (i64.const ${c})))
      (func (export "cl${i}") (param i64) (result i64) (i64.mul (i64.const ${c}) (local.get 0)))
      (func (export "ca${i}") (param i64) (result i64) (i64.and (local.get 0) (i64.const ${c})))`,
    );
    const [n, j] = both(`(module
      (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
      (func (export "sq") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
      (func (export "slots") (param i64 i64) (result i64)
        (i64.mul (i64.add (local.get 0) (i64.const 1)) (i64.xor (local.get 1) (i64.const 5))))
      (func (export "uu") (param i32 i32) (result i64)
        (i64.mul (i64.extend_i32_u (local.get 0)) (i64.extend_i32_u (local.get 1))))
      (func (export "su") (param i32 i32) (result i64)
        (i64.mul (i64.extend_i32_s (local.get 0)) (i64.extend_i32_u (local.get 1))))
      (func (export "ss") (param i32 i32) (result i64)
        (i64.mul (i64.extend_i32_s (local.get 0)) (i64.extend_i32_s (local.get 1))))
      (func (export "halves") (param i64 i64) (result i64)
        (i64.mul (i64.and (local.get 0) (i64.const 0xffffffff)) (i64.shr_u (local.get 1) (i64.const 32))))
      (func (export "loads") (param i64 i64) (result i64)
        (i64.store (i32.const 8) (local.get 0))
        (i64.store (i32.const 16) (local.get 1))
        (i64.mul (i64.load32_u (i32.const 8)) (i64.load32_u (i32.const 20))))
      (memory 1)
      ${['add', 'sub', 'or', 'xor', 'and']
        .map(
          (op) => `
      (func (export "${op}_ux") (param i32 i64) (result i64) (i64.${op} (i64.extend_i32_u (local.get 0)) (local.get 1)))
      (func (export "${op}_xu") (param i64 i32) (result i64) (i64.${op} (local.get 0) (i64.extend_i32_u (local.get 1))))
      (func (export "${op}_uu") (param i32 i32) (result i64)
        (i64.${op} (i64.extend_i32_u (local.get 0)) (i64.extend_i32_u (local.get 1))))`,
        )
        .join('')}
      ${consts.join('')})`);
    for (const a of VALUES) {
      agree(n, j, 'sq', [a]);
      for (let i = 0; i < CONSTANTS.length; i++) {
        agree(n, j, `c${i}`, [a]);
        agree(n, j, `cl${i}`, [a]);
        agree(n, j, `cu${i}`, [I32(a)]);
        agree(n, j, `ca${i}`, [a]);
      }
      for (const b of VALUES) {
        for (const f of ['mul', 'slots', 'halves', 'loads']) agree(n, j, f, [a, b]);
        for (const f of ['uu', 'su', 'ss']) agree(n, j, f, [I32(a), I32(b)]);
        for (const op of ['add', 'sub', 'or', 'xor', 'and']) {
          agree(n, j, `${op}_ux`, [I32(a), b]);
          agree(n, j, `${op}_xu`, [a, I32(b)]);
          agree(n, j, `${op}_uu`, [I32(a), I32(b)]);
        }
      }
    }
    // the float64 product of these rounds to a tie next to 2^53 (a mistake there is one off in the high word)
    expect(j.uu(0x200001, -3)).toBe(0x200001n * 0xfffffffdn);
  });

  it('sums of products of zero-extended words, held as doubles too, up to SUM_UNITS terms and past it, wrapping', () => {
    const u = (k: number) => `(i64.extend_i32_u (local.get ${k}))`;
    const prod = (x: number, y: number) => `(i64.mul ${u(x)} ${u(y)})`;
    // a chain of n products of the two parameters on the stack (300 > SUM_UNITS: the last sums take the carry form)
    const chain = (n: number) => `${prod(0, 1)}${` ${prod(0, 1)} i64.add`.repeat(n - 1)}`;
    const [n, j] = both(`(module
      (func (export "dot") (param i32 i32 i32 i32 i32) (result i64)
        (i64.add (i64.add (i64.add ${prod(0, 1)} ${prod(2, 3)}) (i64.add ${prod(1, 2)} ${u(4)}))
          (i64.add ${u(3)} (i64.mul ${u(0)} (i64.const 0x1fffff)))))
      (func (export "consts") (param i32 i32 i32 i32 i32) (result i64)
        (i64.add (i64.add (i64.mul ${u(0)} (i64.const 0xfffffffb)) (i64.mul (i64.const 5) ${u(1)}))
          (i64.add (i64.extend_i32_u (i32.add (local.get 2) (local.get 3))) ${prod(4, 4)})))
      (func (export "carry") (param i32 i32 i32 i32 i32) (result i64) (local i64)
        ;; poly1305's form: a sum, its bits above 26 added to the next sum, a general product in between
        (local.set 5 (i64.add ${prod(0, 1)} ${prod(2, 3)}))
        (i64.add (i64.add (i64.add ${prod(1, 4)} (i64.shr_u (local.get 5) (i64.const 26)))
          (i64.mul (local.get 5) ${u(2)})) (i64.and (local.get 5) (i64.const 0x3ffffff))))
      (func (export "c255") (param i32 i32) (result i64) ${chain(255)})
      (func (export "c256") (param i32 i32) (result i64) ${chain(256)})
      (func (export "c257") (param i32 i32) (result i64) ${chain(257)})
      (func (export "c300") (param i32 i32) (result i64) ${chain(300)}))`);
    const words = VALUES.map(I32);
    for (const a of words)
      for (const b of words.slice(0, 40)) {
        agree(n, j, 'dot', [a, b, b ^ 0x5a5a5a5a, a + b, ~a]);
        agree(n, j, 'consts', [a, b, -1, a, ~b]);
        agree(n, j, 'carry', [a, b, ~a, b >>> 3, a ^ b]);
      }
    for (const a of words.slice(0, 30))
      for (const b of words.slice(0, 30)) for (const f of ['c255', 'c256', 'c257', 'c300']) agree(n, j, f, [a, b]);
    // (2^32 - 1)^2 * 300 wraps past 2^64
    expect(j.c300(-1, -1)).toBe(BigInt.asIntN(64, 0xffffffffn * 0xffffffffn * 300n));
    expect(j.c256(-1, -1)).toBe(BigInt.asIntN(64, 0xffffffffn * 0xffffffffn * 256n));
  });

  it('knows a local high word is 0 only where it is (straight-line code between control operators)', () => {
    const [n, j] = both(`(module
      ;; __multi3's shape: words of the operands in locals, multiplied
      (func (export "multi") (param i64 i64) (result i64) (local i64 i64)
        (local.set 2 (i64.shr_u (local.get 0) (i64.const 32)))
        (local.set 3 (i64.and (local.get 1) (i64.const 0xffffffff)))
        (i64.add (i64.mul (local.get 2) (local.get 3)) (i64.mul (local.get 2) (local.get 2))))
      ;; a local zero-extended in place, read after a block: its hi variable must hold the 0
      (func (export "self_and") (param i64) (result i64)
        (local.set 0 (i64.and (local.get 0) (i64.const 0xffffffff)))
        (block)
        (i64.mul (local.get 0) (local.get 0)))
      (func (export "self_shr") (param i64) (result i64)
        (local.set 0 (i64.shr_u (local.get 0) (i64.const 32)))
        (block)
        (i64.mul (local.get 0) (i64.const -3)))
      ;; zero-extended in one branch only
      (func (export "if_fact") (param i64 i32) (result i64)
        (if (local.get 1) (then (local.set 0 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))))
        (i64.mul (local.get 0) (local.get 0)))
      (func (export "else_fact") (param i64 i32) (result i64) (local i64)
        (local.set 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (if (local.get 1) (then (local.set 2 (local.get 0))) (else (nop)))
        (i64.mul (local.get 2) (local.get 2)))
      ;; zero-extended before a loop whose back edge gives it a high word
      (func (export "loop_fact") (param i64 i32) (result i64) (local i64)
        (local.set 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (loop $l
          (local.set 0 (i64.add (local.get 0) (i64.mul (local.get 2) (local.get 2))))
          (local.set 2 (i64.add (local.get 2) (local.get 0)))
          (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))
        (i64.xor (local.get 0) (local.get 2)))
      ;; a branch out of a block after which the fact still holds on the fall-through path, not at the end
      (func (export "br_fact") (param i64 i32) (result i64) (local i64)
        (local.set 2 (local.get 0))
        (block $b
          (local.set 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
          (br_if $b (local.get 1))
          (local.set 0 (i64.mul (local.get 2) (local.get 2))))
        (i64.add (local.get 0) (i64.mul (local.get 2) (i64.const 7))))
      ;; tee of a zero-extended value, then a set with a high word ends the fact
      (func (export "tee_fact") (param i64 i64) (result i64) (local i64)
        (i64.mul (local.tee 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0)))) (local.get 1))
        (local.set 2 (local.get 1))
        (i64.mul (local.get 2)))
      ;; a zero-extended local copied to another, the source then overwritten
      (func (export "copy_fact") (param i64 i64) (result i64) (local i64 i64)
        (local.set 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (local.set 3 (local.get 2))
        (local.set 2 (local.get 1))
        (i64.add (i64.mul (local.get 3) (local.get 3)) (local.get 2))))`);
    for (const a of VALUES)
      for (const b of VALUES) {
        for (const f of ['multi', 'tee_fact', 'copy_fact']) agree(n, j, f, [a, b]);
        for (const f of ['if_fact', 'else_fact', 'br_fact']) agree(n, j, f, [a, I32(b) & 1]);
      }
    for (const a of VALUES) {
      agree(n, j, 'self_and', [a]);
      agree(n, j, 'self_shr', [a]);
      for (const k of [1, 2, 3, 7]) agree(n, j, 'loop_fact', [a, k]);
    }
  });

  it('reads a local known to hold a constant as its literals, and folds operators with a zero operand', () => {
    const [n, j] = both(`(module
      ;; every operator with each operand the constant 0 (a literal, or a local given one)
      (func (export "zero") (param i64) (result i64) (local i64)
        (local.set 1 (i64.const 0))
        (i64.xor
          (i64.add (i64.add (i64.mul (local.get 0) (local.get 1)) (i64.mul (i64.const 0) (local.get 0)))
            (i64.add (i64.add (local.get 1) (local.get 0)) (i64.add (local.get 0) (i64.const 0))))
          (i64.add
            (i64.add (i64.sub (local.get 0) (local.get 1)) (i64.sub (local.get 1) (local.get 0)))
            (i64.add
              (i64.add (i64.shl (local.get 0) (local.get 1)) (i64.shr_s (local.get 1) (local.get 0)))
              (i64.add (i64.rotl (local.get 0) (local.get 1)) (i64.rotr (local.get 1) (local.get 0)))))))
      ;; computed operands (in stack slots) with a zero; a local given a constant with a high word
      (func (export "slots") (param i64 i64) (result i64) (local i64 i64)
        (local.set 2 (i64.const 0))
        (local.set 3 (i64.const -3))
        (i64.add
          (i64.or (i64.mul (local.get 0) (local.get 1)) (local.get 2))
          (i64.add (i64.xor (local.get 2) (i64.sub (local.get 0) (local.get 1)))
            (i64.mul (local.get 3) (i64.shr_u (local.get 1) (local.get 2))))))
      ;; the fact ends at a block, a loop, an if arm; a set of a non-constant ends it
      (func (export "ends") (param i64 i32) (result i64) (local i64)
        (local.set 2 (i64.const 0))
        (if (local.get 1) (then (local.set 2 (local.get 0))))
        (local.set 0 (i64.add (local.get 0) (i64.mul (local.get 0) (local.get 2))))
        (local.set 2 (i64.const 0))
        (loop $l
          (local.set 0 (i64.add (local.get 0) (i64.mul (local.get 0) (local.get 2))))
          (local.set 2 (i64.const 5))
          (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))
        (local.set 2 (local.get 0))
        (i64.add (local.get 0) (i64.mul (local.get 2) (local.get 2)))))`);
    for (const a of VALUES) {
      agree(n, j, 'zero', [a]);
      for (const k of [1, 2, 3]) agree(n, j, 'ends', [a, k]);
      for (const b of VALUES) agree(n, j, 'slots', [a, b]);
    }
  });

  it('knows an i64 local is zero-extended everywhere when every value it is given is (a second translation)', () => {
    const wat = `(module
      ;; 26-bit limbs set before a loop and multiplied in it (poly1305's r): one 32x32 product per step
      (func (export "limbs") (param i64 i64 i32) (result i64) (local i64 i64 i64)
        (local.set 3 (i64.and (local.get 0) (i64.const 0x3ffffff)))
        (local.set 4 (i64.shr_u (local.get 1) (i64.const 38)))
        (loop $l
          (local.set 5 (i64.add (local.get 5) (i64.mul (local.get 3) (local.get 4))))
          (local.set 4 (i64.extend_i32_u (i32.add (i32.wrap_i64 (local.get 4)) (i32.const 1))))
          (br_if $l (local.tee 2 (i32.sub (local.get 2) (i32.const 1)))))
        (i64.add (local.get 5) (i64.mul (local.get 3) (local.get 3))))
      ;; given a full value in one branch of the loop: a full pair everywhere
      (func (export "mixed") (param i64 i64 i32) (result i64) (local i64 i64)
        (local.set 3 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (loop $l
          (local.set 4 (i64.add (local.get 4) (i64.mul (local.get 3) (local.get 3))))
          (if (i32.eq (local.get 2) (i32.const 2)) (then (local.set 3 (local.get 1))))
          (br_if $l (local.tee 2 (i32.sub (local.get 2) (i32.const 1)))))
        (i64.xor (local.get 4) (local.get 3)))
      ;; zero-extended before and in a loop, given a full value after it (a local reused): 32x32 products in the loop
      (func (export "after") (param i64 i64 i32) (result i64) (local i64 i64)
        (local.set 3 (i64.and (local.get 0) (i64.const 0x3ffffff)))
        (loop $l
          (local.set 4 (i64.add (local.get 4) (i64.mul (local.get 3) (local.get 1))))
          (br_if $l (local.tee 2 (i32.sub (local.get 2) (i32.const 1)))))
        (local.set 3 (i64.add (local.get 4) (local.get 1)))
        (i64.add (local.get 4) (i64.mul (local.get 3) (local.get 3))))
      ;; given a full value in an inner loop after the read in the outer one: a full pair there too
      (func (export "nested") (param i64 i64 i32) (result i64) (local i64 i64 i32)
        (local.set 3 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (loop $o
          (local.set 4 (i64.add (local.get 4) (i64.mul (local.get 3) (local.get 1))))
          (local.set 5 (i32.const 2))
          (loop $i
            (if (i32.eq (local.get 5) (i32.const 1)) (then (local.set 3 (i64.add (local.get 3) (local.get 1)))))
            (br_if $i (local.tee 5 (i32.sub (local.get 5) (i32.const 1)))))
          (br_if $o (local.tee 2 (i32.sub (local.get 2) (i32.const 1)))))
        (i64.xor (local.get 4) (local.get 3)))
      ;; zero-extended only by copying another zero-extended local, read after a block
      (func (export "copied") (param i64 i64) (result i64) (local i64 i64)
        (local.set 2 (i64.extend_i32_u (i32.wrap_i64 (local.get 0))))
        (block (local.set 3 (local.get 2)))
        (block (local.set 2 (i64.shr_u (local.get 1) (i64.const 33))))
        (i64.add (i64.mul (local.get 3) (local.get 2)) (i64.mul (local.get 2) (local.get 1))))
      ;; an inlined leaf called with a zero-extended and with a full argument: its parameter's local is set by both
      (func $sq (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
      (func (export "inlined") (param i64 i64) (result i64)
        (i64.add (call $sq (i64.extend_i32_u (i32.wrap_i64 (local.get 0)))) (call $sq (local.get 1))))
      ;; set in both arms of an if, zero-extended in each, read after it
      (func (export "arms") (param i64 i64 i32) (result i64) (local i64)
        (if (local.get 2)
          (then (local.set 3 (i64.extend_i32_u (i32.wrap_i64 (local.get 0)))))
          (else (local.set 3 (i64.shr_u (local.get 1) (i64.const 40)))))
        (i64.mul (local.get 3) (local.get 1))))`;
    const [n, j] = both(wat);
    for (const a of VALUES)
      for (const b of VALUES) {
        for (const k of [1, 2, 3]) agree(n, j, 'limbs', [a, b, k]);
        for (const k of [1, 2, 3]) agree(n, j, 'mixed', [a, b, k]);
        for (const k of [1, 3]) agree(n, j, 'after', [a, b, k]);
        for (const k of [1, 3]) agree(n, j, 'nested', [a, b, k]);
        for (const f of ['copied', 'inlined']) agree(n, j, f, [a, b]);
        agree(n, j, 'arms', [a, b, I32(b) & 1]);
      }
    // the limbs' product in the loop has no cross terms (the hi words are the literal 0)
    const src = compileModule(decodeModule(parseWat(wat))).source;
    const limbs = src.slice(src.indexOf('function f0$p('), src.indexOf('function f1$p('));
    expect(limbs).toMatch(
      /qm = Math\.imul\(l3, l4\); s(\d+)x = \(l3 >>> 0\) \* \(l4 >>> 0\); s\1h = \(\(s\1x - \(qm \^ -2147483648\)\) \/ 4294967296\) \| 0;/,
    );
    const mixed = src.slice(src.indexOf('function f1$p('), src.indexOf('function f2$p('));
    expect(mixed).toMatch(/Math\.imul\(l3, l3h\)/);
    // before the loop's end, l3's hi word is 0; after it, a full pair
    const after = src.slice(src.indexOf('function f2$p('), src.indexOf('function f3$p('));
    const loopEnd = after.indexOf('break');
    expect(after.slice(0, loopEnd)).not.toMatch(/l3h\)/);
    expect(after.slice(loopEnd)).toMatch(/Math\.imul\(l3h, l3\)|Math\.imul\(l3, l3h\)/);
    const nested = src.slice(src.indexOf('function f3$p('), src.indexOf('function f4$p('));
    expect(nested).toMatch(/Math\.imul\(l3h, |Math\.imul\(l3, l1h\)|, l3h\)/);
  });

  it('shifts and rotations by every constant count, on locals and computed values', () => {
    const ops = ['shl', 'shr_s', 'shr_u', 'rotl', 'rotr'];
    const funcs: string[] = [];
    for (const op of ops)
      for (let c = 0; c < 64; c++)
        funcs.push(`(func (export "${op}${c}") (param i64) (result i64) (i64.${op} (local.get 0) (i64.const ${c})))
          (func (export "${op}${c}s") (param i64) (result i64)
            (i64.${op} (i64.xor (local.get 0) (i64.const 0x5555)) (i64.const ${c + 64})))
          (func (export "${op}${c}u") (param i64) (result i64)
            (i64.${op} (i64.extend_i32_u (i32.wrap_i64 (local.get 0))) (i64.const ${c})))`);
    const [n, j] = both(`(module ${funcs.join('\n')})`);
    for (const a of VALUES)
      for (const op of ops)
        for (let c = 0; c < 64; c++) {
          agree(n, j, `${op}${c}`, [a]);
          agree(n, j, `${op}${c}s`, [a]);
          agree(n, j, `${op}${c}u`, [a]);
        }
  });
});

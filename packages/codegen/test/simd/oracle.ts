// Node's own WebAssembly as an oracle (tests only): one tiny module per operator and immediate that
// loads its operands from memory slots, applies the operator and stores the result; the same module runs natively
// and compiled by the JS backend.

import { ADDR, F32, F64, I32, I64, Imm, type OperatorInfo, V128 as V128T } from '@wasmts/environ';

/** The slice of Node's WebAssembly API the oracle uses (the package's lib settings do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
  RuntimeError: new (...args: never[]) => Error;
}
/** Node's WebAssembly (tests only). */
export const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Where the operands live: operand k at 16 * k; the result at RESULT. */
export const RESULT = 64;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function str(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

const LOAD: Record<number, number[]> = {
  [I32]: [0x28, 2, 0],
  [I64]: [0x29, 3, 0],
  [F32]: [0x2a, 2, 0],
  [F64]: [0x2b, 3, 0],
  [V128T]: [0xfd, 0x00, 4, 0],
};
const STORE: Record<number, number[]> = {
  [I32]: [0x36, 2, 0],
  [I64]: [0x37, 3, 0],
  [F32]: [0x38, 2, 0],
  [F64]: [0x39, 3, 0],
  [V128T]: [0xfd, 0x0b, 4, 0],
};

/** The immediate operand of one instance of an operator: a lane index or 16 shuffle lanes. */
export type Immediate = number | number[] | undefined;

/** The oracle module of `op` with immediate `imm`: `f(addr)` over an exported memory `m` of one page. */
export function oracleModule(op: OperatorInfo, imm: Immediate): Uint8Array {
  const params = op.params ?? [];
  const results = op.results ?? [];
  const body: number[] = [];
  if (results.length === 1) body.push(0x41, ...sleb(RESULT)); // i32.const RESULT
  let slot = 0;
  for (const t of params) {
    if (t === ADDR) {
      body.push(0x20, 0); // local.get 0
    } else {
      body.push(0x41, ...sleb(16 * slot++), ...LOAD[t]);
    }
  }
  body.push(0xfd, ...uleb(op.code));
  switch (op.imm) {
    case Imm.MemArg:
      body.push(0, 0);
      break;
    case Imm.MemArgLane:
      body.push(0, 0, imm as number);
      break;
    case Imm.Lane:
      body.push(imm as number);
      break;
    case Imm.Shuffle:
      body.push(...(imm as number[]));
      break;
  }
  if (results.length === 1) body.push(...STORE[results[0]]);
  body.push(0x0b);
  const func = [0, ...body]; // no locals
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    1,
    0,
    0,
    0,
    ...section(1, vec([[0x60, 1, 0x7f, 0]])), // (func (param i32))
    ...section(3, vec([[0]])),
    ...section(5, vec([[0, 1]])), // memory min 1
    ...section(
      7,
      vec([
        [...str('m'), 2, 0],
        [...str('f'), 0, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(func.length), ...func]])),
  ];
  return new Uint8Array(bytes);
}

/** A small seeded PRNG (mulberry32) returning uint32s. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

// Generators of deeply nested modules (binary, built directly: no text parser in the way), for the tests of
// linear-cost code generation at any nesting depth (test/deep-nesting.test.ts, test/wasm/deep-nesting.test.ts).
// Each module exports `run: (i32) -> i32`; `expected(n, x)` is what it returns.

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** Appends `src` to `dst` without spreading (bodies are too large for call arguments). */
function append(dst: number[], src: number[]): void {
  for (const b of src) dst.push(b);
}

/** A module of one function `run: (i32) -> i32` with two extra i32 locals (1: a counter, 2: always 0), and two tags `() -> ()`. */
function moduleOf(code: number[]): Uint8Array {
  const types = [2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 0];
  const body: number[] = [1, 2, 0x7f];
  append(body, code);
  body.push(0x0b);
  const codeSec = [1, ...uleb(body.length)];
  append(codeSec, body);
  const bytes = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  append(bytes, section(1, types));
  append(bytes, section(3, [1, 0]));
  append(bytes, section(13, [2, 0, 1, 0, 1]));
  append(bytes, section(7, [1, 3, 0x72, 0x75, 0x6e, 0, 0]));
  append(bytes, section(10, codeSec));
  return Uint8Array.from(bytes);
}

const INC = [0x20, 1, 0x41, 1, 0x6a, 0x21, 1]; // l1 += 1
const NEVER = [0x20, 2, 0x0d, 0]; // br_if 0 on l2 (always 0): makes the enclosing frame a branch target

/** A deep module and what `run(x)` returns. */
export interface DeepModule {
  bytes: Uint8Array;
  expected: (x: number) => number;
  /** Arguments worth running `run` with (the loops' cost grows with both x and depth: kept small there). */
  inputs: number[];
}

/** `n` nested blocks, each a branch target; the innermost branches out of `k + 1` of them when x != 0. */
export function deepBlocks(n: number): DeepModule {
  const k = n >> 1;
  const code: number[] = [];
  for (let j = 0; j < n; j++) code.push(0x02, 0x40);
  append(code, [0x20, 0, 0x0d, ...uleb(k)]);
  for (let j = 0; j < n; j++) {
    code.push(0x0b);
    append(code, INC);
    if (j < n - 1) append(code, NEVER);
  }
  append(code, [0x20, 1]);
  return { bytes: moduleOf(code), expected: (x) => (x !== 0 ? n - k : n), inputs: [0, 1, 2, 7, n - 1, n + 10] };
}

/** `n` nested loops, each a branch target; the innermost runs max(x, 1) times, re-entering all of them. */
export function deepLoops(n: number): DeepModule {
  const code: number[] = [];
  for (let j = 0; j < n; j++) code.push(0x03, 0x40);
  append(code, INC);
  append(code, [0x20, 0, 0x41, 1, 0x6b, 0x22, 0, 0x41, 0, 0x4a, 0x0d, ...uleb(n - 1)]);
  for (let j = 0; j < n; j++) {
    code.push(0x0b);
    if (j < n - 1) append(code, NEVER);
  }
  append(code, [0x20, 1]);
  return { bytes: moduleOf(code), expected: (x) => Math.max(x, 1), inputs: [0, 1, 2, 7] };
}

/** `n` nested ifs: level j takes its then-branch unless x == j, and its else-branch sets the result to j + 1. */
export function deepIfs(n: number): DeepModule {
  const code: number[] = [];
  for (let j = 0; j < n; j++) append(code, [0x20, 0, 0x41, ...sleb(j), 0x47, 0x04, 0x40]);
  append(code, [0x41, ...sleb(-1), 0x21, 1]);
  for (let j = n - 1; j >= 0; j--) {
    append(code, NEVER);
    append(code, [0x05, 0x41, ...sleb(j + 1), 0x21, 1, 0x0b]);
  }
  append(code, [0x20, 1]);
  return {
    bytes: moduleOf(code),
    expected: (x) => (x >= 0 && x < n ? x + 1 : -1),
    inputs: [0, 1, 2, 7, n - 1, n + 10],
  };
}

/**
 * `n` (even) nested try_tables in a block: even levels catch tag 0, odd ones tag 1, each to the enclosing frame;
 * the innermost throws tag 0 when x != 0, which the odd innermost lets pass and the one around it catches.
 */
export function deepTryTables(n: number): DeepModule {
  const code: number[] = [0x02, 0x40];
  for (let j = 0; j < n; j++) append(code, [0x1f, 0x40, 1, 0, j % 2, 0]);
  append(code, [0x20, 0, 0x04, 0x40, 0x08, 0, 0x0b]);
  for (let j = 0; j < n; j++) {
    code.push(0x0b);
    append(code, INC);
  }
  append(code, [0x0b, 0x20, 1]);
  return { bytes: moduleOf(code), expected: (x) => (x !== 0 ? n - 2 : n), inputs: [0, 1, 2, 7, n - 1, n + 10] };
}

/** A `br_table` over `n` nested blocks (a large `switch`): case i returns 7 * i; the default is the outermost. */
export function deepBrTable(n: number): DeepModule {
  const code: number[] = [];
  for (let j = 0; j < n; j++) code.push(0x02, 0x40);
  append(code, [0x20, 0, 0x0e, ...uleb(n)]);
  for (let i = 0; i < n; i++) append(code, uleb(i));
  append(code, uleb(n - 1));
  for (let i = 0; i < n; i++) append(code, [0x0b, 0x41, ...sleb(7 * i), 0x0f]);
  append(code, [0x00]);
  return { bytes: moduleOf(code), expected: (x) => 7 * (x >>> 0 < n ? x : n - 1), inputs: [0, 1, 2, 7, n - 1, n + 10] };
}

/** Every generator, by name. */
export const DEEP: Record<string, (n: number) => DeepModule> = {
  blocks: deepBlocks,
  loops: deepLoops,
  ifs: deepIfs,
  try_tables: deepTryTables,
  br_table: deepBrTable,
};

// The operators the re-encoder writes into instrumented bodies, each looked up once by name in environ's one
// operator table: no opcode byte is written by hand (a single-byte operator's code is the byte it writes).

import { operatorNamed } from '@wasmts/environ';

/** The opcode byte of single-byte operator `name`. */
function byteOf(name: string): number {
  const op = operatorNamed(name);
  if (op.prefix !== 0) throw new Error(`${name} is a prefixed operator`);
  return op.code;
}

/** Opcode bytes of the operators hooks, checks and call rewriting emit. */
export const OP = {
  block: byteOf('block'),
  loop: byteOf('loop'),
  if: byteOf('if'),
  end: byteOf('end'),
  brIf: byteOf('br_if'),
  call: byteOf('call'),
  drop: byteOf('drop'),
  localGet: byteOf('local.get'),
  localSet: byteOf('local.set'),
  localTee: byteOf('local.tee'),
  globalGet: byteOf('global.get'),
  globalSet: byteOf('global.set'),
  tableGet: byteOf('table.get'),
  i32Const: byteOf('i32.const'),
  i64Const: byteOf('i64.const'),
  i32Eqz: byteOf('i32.eqz'),
  i32GtU: byteOf('i32.gt_u'),
  i32Add: byteOf('i32.add'),
  i32Sub: byteOf('i32.sub'),
  i32Or: byteOf('i32.or'),
  i64LtS: byteOf('i64.lt_s'),
  i64GeS: byteOf('i64.ge_s'),
  i64GeU: byteOf('i64.ge_u'),
  i64Add: byteOf('i64.add'),
  i64Sub: byteOf('i64.sub'),
  f32Eq: byteOf('f32.eq'),
  f64Eq: byteOf('f64.eq'),
  refIsNull: byteOf('ref.is_null'),
  unreachable: byteOf('unreachable'),
} as const;

/** The empty block type (`blocktype` with no parameters or results). */
export const BLOCK_EMPTY = 0x40;
/** The form byte of a function type in the type section. */
export const FUNC_TYPE_FORM = 0x60;
/** Import kind bytes of the import section. */
export const IMPORT_KIND = { func: 0x00, memory: 0x02, global: 0x03 } as const;

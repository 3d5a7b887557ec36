// Moving v128 operands into the scratch slots (X, Y, Z) and the result slot R out as a V128.

import { I32 } from './scratch.js';
import { V128 } from './v128.js';

/** Writes `v` into scratch slot X (int32 slots 0..3). */
export function ldX(v: V128): void {
  I32[0] = v.a;
  I32[1] = v.b;
  I32[2] = v.c;
  I32[3] = v.d;
}

/** Writes `v` into scratch slot Y (int32 slots 4..7). */
export function ldY(v: V128): void {
  I32[4] = v.a;
  I32[5] = v.b;
  I32[6] = v.c;
  I32[7] = v.d;
}

/** Writes `v` into scratch slot Z (int32 slots 12..15). */
export function ldZ(v: V128): void {
  I32[12] = v.a;
  I32[13] = v.b;
  I32[14] = v.c;
  I32[15] = v.d;
}

/** The V128 in scratch slot R (int32 slots 8..11). */
export function res(): V128 {
  return new V128(I32[8], I32[9], I32[10], I32[11]);
}

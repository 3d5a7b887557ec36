// isNumberExpr: an f64 store skips its test for a NaN kept as bits only for a value sure to be a JS number.
import { describe, expect, it } from 'vitest';
import { isNumberExpr } from '../src/translate.js';

describe('isNumberExpr', () => {
  it('says yes to arithmetic, Math calls and literals at the top level', () => {
    for (const e of [
      '(a + b)',
      '((l4 * l2) * l34)',
      'x - (y ? p : q)',
      'Math.sqrt(l1)',
      '(Math.min(a, b))',
      '1.5',
      '(-0.25)',
    ])
      expect(isNumberExpr(e), e).toBe(true);
  });

  it('says no to names, loads, selects, helpers and anything with a top-level ?, = or ,', () => {
    for (const e of [
      'l0',
      's1',
      '((mf = D0.getFloat64(ma = 8, true)) === mf ? mf : H.loadF64(D0, ma))',
      '(c ? a : b)',
      'H.fneg(a)',
      'H.copysign(a, b)',
      '(a = b + c)',
      'Math.sqrt(a) + b, c',
      'Math.sqrt(a)(b)',
      'hv3',
    ])
      expect(isNumberExpr(e), e).toBe(false);
  });
});

(module
  (memory 1)
  ;; f32x4.pmin/pmax of f32 results and non-NaN constants compare and select the numbers (src/translate.ts
  ;; `numberSelect`): a clamp of a difference to [0, 1], no conversion between bits and numbers
  (func (export "clamp") (param i32)
    (v128.store (local.get 0)
      (f32x4.pmin (v128.const f32x4 1 1 1 1)
        (f32x4.pmax (v128.const f32x4 0 0 0 0)
          (f32x4.sub (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))))))
  ;; a loaded operand keeps the bit template (its numbers would quiet a signalling NaN that pmin hands on)
  (func (export "loaded") (param i32)
    (v128.store (local.get 0)
      (f32x4.pmin (v128.load (local.get 0)) (f32x4.sub (v128.load (local.get 0)) (v128.load offset=16 (local.get 0))))))
  ;; v128.bitselect by a compare's mask (each word 0 or -1) of exact f32 numbers (`maskSelect`): rapier's
  ;; NaN-propagating max of a local set from an f32 result, `bitselect(pmax(x, c), x, x != x)`, selects numbers
  (func (export "nanMax") (param i32) (local v128)
    (v128.store (local.get 0)
      (f32x4.mul
        (v128.bitselect
          (f32x4.pmax (local.tee 1 (f32x4.sub (v128.load (local.get 0)) (v128.load offset=16 (local.get 0))))
            (v128.const f32x4 0 0 0 0))
          (local.get 1)
          (f32x4.ne (local.get 1) (local.get 1)))
        (v128.load offset=32 (local.get 0)))))
  ;; an 8-bit compare's mask selects bytes: the bit template
  (func (export "byteMask") (param i32)
    (v128.store (local.get 0)
      (v128.bitselect (f32x4.add (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))
        (f32x4.sub (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))
        (i8x16.lt_s (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))))))

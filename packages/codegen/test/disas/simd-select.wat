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
      (f32x4.pmin (v128.load (local.get 0)) (f32x4.sub (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))))))

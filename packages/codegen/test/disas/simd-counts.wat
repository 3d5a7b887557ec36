(module
  (memory 1)
  ;; simdjson-style counting (src/lanes.ts `ltConst`, `QUAD_SCALAR_COUNT`; src/translate.ts `countForm`): a compare
  ;; against a splatted constant in its short form (the lane's low bits plus a constant carry into its top bit), a
  ;; splat of a constant folded to a constant, and `popcnt(bitmask(..))` taking the bits unordered, with no multiply
  (func (export "count") (param i32) (result i32)
    (i32.add
      (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get 0)) (i8x16.splat (i32.const 34)))))
      (i32.popcnt (i16x8.bitmask (i16x8.gt_s (v128.load (local.get 0)) (v128.const i16x8 -2 -2 -2 -2 -2 -2 -2 -2))))))
  ;; ASCII lowercasing: a range check as one unsigned compare of (v - 'A') with 26
  (func (export "lower") (param i32)
    (v128.store (local.get 0)
      (v128.or (v128.load (local.get 0))
        (v128.and (i8x16.lt_u (i8x16.add (v128.load (local.get 0)) (i8x16.splat (i32.const -65)))
                              (i8x16.splat (i32.const 26)))
                  (i8x16.splat (i32.const 32))))))
  ;; byte sums per word: the unsigned pairwise sum adds both half-words at once
  (func (export "sums") (param i32) (result v128)
    (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (v128.load (local.get 0)))))
  ;; a bitmask also read as it is keeps its order
  (func (export "both") (param i32) (result i32) (local i32)
    (i32.add (i32.popcnt (local.tee 1 (i8x16.bitmask (i8x16.ge_u (v128.load (local.get 0)) (i8x16.splat (i32.const 200))))))
      (local.get 1))))

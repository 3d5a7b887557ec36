(module
  (memory 1)
  ;; $g is the module's own (neither imported nor exported): global.set updates its V128 in place; $x is exported:
  ;; a new V128 per write
  (global $g (mut v128) (v128.const i64x2 0 0))
  (global $x (export "x") (mut v128) (v128.const i64x2 0 0))
  (func (export "add") (param v128 v128) (result v128) (i8x16.add (local.get 0) (local.get 1)))
  (func (export "lane") (param v128) (result i32) (i32x4.extract_lane 2 (local.get 0)))
  (func (export "const") (result v128) (v128.const i32x4 1 2 3 4))
  (func (export "load") (param i32) (result v128) (v128.load offset=16 (local.get 0)))
  (func (export "shuffle") (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1)))
  ;; i32x4 lane-wise on computed slots: the result overwrites the first operand's lanes
  (func (export "i32x4") (param i32)
    (v128.store (local.get 0)
      (i32x4.mul (i32x4.add (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))
        (i32x4.shl (v128.load offset=32 (local.get 0)) (i32.const 3)))))
  ;; i16x8 and i8x16: SWAR on packed words, word helpers for the rest
  (func (export "i16x8") (param v128 v128) (result v128)
    (i16x8.add_sat_s (i16x8.mul (local.get 0) (local.get 1)) (i16x8.shr_s (local.get 1) (i32.const 2))))
  (func (export "i8x16") (param v128 v128) (result i32)
    (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get 0) (local.get 1)) (i8x16.popcnt (local.get 1)))))
  ;; widening and narrowing: cross-lane templates through w0..w3
  (func (export "widen") (param v128 v128) (result v128)
    (i8x16.narrow_i16x8_u
      (i16x8.extend_high_i8x16_s (local.get 0))
      (i32x4.dot_i16x8_s (local.get 0) (local.get 1))))
  ;; i64x2 on the pair templates; lanes to and from i64 pairs
  (func (export "i64x2") (param v128 i64) (result i64)
    (i64x2.extract_lane 1 (i64x2.add (local.get 0) (i64x2.splat (local.get 1)))))
  ;; f32x4 and f64x2 through the lane helpers
  (func (export "floats") (param v128 v128) (result v128)
    (f64x2.promote_low_f32x4 (f32x4.sqrt (f32x4.add (local.get 0) (f32x4.mul (local.get 1) (local.get 1))))))
  (func (export "f32lane") (param v128 f32) (result f32)
    (f32x4.extract_lane 3 (f32x4.replace_lane 1 (local.get 0) (local.get 1))))
  ;; a loop carrying a v128 in a local, a select, a global, a lane store, any_true as a branch condition
  (func (export "loop") (param i32 i32) (result v128) (local v128)
    (loop $l
      (local.set 2 (v128.bitselect (local.get 2) (v128.load (local.get 0)) (global.get $g)))
      (local.set 0 (i32.add (local.get 0) (i32.const 16)))
      (br_if $l (v128.any_true (local.get 2))))
    (v128.store32_lane 3 (local.get 1) (local.get 2))
    (global.set $g (select (local.get 2) (v128.const i32x4 0 0 0 0) (local.get 1)))
    (global.set $x (global.get $g))
    (local.get 2))
  ;; a compare read only by a bitmask or any_true computes just the lane top bits; a zero operand folds away
  (func (export "masks") (param v128) (result i32)
    (i32.add (i8x16.bitmask (i8x16.eq (local.get 0) (i8x16.splat (i32.const 34))))
      (v128.any_true (i16x8.ne (local.get 0) (v128.const i64x2 0 0))))))

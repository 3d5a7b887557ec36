;; pass: lower-i64
(module
  (memory 1)
  (global $g (mut i64) (i64.const 0))
  (func $add (export "add") (param i64 i64) (result i64)
    (i64.add (local.get 0) (local.get 1)))
  (func (export "mix") (param $p i32) (param $x i64) (result i64)
    ;; pairs: mul, shift, compare, extend, wrap; bigints: division; loads and stores as two words
    (i64.store (local.get $p) (i64.mul (local.get $x) (i64.extend_i32_u (local.get $p))))
    (if (i64.lt_s (local.get $x) (i64.load32_s offset=8 (local.get $p)))
      (then (global.set $g (i64.div_s (local.get $x) (i64.const 3)))))
    (call $add (i64.shr_u (local.get $x) (i64.const 7)) (i64.extend_i32_s (i32.wrap_i64 (local.get $x))))))

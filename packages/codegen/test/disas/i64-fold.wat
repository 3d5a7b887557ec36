;; i64 locals known to hold a constant in straight-line code read as its literals (`lit`), and an operator with an
;; operand the constant 0 folds: a product is 0, a sum, an or, a xor (a difference, a shift or a rotation by 0) the
;; other operand. The shape of an inlined compiler-rt __multi3 given two zero-extended values (x25519): its high
;; words are parameters given the constant 0. After a block the facts are gone.
(module
  (memory 1)
  (func $multi3 (param $out i32) (param $al i64) (param $ah i64) (param $bl i64) (param $bh i64)
    (i64.store (local.get $out) (i64.mul (local.get $al) (local.get $bl)))
    (i64.store offset=8 (local.get $out)
      (i64.add (i64.add (i64.mul (local.get $ah) (local.get $bl)) (i64.mul (local.get $al) (local.get $bh)))
        (i64.shr_u (i64.mul (local.get $al) (local.get $bl)) (i64.const 32)))))
  (func (export "wide") (param $out i32) (param $x i32) (param $y i32)
    (call $multi3 (local.get $out) (i64.extend_i32_u (local.get $x)) (i64.const 0) (i64.extend_i32_u (local.get $y))
      (i64.const 0)))
  (func (export "locals") (param $a i64) (result i64) (local $z i64) (local $one i64)
    (local.set $z (i64.const 0))
    (local.set $one (i64.const 1))
    (local.set $a (i64.xor (i64.sub (i64.add (local.get $a) (local.get $z)) (local.get $z)) (local.get $z)))
    (local.set $a (i64.add (local.get $a) (i64.mul (local.get $a) (local.get $z))))
    (local.set $a (i64.rotl (i64.shl (local.get $a) (local.get $z)) (local.get $one)))
    (block)
    ;; a block ends the facts: $z is read as a local again
    (i64.add (local.get $a) (local.get $z))))

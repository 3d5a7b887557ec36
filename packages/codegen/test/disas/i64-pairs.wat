;; i64 as int32 pairs inside a body: a bigint parameter split at entry, a loop over memory with an
;; i64 load, a multiply by a constant (folded limbs), a rotate, a variable shift, a comparison feeding
;; br_if, a zero-extended load whose high word stays the literal 0, a division through the bigint helper,
;; an i64 store, and the result joined back to a bigint.
(module
  (memory 1)
  (func $round (export "round") (param $acc i64) (param $p i32) (param $n i32) (result i64) (local $x i64)
    (loop $l
      (local.set $acc
        (i64.mul
          (i64.rotl (i64.add (local.get $acc) (i64.mul (i64.load (local.get $p)) (i64.const 0xc2b2ae3d27d4eb4f)))
            (i64.const 31))
          (i64.const 0x9e3779b185ebca87)))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br_if $l (i64.lt_u (i64.extend_i32_u (local.get $p)) (i64.extend_i32_u (local.get $n)))))
    (local.set $x (i64.shr_u (local.get $acc) (i64.load32_u (i32.const 0))))
    (i64.store (i32.const 16) (i64.div_u (local.get $x) (i64.const 10)))
    (local.get $x))
  (func (export "call") (param i64) (result i64) (call $round (local.get 0) (i32.const 0) (i32.const 64))))

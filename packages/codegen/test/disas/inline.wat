;; Inlining (README.md, "Inlining"): direct calls of small leaf functions are translated as the callee's body.
;; $mul128 (compiler-rt's __multi3 shape: a 128-bit product stored through a result pointer) is inlined into
;; $square, its locals becoming locals of $square; $pick returns early from inside an if (a branch out of the block
;; standing for its frame); $loop has a loop and $rec calls: both stay calls.
(module
  (memory 1)
  (func $mul128 (param $r i32) (param $a i64) (param $b i64)
    (local $t i64)
    (local.set $t (i64.mul (i64.and (local.get $a) (i64.const 0xffffffff)) (i64.and (local.get $b) (i64.const 0xffffffff))))
    (i64.store (local.get $r) (local.get $t))
    (i64.store offset=8 (local.get $r) (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.mul (local.get $a) (local.get $b)))))
  (func $pick (param $c i32) (param $x f64) (result f64)
    (if (local.get $c) (then (return (f64.neg (local.get $x)))))
    (f64.mul (local.get $x) (f64.const 2)))
  (func $loop (param $n i32) (result i32)
    (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $n))
  (func $rec (param $n i32) (result i32)
    (if (result i32) (local.get $n) (then (call $rec (i32.sub (local.get $n) (i32.const 1)))) (else (i32.const 0))))
  (func (export "square") (param $p i32) (param $a i64) (result i64)
    (call $mul128 (local.get $p) (local.get $a) (local.get $a))
    (call $mul128 (i32.add (local.get $p) (i32.const 16)) (i64.load (local.get $p)) (local.get $a))
    (i64.load offset=8 (local.get $p)))
  (func (export "pick") (param $c i32) (result f64)
    (f64.add (call $pick (local.get $c) (f64.const 1.5)) (f64.convert_i32_s (call $loop (i32.const 3))))
    (f64.convert_i32_s (call $rec (i32.const 2)))
    (f64.add))
)

;; tunables: {"consumeFuel": true, "epochInterruption": true}
;; splitChars: 200
;; A function split into pieces: each piece after the first takes the locals it or a later piece uses and the
;; stack slot live at its cut (the i64 product below the rounds), hands its fuel over and calls the next.
;; (Outlining, test/disas/outline.wat, works inside blocks and loops: the counting loop's body is too small for it.)
(module
  (memory 1)
  (func (export "mix") (param $a i32) (param $b i64) (result i64) (local $x i32) (local $y i64) (local $w i32)
    (i64.mul (local.get $b) (local.get $b))
    (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $a)))
    (local.set $y (i64.xor (i64.rotl (local.get $y) (i64.const 13)) (i64.extend_i32_u (local.get $x))))
    (i32.store (i32.const 16) (local.get $x))
    (local.set $w (i32.const 0))
    (loop $l (br_if $l (i32.lt_u (local.tee $w (i32.add (local.get $w) (i32.const 1))) (i32.const 3))))
    (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 37)) (local.get $a)))
    (local.set $y (i64.xor (i64.rotl (local.get $y) (i64.const 7)) (i64.extend_i32_u (local.get $x))))
    (if (i32.eq (local.get $a) (i32.const 12345)) (then (return (local.get $y))))
    (i32.store (i32.const 20) (local.get $x))
    (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 41)) (local.get $a)))
    (local.set $y (i64.xor (i64.rotl (local.get $y) (i64.const 3)) (i64.extend_i32_u (local.get $x))))
    (local.get $y)
    i64.add))

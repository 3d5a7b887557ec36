;; v128 locals that only ever hold splats are one variable per form: the taps below (a loaded lane splatted by a
;; shuffle, f32x4.splat, load32_splat, i32x4.splat) are written to lane a alone (`l1`, `l1f`), converted once, and
;; read as that variable in all four lanes; the accumulator, given a load, keeps four lanes.
(module
  (memory 1)
  (func (export "fir") (param $n i32) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $acc v128)
    (local $k v128)
    (local.set $t0 (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (v128.load (i32.const 64)) (v128.load (i32.const 64))))
    (local.set $t1 (f32x4.splat (f32.load (i32.const 80))))
    (local.set $t2 (v128.load32_splat (i32.const 84)))
    (local.set $k (i32x4.splat (local.get $n)))
    (local.set $acc (v128.load (i32.const 0)))
    (loop $l
      (local.set $acc
        (f32x4.add (f32x4.mul (local.get $acc) (local.get $t0))
          (f32x4.add (f32x4.mul (v128.load (local.get $n)) (local.get $t1)) (local.get $t2))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 16)))))
    (v128.store (i32.const 0) (i32x4.add (local.get $acc) (local.get $k)))
    (v128.store (i32.const 16) (local.get $t0))))

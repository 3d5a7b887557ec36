(module
  (memory 1)
  ;; f32 lanes of a sliding window (src/translate.ts `reuseFloatLanes`): inside a loop, each load's lanes 0..2 come
  ;; from the loads before it in the same straight-line run (same base local, same view), kept in `lf<k>` from the
  ;; line that read them; lane 3 is always read (the wrap-around argument in the README). A store ends the run; so
  ;; does every cut point of the function's top level (a piece of a split body cannot see another's temporaries).
  (func (export "window") (param $p i32) (param $n i32)
    (loop $l
      (v128.store offset=1024 (local.get $p)
        (f32x4.add
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $p) (i32.const 8))) (v128.const f32x4 3 3 3 3))
            (f32x4.mul (v128.load (i32.add (local.get $p) (i32.const 4))) (v128.const f32x4 5 5 5 5)))
          (f32x4.mul (v128.load (local.get $p)) (v128.const f32x4 7 7 7 7))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "stored") (param $p i32) (param $n i32) (local $a v128)
    (loop $l
      (local.set $a (f32x4.mul (v128.load offset=4 (local.get $p)) (v128.const f32x4 5 5 5 5)))
      (i32.store (local.get $p) (i32.const 0))
      (v128.store offset=1024 (local.get $p)
        (f32x4.add (local.get $a) (f32x4.mul (v128.load (local.get $p)) (v128.const f32x4 7 7 7 7))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))

;; f32x4 lanes as numbers: a load read by an f32 operator reads floats (getFloat32), an f32 result is stored as
;; floats (setFloat32), a v128 local read by f32 operators is held as numbers too (l<i>f..), and only as numbers
;; when nothing reads its bits; constants read as numbers are folded.
(module
  (memory 1)
  (func (export "fir") (param $n i32) (local $tap v128) (local $acc v128)
    (local.set $tap (v128.load (i32.const 64)))
    (loop $l
      (local.set $acc
        (f32x4.add (local.get $acc) (f32x4.mul (v128.load (local.get $n)) (local.get $tap))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 16)))))
    (v128.store (i32.const 0) (local.get $acc)))
  (func (export "dual") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (v128.store (i32.const 16) (f32x4.mul (local.get $v) (v128.const f32x4 0.5 2 -0 1)))
    (v128.store (i32.const 32) (local.get $v)))
  (func (export "copy")
    (v128.store (i32.const 16) (v128.load (i32.const 0))))
  ;; word shuffles move lanes as they are held: a splat of a local's lane stays pending (the local's numbers for
  ;; f32x4.mul), a shuffle of f32 results stays numbers; f32x4.splat and load32_splat read as numbers when an f32
  ;; operator consumes them
  (func (export "transform") (param $i i32) (local $p v128)
    (local.set $p (v128.load (local.get $i)))
    (v128.store (i32.const 0)
      (f32x4.add
        (f32x4.mul (v128.load (i32.const 32)) (i8x16.shuffle 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3 (local.get $p) (local.get $p)))
        (f32x4.mul (v128.load (i32.const 48)) (i8x16.shuffle 4 5 6 7 4 5 6 7 4 5 6 7 4 5 6 7 (local.get $p) (local.get $p)))))
    (v128.store (i32.const 16)
      (i8x16.shuffle 4 5 6 7 0 1 2 3 28 29 30 31 24 25 26 27
        (f32x4.mul (f32x4.splat (f32.load (i32.const 64))) (v128.load32_splat (i32.const 68)))
        (f32x4.neg (v128.load (i32.const 80))))))
  ;; a local read as bits once before a loop and written as numbers in it: no conversion back to bits in the loop
  ;; (src/v128-forms.ts: nothing reads those bits before the next write)
  (func (export "iterate") (param $n i32) (local $z v128) (local $w v128)
    (local.set $z (v128.load (i32.const 0)))
    (local.set $w (local.get $z))
    (loop $l
      (local.set $z (f32x4.add (f32x4.mul (local.get $z) (local.get $z)) (local.get $w)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (i32.const 0) (f32x4.mul (local.get $z) (local.get $w))))
  ;; a vector gathered from f32 scalars (load32_zero, then replace_lane) that an f32 operator reads holds numbers
  ;; from the start (the load and each replacement rewritten to their float forms); stored as it is, bits
  ;; (f32Bits); a replacement in an f32 result, and a lane extracted from one, take the numbers
  (func (export "gather") (param $i i32) (result f32)
    (v128.store (i32.const 0)
      (f32x4.mul
        (f32x4.replace_lane 2 (f32x4.replace_lane 1 (v128.load32_zero (local.get $i))
          (f32.load offset=12 (local.get $i))) (f32.load offset=24 (local.get $i)))
        (v128.load (i32.const 32))))
    (v128.store (i32.const 16)
      (f32x4.replace_lane 1 (v128.load32_zero (local.get $i)) (f32.load offset=12 (local.get $i))))
    (v128.store (i32.const 48)
      (f32x4.sub (f32x4.replace_lane 3 (f32x4.sqrt (v128.load (i32.const 32))) (f32.load (i32.const 4)))
        (v128.load (i32.const 64))))
    (f32x4.extract_lane 1 (f32x4.add (v128.load (i32.const 64)) (v128.load (i32.const 80)))))
  ;; $v is read as bits and as numbers, but its bits only after the second write: the first (a load) goes in as
  ;; numbers alone (getFloat32, no conversion), the second as bits and numbers
  (func (export "reuse") (local $v v128)
    (local.set $v (v128.load (i32.const 0)))
    (v128.store (i32.const 256) (f32x4.mul (local.get $v) (local.get $v)))
    (local.set $v (v128.load (i32.const 16)))
    (v128.store (i32.const 272) (local.get $v))
    (v128.store (i32.const 288) (f32x4.add (local.get $v) (v128.load (i32.const 32)))))
)

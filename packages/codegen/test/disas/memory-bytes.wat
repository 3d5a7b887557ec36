;; byte loads index the memory's Uint8Array (`m0_u8`), falling back to the DataView (whose RangeError is the bounds
;; check) only for an index out of bounds; a computed address loses its `| 0` before `>>> 0`
(module
  (memory 1)
  (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $s (i32.xor (local.get $s) (i32.load8_s offset=4 (local.get $p))))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.add (local.get $p) (i32.const 8)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "wide") (param $p i32) (result i64)
    (i64.add (i64.load8_u (local.get $p)) (i64.load8_s offset=1 (local.get $p)))))

;; plainFloatLoads
;; float-memory.wat with CompileOptions.plainFloatLoads (NaN-canonical hosts): a load whose value only reaches
;; arithmetic (directly, or through a local that nothing stores, moves or reads as bits) is the getter alone; a load
;; into a local that is stored, or carried by a branch, keeps its test.
(module
  (memory 1)
  (func (export "axpy") (param $a f64) (param $x i32) (param $y i32)
    (f64.store (local.get $y)
      (f64.add (f64.mul (local.get $a) (f64.load (local.get $x))) (f64.load offset=8 (local.get $y)))))
  (func (export "axpy32") (param $a f32) (param $x i32) (param $y i32)
    (f32.store (local.get $y)
      (f32.add (f32.mul (local.get $a) (f32.load (local.get $x))) (f32.load offset=4 (local.get $y)))))
  (func (export "sum") (param $x i32) (param $n i32) (result f64) (local $s f64) (local $v f64)
    (loop $l
      (local.set $v (f64.load (local.get $x)))
      (local.set $s (f64.add (local.get $s) (f64.mul (local.get $v) (local.get $v))))
      (f64.store offset=8 (local.get $x) (local.get $s))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "copy") (param $x i32) (param $p f64) (local $v f64)
    (local.set $v (f64.load (local.get $x)))
    (f64.store offset=8 (local.get $x) (local.get $v))
    (f64.store offset=16 (local.get $x) (local.get $p))
    (f64.store offset=24 (local.get $x)
      (block (result f64) (f64.load (local.get $x)) (br_if 0 (local.get $x)) (f64.add (f64.const 1))))))

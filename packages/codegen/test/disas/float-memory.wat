;; f32 and f64 loads and stores inline (a NaN other than the canonical one goes through H.loadF64 / H.storeF64, or
;; H.loadF32 / H.storeF32, as bits)
(module
  (memory 1)
  (func (export "axpy") (param $a f64) (param $x i32) (param $y i32)
    (f64.store (local.get $y)
      (f64.add (f64.mul (local.get $a) (f64.load (local.get $x))) (f64.load offset=8 (local.get $y)))))
  (func (export "axpy32") (param $a f32) (param $x i32) (param $y i32)
    (f32.store (local.get $y)
      (f32.add (f32.mul (local.get $a) (f32.load (local.get $x))) (f32.load offset=4 (local.get $y))))))

;; f64 loads and stores inline (a NaN other than the canonical one goes through H.loadF64 / H.storeF64 as bits)
(module
  (memory 1)
  (func (export "axpy") (param $a f64) (param $x i32) (param $y i32)
    (f64.store (local.get $y)
      (f64.add (f64.mul (local.get $a) (f64.load (local.get $x))) (f64.load offset=8 (local.get $y))))))

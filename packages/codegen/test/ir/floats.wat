;; pass: emit
(module
  (memory 1)
  (func (export "f") (param f32 f64) (result f64)
    ;; f32 NaN constants are built from their bits; f32 loads and stores keep payloads
    (f32.store (i32.const 8) (f32.add (local.get 0) (f32.const nan:0x200000)))
    (f64.add (f64.promote_f32 (f32.load (i32.const 8))) (f64.mul (local.get 1) (f64.const -0.5)))))

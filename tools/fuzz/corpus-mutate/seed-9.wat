(module (func (export "f") (result f64) (f64.const +0x1.000000000000200000000001p-600)))

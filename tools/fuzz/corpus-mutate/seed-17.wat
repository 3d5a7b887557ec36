(module (func (export "f") (result f64) (f64.const -0x8000000.000000400000000000p-627)))

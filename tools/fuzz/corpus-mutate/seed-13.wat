(module (func (export "f") (result f32) (f32.const +0x1.00000200000000000p+50)))

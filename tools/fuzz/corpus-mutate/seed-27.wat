(module (func (export "f") (result f32) (f32.const +0x1.000004fffffffffffp-50)))

(module (func (export "f") (result f32) (f32.const -8.8817847263968443574e-16)))

(module
  (memory 1)
  (func (export "load") (param i32) (result i64) (i64.load32_u offset=8 (local.get 0)))
  (func (export "store") (param i32 f32) (f32.store (local.get 0) (local.get 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2))))

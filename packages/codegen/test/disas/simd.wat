(module
  (memory 1)
  (func (export "add") (param v128 v128) (result v128) (i8x16.add (local.get 0) (local.get 1)))
  (func (export "lane") (param v128) (result i32) (i32x4.extract_lane 2 (local.get 0)))
  (func (export "const") (result v128) (v128.const i32x4 1 2 3 4))
  (func (export "load") (param i32) (result v128) (v128.load offset=16 (local.get 0)))
  (func (export "shuffle") (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1))))

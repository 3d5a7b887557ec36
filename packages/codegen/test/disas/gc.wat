(module
  (type $point (struct (field $x (mut i32)) (field $y i8)))
  (type $arr (array (mut f64)))
  (func (export "make") (param i32) (result (ref $point)) (struct.new $point (local.get 0) (i32.const 255)))
  (func (export "y") (param (ref null $point)) (result i32) (struct.get_s $point $y (local.get 0)))
  (func (export "len") (param (ref $arr)) (result i32) (array.len (local.get 0)))
  (func (export "is_point") (param anyref) (result i32) (ref.test (ref $point) (local.get 0)))
  (func (export "i31") (param i32) (result i32) (i31.get_u (ref.i31 (local.get 0)))))

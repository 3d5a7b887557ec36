(module
  (type $t (func (param i32) (result i32)))
  (import "env" "host" (func $host (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $inc $host)
  (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func (export "direct") (param i32) (result i32) (call $host (call $inc (local.get 0))))
  (func (export "indirect") (param i32 i32) (result i32) (call_indirect (type $t) (local.get 0) (local.get 1))))

;; A small script for `wasmts wast`: a valid module, an invalid one and a malformed one.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_invalid
  (module (func (result i32) (i64.const 0)))
  "type mismatch")
(assert_malformed
  (module quote "(func (result i32) (i32.const))")
  "unexpected token")

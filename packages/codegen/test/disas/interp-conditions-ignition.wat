;; branchCondValues values
;; Conditions for V8's Ignition (node --jitless): comparisons' i32 values are `c ? 1 : 0`, but a number tested by
;; if, br_if and select stays bare (`if (x)`, no `tc`): Ignition branches on it directly, and a comparison with 0 is
;; one more bytecode with a feedback slot (interp-conditions.wat has the JavaScriptCore form).
(module
  (func (export "conds") (param i32 i32 i64) (result i32)
    (local i32)
    (block
      (br_if 0 (local.get 0))
      (br_if 0 (i32.and (local.get 0) (local.get 1)))
      (br_if 0 (i32.eqz (i32.and (local.get 0) (i32.const 3))))
      (br_if 0 (i32.eq (i32.const 0) (i32.shl (local.get 1) (i32.const 2))))
      (br_if 0 (i32.ne (i32.or (local.get 0) (local.get 1)) (i32.const 0)))
      (br_if 0 (i64.eqz (local.get 2)))
      (br_if 0 (i32.lt_u (local.get 0) (local.get 1))))
    (if (i32.xor (local.get 0) (local.get 1))
      (then (local.set 3 (i32.const 1))))
    (local.set 3
      (select (local.get 0) (local.get 1) (i32.add (local.get 0) (local.get 1))))
    (i32.add
      (local.get 3)
      (i32.add
        (i32.eqz (i32.and (local.get 0) (i32.const 1)))
        (i32.eqz (i32.and (local.get 1) (i32.const 1)))))))

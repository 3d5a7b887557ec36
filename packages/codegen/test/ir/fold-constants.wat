;; pass: fold-constants
(module
  (func (export "i32") (param i32) (result i32)
    ;; (7 * 6) - 2 folds to 40; x + 0 and x * 1 are x
    (i32.add
      (i32.mul (i32.add (local.get 0) (i32.const 0)) (i32.const 1))
      (i32.sub (i32.mul (i32.const 7) (i32.const 6)) (i32.const 2))))
  (func (export "i64") (result i64)
    ;; folded with bigints before lowering: (1 << 40) | 5, rotl by 4
    (i64.rotl (i64.or (i64.shl (i64.const 1) (i64.const 40)) (i64.const 5)) (i64.const 4)))
  (func (export "traps") (result i32)
    ;; a division by zero may trap: it stays, to trap when it runs
    (i32.div_u (i32.const 1) (i32.const 0)))
  (func (export "compare") (result i32)
    (i32.lt_u (i32.const -1) (i32.const 1))))

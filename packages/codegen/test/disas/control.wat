(module
  (func (export "sum") (param i32) (result i32) (local i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $next)))
    (local.get 1))
  (func (export "pick") (param i32) (result i32)
    (block $a (block $b (br_table $a $b $a (local.get 0))) (return (i32.const 2)))
    (i32.const 1))
  (func (export "pair") (param i32) (result i32 i64)
    (if (result i32 i64) (local.get 0) (then (i32.const 1) (i64.const 2)) (else (i32.const 3) (i64.const 4)))))

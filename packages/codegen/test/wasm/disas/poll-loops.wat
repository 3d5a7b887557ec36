;; epochPoll: each loop wrapped in a poll loop of its type (the hooks), branch depths renumbered across it;
;; only a function that may recurse ($rec) checks at its entry (a function without loops counts the epoch
;; global there, nothing around its calls); $leaf checks nowhere, so no count crosses the calls to it
(module
  (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $caller (export "caller") (param i32) (result i32)
    (call $leaf (call $leaf (local.get 0))))
  (func (export "nested") (param $n i32) (result i32) (local $i i32)
    (block $done
      (loop $outer
        (br_if $done (i32.eqz (local.get $n)))
        (loop $inner
          (local.set $i (call $leaf (local.get $i)))
          (br_table $inner $outer $done (i32.and (local.get $i) (i32.const 3))))))
    (local.get $i))
  (func (export "sum") (param $n i32) (result i32)
    (i32.const 0)
    (local.get $n)
    (loop $l (param i32 i32) (result i32)
      (if (param i32 i32) (result i32) (i32.eqz (local.get $n))
        (then (drop))
        (else
          (i32.add)
          (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
          (br $l)))))
  (func $rec (export "rec") (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (call $rec (i32.sub (local.get 0) (i32.const 1))))
      (else (i32.const 0)))))

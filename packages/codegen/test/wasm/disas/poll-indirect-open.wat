;; epochPoll and indirect calls in a module whose table is exported: host code may put any function in it, so
;; the check count is stored before every `call_indirect` and reloaded after it, whatever the elements hold.
(module
  (type $op (func (param i32) (result i32)))
  (table (export "table") 1 funcref)
  (elem (i32.const 0) func $inc)
  (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
  (func (export "run") (param $n i32) (result i32) (local $acc i32)
    (loop $l
      (local.set $acc (call_indirect (type $op) (local.get $acc) (i32.const 0)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc)))

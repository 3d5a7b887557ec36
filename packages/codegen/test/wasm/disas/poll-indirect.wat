;; epochPoll and indirect calls: the table is neither imported nor exported and no import or export has a
;; reference type, so an indirect call can reach only the functions the elements declare. Those of type $op
;; ($inc, $dbl) check nowhere: no check count crosses a `call_indirect` or `call_ref` of $op (fuel is still
;; stored and reloaded). $spin, of type $op2, has a loop: around a `call_indirect` of $op2 the count is stored
;; and reloaded.
(module
  (type $op (func (param i32) (result i32)))
  (type $op2 (func (param i32 i32) (result i32)))
  (table 3 funcref)
  (elem (i32.const 0) func $inc $dbl $spin)
  (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $op) (i32.shl (local.get 0) (i32.const 1)))
  (func $spin (type $op2) (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))) (local.get 1))
  (func (export "run") (param $n i32) (result i32) (local $acc i32)
    (loop $l
      (local.set $acc (call_indirect (type $op) (local.get $acc) (i32.and (local.get $n) (i32.const 1))))
      (local.set $acc (call_ref $op (local.get $acc) (ref.func $dbl)))
      (local.set $acc (call_indirect (type $op2) (i32.const 3) (local.get $acc) (i32.const 2)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc)))

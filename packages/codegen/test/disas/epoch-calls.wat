;; tunables: {"epochInterruption": true}
(module
  (import "env" "host" (func $host))
  ;; with epochs and without fuel, a call to a function that checks the epoch nowhere and runs no host code
  ;; ($mid: no loop, calls only $leaf) is not followed by `ec = -1`: it cannot move the deadline, so the loop's next
  ;; back edge only counts down; a call to a function with a loop ($busy) or to the host still is
  (func $leaf (param i32) (result i32) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
  (func $mid (param i32) (result i32) (call $leaf (call $leaf (local.get 0))))
  (func $busy (param i32) (result i32)
    (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br_if $l (i32.gt_s (local.get 0) (i32.const 0))))
    (local.get 0))
  (func (export "run") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (call $mid (local.get 0))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get 0) (i32.const 0))))
    (local.get 1))
  (func (export "run2") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (call $busy (local.get 0))))
      (call $host)
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get 0) (i32.const 0))))
    (local.get 1))
)

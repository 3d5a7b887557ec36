;; pass: propagate-copies
(module
  (memory 1)
  (func (export "tee") (param i32) (result i32)
    ;; the tee'd value is read back from the local: one assignment, no temporary
    (i32.xor (local.tee 0 (i32.add (local.get 0) (i32.load (local.get 0)))) (local.get 0)))
  (func (export "constant") (result i32) (local i32)
    ;; a local holding a constant reads as the constant, until the loop that writes it
    (local.set 0 (i32.const 5))
    (drop (i32.add (local.get 0) (local.get 0)))
    (loop $l
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (local.get 0)))
    (local.get 0)))

;; pass: remove-dead-values
(module
  (memory 1)
  (func (export "dead") (param i32) (result i32) (local i32)
    ;; unused arithmetic goes; a dropped load stays (it may trap); a local never read is not written
    (drop (i32.add (local.get 0) (i32.const 1)))
    (drop (i32.load (local.get 0)))
    (local.set 1 (i32.mul (local.get 0) (local.get 0)))
    (local.get 0)))

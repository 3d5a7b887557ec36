;; pass: emit
;; tunables: {"consumeFuel": true, "epochInterruption": true}
(module
  (import "env" "f" (func $f (param i64) (result i64)))
  (type $t (func (result i32)))
  (table 1 funcref)
  (memory 1)
  (func (export "run") (param i32) (result i32)
    ;; fuel flushed before control flow and calls, checked at entry and loop headers; calls hand the counters over
    (loop $l
      (drop (call $f (i64.extend_i32_u (local.get 0))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (memory.fill (i32.const 0) (i32.const 1) (i32.const 16))
    (call_indirect (type $t) (i32.const 0))))

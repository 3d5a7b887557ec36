;; tunables: {"consumeFuel": true, "epochInterruption": true}
(module
  (import "env" "host" (func $host))
  (memory 1)
  ;; a loop: the hooks are called from its poll loop; the back edge only tests
  (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; nothing can trap: no try/finally, the return stores the fuel; the call hands it over and reloads after
  (func (export "calls") (param i32) (result i32)
    (call $host)
    (i32.add (local.get 0) (i32.const 1))))

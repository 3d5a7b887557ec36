;; A small module for `wasmts inspect`: an import, a memory, a mutable global, data and two exported
;; functions, with names for the name section. add.wasm is its binary form (make-add-wasm.ts).
(module $add
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory $mem (export "memory") 1 4)
  (global $calls (mut i32) (i32.const 0))
  (data (i32.const 16) "hello, wasmts")

  ;; Adds two numbers and counts the calls.
  (func $add (export "add") (type $binop)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.add (local.get 0) (local.get 1)))

  ;; Stores the sum at address 0 and logs it.
  (func $store_sum (export "store_sum") (param $a i32) (param $b i32)
    (i32.store (i32.const 0) (call $add (local.get $a) (local.get $b)))
    (call $log (i32.load (i32.const 0)))))

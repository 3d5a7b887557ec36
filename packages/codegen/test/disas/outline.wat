;; splitChars: 200
;; A body that is one loop (no point to split it at), longer than the limit: runs of statements inside the loop go
;; into functions of their own, `f0$o<k>` (src/outline.ts). Each takes the locals it uses, hands back the ones it
;; assigns through `H.O`, and ends with an exit code (`oc`) that the call site turns into the branch out of the run
;; (`break`/`continue` to a label outside it) or the `return` (its value in `H.O[0]`).
(module
  (func (export "step") (param $n i32) (param $d i32) (result i32) (local $x i32) (local $y i32)
    (loop $next
      (block $skip
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $n)))
        (local.set $y (i32.xor (local.get $y) (i32.rotl (local.get $x) (i32.const 5))))
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 37)) (local.get $y)))
        (br_if $skip (i32.and (local.get $x) (i32.const 1)))
        (local.set $y (i32.add (local.get $y) (i32.div_u (local.get $x) (local.get $d))))
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 41)) (local.get $y)))
        (if (i32.eq (local.get $y) (i32.const 7)) (then (return (local.get $x))))
        (local.set $y (i32.xor (local.get $y) (i32.rotl (local.get $x) (i32.const 7)))))
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 43)) (local.get $y)))
      (local.set $y (i32.xor (local.get $y) (i32.rotl (local.get $x) (i32.const 9))))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $x) (local.get $y))))

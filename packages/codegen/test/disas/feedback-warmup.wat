;; feedbackWarmup
;; CompileOptions.feedbackWarmup (the API's form where the host has a JIT): $long has a loop and over 1,000
;; characters of JS, so its first call runs an empty loop of one iteration per character (README.md, "Feedback
;; before the first loop") behind a flag of its own; $short (too small) and $straight (no loop) get none.
(module
  (memory (export "memory") 1)
  (func $long (export "long") (param $n i32) (result i32)
    (local $i i32) (local $a i32) (local $b i32) (local $c i32)
    (local.set $a (i32.load offset=0 (i32.const 0)))
    (local.set $b (i32.load offset=4 (i32.const 0)))
    (local.set $c (i32.load offset=8 (i32.const 0)))
    (loop $l
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $b) (i32.load offset=12 (local.get $i)))))
      (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 7))))
      (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $a) (i32.const 3))))
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $c) (i32.load offset=16 (local.get $i)))))
      (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $c) (i32.const 11))))
      (local.set $c (i32.sub (local.get $c) (i32.shl (local.get $b) (i32.const 5))))
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $b) (i32.load offset=20 (local.get $i)))))
      (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $a) (i32.const 13))))
      (local.set $c (i32.add (local.get $c) (i32.shr_u (local.get $a) (i32.const 9))))
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $c) (i32.load offset=24 (local.get $i)))))
      (local.set $b (i32.xor (local.get $b) (i32.rotl (local.get $c) (i32.const 17))))
      (local.set $c (i32.sub (local.get $c) (i32.shl (local.get $b) (i32.const 2))))
      (i32.store offset=28 (local.get $i) (local.get $a))
      (local.set $i (i32.and (i32.add (local.get $i) (i32.const 4)) (i32.const 1023)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.xor (local.get $a) (i32.xor (local.get $b) (local.get $c))))
  (func $short (export "short") (param $n i32) (result i32)
    (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func $straight (export "straight") (param $n i32) (result i32)
    (i32.mul (local.get $n) (local.get $n))))

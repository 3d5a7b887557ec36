;; i64.mul on pairs: the high word of the 32x32 product through a float64 product; operands whose high words are
;; known to be 0 (zero-extensions, masks, shifts, locals holding them in straight-line code, and locals that only
;; ever hold such values, across control flow) drop the cross products. The shape of compiler-rt's __multi3 (a
;; 64x64->128 product from 32-bit halves).
(module
  (memory 1)
  (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
  (func (export "wide") (param i32 i32) (result i64)
    (i64.mul (i64.extend_i32_u (local.get 0)) (i64.extend_i32_u (local.get 1))))
  (func (export "multi3") (param $out i32) (param $a i64) (param $b i64) (local $ah i64) (local $bh i64) (local $al i64) (local $bl i64) (local $t i64)
    (local.set $ah (i64.shr_u (local.get $a) (i64.const 32)))
    (local.set $bh (i64.shr_u (local.get $b) (i64.const 32)))
    (local.set $al (i64.and (local.get $a) (i64.const 0xffffffff)))
    (local.set $bl (i64.and (local.get $b) (i64.const 0xffffffff)))
    (local.set $t (i64.mul (local.get $al) (local.get $bl)))
    (local.set $t (i64.add (i64.shr_u (local.get $t) (i64.const 32)) (i64.mul (local.get $ah) (local.get $bl))))
    (i64.store (local.get $out) (local.get $t))
    (block)
    ;; after a block the straight-line facts are gone, but every value these locals are given is zero-extended (a
    ;; second translation assumes it and checks each local.set): still one 32x32 product
    (i64.store offset=8 (local.get $out) (i64.mul (local.get $al) (local.get $bh))))
  ;; 26-bit limbs set before a loop and multiplied in it (poly1305): the product has no cross terms
  (func (export "limbs") (param $a i32) (param $b i32) (param $n i32) (result i64) (local $x i64) (local $y i64) (local $s i64)
    (local.set $x (i64.extend_i32_u (i32.and (local.get $a) (i32.const 0x3ffffff))))
    (local.set $y (i64.extend_i32_u (i32.and (local.get $b) (i32.const 0x3ffffff))))
    (loop $l
      (local.set $s (i64.add (local.get $s) (i64.mul (local.get $x) (local.get $y))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; one local.set of a full value (the parameter) makes $x a full pair everywhere: the cross terms stay
  (func (export "mixed") (param $a i32) (param $w i64) (param $n i32) (result i64) (local $x i64) (local $s i64)
    (local.set $x (i64.extend_i32_u (local.get $a)))
    (loop $l
      (local.set $s (i64.add (local.get $s) (i64.mul (local.get $x) (local.get $x))))
      (if (i32.eq (local.get $n) (i32.const 3)) (then (local.set $x (local.get $w))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; by a constant (either side): the float product by the constant's quotient by 2^32
  (func (export "prime") (param i64) (result i64) (i64.mul (i64.const 0x9E3779B185EBCA87) (local.get 0)))
  ;; by a constant below 2^21 (x25519's reduction by 19): that product is exact as a double, no correction by the low
  ;; word; a mask of all ones in a word leaves that word as it is
  (func (export "by19") (param i64) (result i64) (i64.mul (local.get 0) (i64.const 19)))
  (func (export "low51") (param i64) (result i64) (i64.and (local.get 0) (i64.const 0x7ffffffffffff)))
  ;; a sum of 32x32 products (poly1305's rows): the products' doubles added (`s<d>x`), no carries; the hi words the
  ;; sums assign and the next sum does not read are dead, which V8's optimizing compiler drops
  (func (export "dot") (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i64)
    (i64.add
      (i64.add (i64.mul (i64.extend_i32_u (local.get $a)) (i64.extend_i32_u (local.get $b)))
        (i64.mul (i64.extend_i32_u (local.get $c)) (i64.extend_i32_u (local.get $d))))
      (i64.mul (i64.extend_i32_u (local.get $a)) (i64.const 19)))))

;; tunables: {"consumeFuel": true}
;; features: {"wideArithmetic": true}
(module
  (memory 1)
  ;; wide arithmetic cannot trap (OpFlag.Silent): no try/catch adding the fuel local on a trap, the return adds it
  ;; (the block's end flushes: the fuel local then differs from the counter until something stores it)
  (func (export "mul") (param $a i64) (param $b i64) (result i64 i64)
    (block (br_if 0 (i64.eqz (local.get $a))))
    (i64.mul_wide_u (local.get $a) (local.get $b)))
  (func (export "add") (param $a i64) (param $b i64) (result i64 i64)
    (i64.add128 (local.get $a) (local.get $b) (local.get $b) (local.get $a)))
  ;; a load may trap: the function gets its try/catch
  (func (export "load") (param $p i32) (param $b i64) (result i64 i64)
    (block (br_if 0 (i64.eqz (local.get $b))))
    (i64.sub128 (i64.load (local.get $p)) (local.get $b) (local.get $b) (local.get $b))))

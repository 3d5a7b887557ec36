(module
  (func (block $l0 (i32.const 0) (br_table $l0)))
)

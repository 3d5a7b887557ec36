(module (memory 0) (func (drop (i64.load16_s align=2 (i32.const 0)))))

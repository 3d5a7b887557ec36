(module (memory i64 0) (func (drop (i64.load align=8 (i64.const 0)))))

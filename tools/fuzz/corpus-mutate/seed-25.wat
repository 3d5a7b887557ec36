(module (func (v128.const f64x2 -1e308 -1e308) drop))

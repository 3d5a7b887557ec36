(module (func (i32.const -0x80000000) drop))

(module (table i64 0 funcref))

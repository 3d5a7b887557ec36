(module (export "a" (memory $a)) (memory $a 0 1))

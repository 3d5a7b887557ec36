(module (memory 0) (export "a" (memory 0)) (export "b" (memory 0)))

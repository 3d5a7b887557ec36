(module
  (export "a" (memory 0))
  (memory 6)

  (export "b" (memory 1))
  (memory 3)
)

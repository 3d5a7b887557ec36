(module (import "test-memory-2-inf" "memory-2-inf" (memory 0)))

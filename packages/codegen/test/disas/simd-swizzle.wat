(module
  (memory 1)
  ;; `i8x16.swizzle` (src/lanes.ts): a constant table (simdjson-style nibble lookups) is hoisted once per instance
  ;; as a table of byte pairs (`H.swizzlePairs`), two lookups per word; a table known only at run time is copied
  ;; into the shared 256-byte table first (`H.swizzleTable`) and looked up a byte at a time
  (func (export "nibbles") (param i32) (result v128)
    (v128.and
      (i8x16.swizzle (v128.const i8x16 16 0 0 0 0 0 0 0 0 8 12 1 2 9 0 0)
        (v128.and (v128.load (local.get 0)) (v128.const i8x16 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15)))
      (i8x16.swizzle (v128.const i8x16 8 0 18 4 0 1 0 1 0 0 0 3 2 1 0 0)
        (i8x16.shr_u (v128.load (local.get 0)) (i32.const 4)))))
  (func (export "dynamic") (param i32) (result v128)
    (i8x16.swizzle (v128.load (local.get 0)) (v128.load offset=16 (local.get 0)))))

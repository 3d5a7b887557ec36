
  var bufferView;

  var scratchBuffer = new ArrayBuffer(16);
  var i32ScratchView = new Int32Array(scratchBuffer);
  var f32ScratchView = new Float32Array(scratchBuffer);
  var f64ScratchView = new Float64Array(scratchBuffer);
  
  function wasm2js_memory_fill(dest, value, size) {
    dest = dest >>> 0;
    size = size >>> 0;
    if (dest + size > bufferView.length) throw "trap: invalid memory.fill";
    bufferView.fill(value, dest, dest + size);
  }
      
  function wasm2js_memory_copy(dest, source, size) {
    // TODO: traps on invalid things
    bufferView.copyWithin(dest, source, source + size);
  }
      
function asmFunc(env) {
 var buffer = new ArrayBuffer(1114112);
 var HEAP8 = new Int8Array(buffer);
 var HEAP16 = new Int16Array(buffer);
 var HEAP32 = new Int32Array(buffer);
 var HEAPU8 = new Uint8Array(buffer);
 var HEAPU16 = new Uint16Array(buffer);
 var HEAPU32 = new Uint32Array(buffer);
 var HEAPF32 = new Float32Array(buffer);
 var HEAPF64 = new Float64Array(buffer);
 var Math_imul = Math.imul;
 var Math_fround = Math.fround;
 var Math_abs = Math.abs;
 var Math_clz32 = Math.clz32;
 var Math_min = Math.min;
 var Math_max = Math.max;
 var Math_floor = Math.floor;
 var Math_ceil = Math.ceil;
 var Math_trunc = Math.trunc;
 var Math_sqrt = Math.sqrt;
 var abort = env.abort;
 var nan = NaN;
 var infinity = Infinity;
 var i64toi32_i32$HIGH_BITS = 0;
 function $0($0_1) {
  $0_1 = $0_1 | 0;
  var $1 = 0, $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0, $14 = 0;
  $2 = 99;
  $3 = -2048;
  while (1) {
   $2 = $2 ^ $2 << 13;
   $2 = $2 >>> 17 ^ $2;
   $2 = $2 << 5 ^ $2;
   HEAP32[$3 + 3072 >> 2] = $2;
   $2 = $2 ^ $2 << 13;
   $2 = $2 >>> 17 ^ $2;
   $2 = $2 << 5 ^ $2;
   HEAP32[$3 + 5120 >> 2] = $2;
   $3 = $3 + 4 | 0;
   if ($3) {
    continue
   }
   break;
  };
  $9 = -2128831035;
  if (($0_1 | 0) > 0) {
   while (1) {
    $10 = 5120;
    wasm2js_memory_fill(5120, 0, 4096);
    $8 = 0;
    while (1) {
     $11 = $8 << 2;
     $12 = HEAP32[$11 + 1024 >> 2];
     $1 = 0;
     $7 = 0;
     $3 = 0;
     while (1) {
      $4 = $7;
      $2 = $3 + $10 | 0;
      $5 = HEAP32[$2 >> 2];
      $6 = $5 + $1 | 0;
      $1 = $6;
      $7 = $5 >>> 0 > $1 >>> 0 ? $4 + 1 | 0 : $4;
      $5 = __wasm_i64_mul(HEAP32[$3 + 3072 >> 2], $12, $14);
      $6 = i64toi32_i32$HIGH_BITS + $7 | 0;
      $1 = $1 + $5 | 0;
      $6 = $5 >>> 0 > $1 >>> 0 ? $6 + 1 | 0 : $6;
      $7 = $1;
      HEAP32[$2 >> 2] = $1;
      $2 = $2 + 4 | 0;
      $5 = 32;
      $4 = $5 & 31;
      if (($5 & 63) >>> 0 >= 32) {
       $1 = 0;
       $6 = $6 >>> $4 | 0;
      } else {
       $1 = $6 >>> $4 | 0;
       $6 = ((1 << $4) - 1 & $6) << 32 - $4 | $7 >>> $4;
      }
      $5 = HEAP32[$2 >> 2];
      $4 = $6 + $5 | 0;
      $1 = $4 >>> 0 < $5 >>> 0 ? $1 + 1 | 0 : $1;
      $7 = $4;
      $5 = __wasm_i64_mul(HEAP32[$3 + 3076 >> 2], $12, $14);
      $4 = $1 + i64toi32_i32$HIGH_BITS | 0;
      $1 = $7 + $5 | 0;
      $4 = $5 >>> 0 > $1 >>> 0 ? $4 + 1 | 0 : $4;
      HEAP32[$2 >> 2] = $1;
      $6 = $1;
      $5 = 32;
      $1 = $5 & 31;
      if (($5 & 63) >>> 0 >= 32) {
       $7 = 0;
       $1 = $4 >>> $1 | 0;
      } else {
       $7 = $4 >>> $1 | 0;
       $1 = ((1 << $1) - 1 & $4) << 32 - $1 | $6 >>> $1;
      }
      $3 = $3 + 8 | 0;
      if (($3 | 0) != 2048) {
       continue
      }
      break;
     };
     HEAP32[$11 + 7168 >> 2] = $1;
     $10 = $10 + 4 | 0;
     $8 = $8 + 1 | 0;
     if (($8 | 0) != 512) {
      continue
     }
     break;
    };
    $3 = -4096;
    while (1) {
     $9 = Math_imul(HEAP32[$3 + 9228 >> 2] ^ Math_imul(HEAP32[$3 + 9224 >> 2] ^ Math_imul(HEAP32[$3 + 9220 >> 2] ^ Math_imul($9 ^ HEAP32[$3 + 9216 >> 2], 16777619), 16777619), 16777619), 16777619);
     $3 = $3 + 16 | 0;
     if ($3) {
      continue
     }
     break;
    };
    wasm2js_memory_copy(1024, 6144, 2048);
    $13 = $13 + 1 | 0;
    if (($0_1 | 0) != ($13 | 0)) {
     continue
    }
    break;
   }
  }
  return $9 | 0;
 }
 
 function __wasm_i64_mul($0_1, $1, $2) {
  var $3 = 0, $4 = 0, $5 = 0;
  $5 = Math_imul($0_1, $2);
  $2 = $1 >>> 16 | 0;
  $3 = $0_1 >>> 16 | 0;
  $1 = $1 & 65535;
  $0_1 = $0_1 & 65535;
  $4 = Math_imul($1, $0_1);
  $1 = ($4 >>> 16 | 0) + Math_imul($1, $3) | 0;
  $3 = $5 + Math_imul($2, $3) + ($1 >>> 16) | 0;
  $1 = Math_imul($0_1, $2) + ($1 & 65535) | 0;
  i64toi32_i32$HIGH_BITS = $3 + ($1 >>> 16 | 0) | 0;
  return $4 & 65535 | $1 << 16;
 }
 
 bufferView = HEAPU8;
 function __wasm_memory_size() {
  return buffer.byteLength / 65536 | 0;
 }
 
 function __wasm_memory_grow(pagesToAdd) {
  pagesToAdd = pagesToAdd | 0;
  var oldPages = __wasm_memory_size() | 0;
  var newPages = oldPages + pagesToAdd | 0;
  if ((oldPages < newPages) && (newPages < 65536)) {
   var newBuffer = new ArrayBuffer(Math_imul(newPages, 65536));
   var newHEAP8 = new Int8Array(newBuffer);
   newHEAP8.set(HEAP8);
   HEAP8 = new Int8Array(newBuffer);
   HEAP16 = new Int16Array(newBuffer);
   HEAP32 = new Int32Array(newBuffer);
   HEAPU8 = new Uint8Array(newBuffer);
   HEAPU16 = new Uint16Array(newBuffer);
   HEAPU32 = new Uint32Array(newBuffer);
   HEAPF32 = new Float32Array(newBuffer);
   HEAPF64 = new Float64Array(newBuffer);
   buffer = newBuffer;
   bufferView = HEAPU8;
  }
  return oldPages;
 }
 
 return {
  "memory": Object.create(Object.prototype, {
   "grow": {
    "value": __wasm_memory_grow
   }, 
   "buffer": {
    "get": function () {
     return buffer;
    }
    
   }
  }), 
  "run": $0
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var run = retasmFunc.run;

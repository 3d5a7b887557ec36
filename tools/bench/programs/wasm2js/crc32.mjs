
function asmFunc(env) {
 var buffer = new ArrayBuffer(2162688);
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
 function $0($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2 = 0, $3 = 0, $4 = 0;
  $1_1 = 1024;
  while (1) {
   $2 = $3 >>> 1 | 0;
   $2 = $3 & 1 ? $2 ^ -306674912 : $2;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   $2 = $2 & 1 ? $4 ^ -306674912 : $4;
   $4 = $2 >>> 1 | 0;
   HEAP32[$1_1 >> 2] = $2 & 1 ? $4 ^ -306674912 : $4;
   $1_1 = $1_1 + 4 | 0;
   $3 = $3 + 1 | 0;
   if (($3 | 0) != 256) {
    continue
   }
   break;
  };
  $1_1 = 3;
  $3 = -1048576;
  while (1) {
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$3 + 1050624 | 0] = $1_1;
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$3 + 1050625 | 0] = $1_1;
   $3 = $3 + 2 | 0;
   if ($3) {
    continue
   }
   break;
  };
  label$3 : {
   if (($0_1 | 0) <= 0) {
    $3 = 0;
    break label$3;
   }
   $2 = 0;
   $3 = 0;
   while (1) {
    $1_1 = $3 ^ -1;
    $3 = -1048576;
    while (1) {
     $1_1 = HEAP32[((HEAPU8[$3 + 1050624 | 0] ^ $1_1 & 255) << 2) + 1024 >> 2] ^ $1_1 >>> 8;
     $1_1 = HEAP32[((HEAPU8[$3 + 1050625 | 0] ^ $1_1 & 255) << 2) + 1024 >> 2] ^ $1_1 >>> 8;
     $3 = $3 + 2 | 0;
     if ($3) {
      continue
     }
     break;
    };
    $3 = $1_1 ^ -1;
    $2 = $2 + 1 | 0;
    if (($0_1 | 0) != ($2 | 0)) {
     continue
    }
    break;
   };
  }
  return $3 | 0;
 }
 
 function $1($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2 = 0, $3 = 0;
  if (!$0_1) {
   return 0
  }
  $2 = $0_1 & 1;
  label$2 : {
   if (($0_1 | 0) == 1) {
    $1_1 = -1;
    $0_1 = 0;
    break label$2;
   }
   $3 = $0_1 & -2;
   $1_1 = -1;
   $0_1 = 0;
   while (1) {
    $1_1 = HEAP32[((HEAPU8[$0_1 + 2048 | 0] ^ $1_1 & 255) << 2) + 1024 >> 2] ^ $1_1 >>> 8;
    $1_1 = HEAP32[((HEAPU8[$0_1 + 2049 | 0] ^ $1_1 & 255) << 2) + 1024 >> 2] ^ $1_1 >>> 8;
    $0_1 = $0_1 + 2 | 0;
    if (($0_1 | 0) != ($3 | 0)) {
     continue
    }
    break;
   };
  }
  if ($2) {
   $1_1 = HEAP32[((HEAPU8[$0_1 + 2048 | 0] ^ $1_1 & 255) << 2) + 1024 >> 2] ^ $1_1 >>> 8
  }
  return $1_1 ^ -1;
 }
 
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
  "run": $0, 
  "crc32_prefix": $1
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var run = retasmFunc.run;
export var crc32_prefix = retasmFunc.crc32_prefix;

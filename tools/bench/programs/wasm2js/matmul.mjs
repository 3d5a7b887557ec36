
function asmFunc(env) {
 var buffer = new ArrayBuffer(1376256);
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
  var $1 = 0, $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0;
  $1 = 12345;
  while (1) {
   $2 = 0;
   while (1) {
    $4 = $2 + $3 | 0;
    $1 = $1 ^ $1 << 13;
    $1 = $1 >>> 17 ^ $1;
    $1 = $1 << 5 ^ $1;
    HEAP32[$4 + 1024 >> 2] = ($1 & 65535) - 32768;
    $1 = $1 ^ $1 << 13;
    $1 = $1 >>> 17 ^ $1;
    $1 = $1 << 5 ^ $1;
    HEAP32[$4 + 103424 >> 2] = ($1 & 65535) - 32768;
    $2 = $2 + 4 | 0;
    if (($2 | 0) != 640) {
     continue
    }
    break;
   };
   $3 = $3 + 640 | 0;
   $5 = $5 + 1 | 0;
   if (($5 | 0) != 160) {
    continue
   }
   break;
  };
  $9 = -2128831035;
  if (($0_1 | 0) > 0) {
   $10 = 206492;
   $11 = 7;
   $12 = 205824;
   while (1) {
    $5 = 1024;
    $7 = 0;
    while (1) {
     $8 = 0;
     $13 = 103424;
     while (1) {
      $2 = $13;
      $4 = 0;
      $3 = $6;
      while (1) {
       $1 = $5 + $4 | 0;
       $3 = Math_imul(HEAP32[$2 + 1920 >> 2], HEAP32[$1 + 12 >> 2]) + ((($3 + Math_imul(HEAP32[$2 >> 2], HEAP32[$1 >> 2]) | 0) + Math_imul(HEAP32[$2 + 640 >> 2], HEAP32[$1 + 4 >> 2]) | 0) + Math_imul(HEAP32[$2 + 1280 >> 2], HEAP32[$1 + 8 >> 2]) | 0) | 0;
       $2 = $2 + 2560 | 0;
       $4 = $4 + 16 | 0;
       if (($4 | 0) != 640) {
        continue
       }
       break;
      };
      HEAP32[(Math_imul($7, 640) + ($8 << 2) | 0) + 205824 >> 2] = $3;
      $13 = $13 + 4 | 0;
      $8 = $8 + 1 | 0;
      if (($8 | 0) != 160) {
       continue
      }
      break;
     };
     $5 = $5 + 640 | 0;
     $7 = $7 + 1 | 0;
     if (($7 | 0) != 160) {
      continue
     }
     break;
    };
    $5 = 1;
    $2 = $6;
    $1 = $12;
    $4 = $11;
    $3 = $10;
    while (1) {
     $9 = Math_imul(HEAP32[Math_imul(($4 >>> 0) / 160 | 0, -640) + $3 >> 2] ^ Math_imul($9 ^ HEAP32[Math_imul(($2 >>> 0) / 160 | 0, -640) + $1 >> 2], 16777619), 16777619);
     $2 = $2 + 14 | 0;
     $1 = $1 + 1336 | 0;
     $4 = $4 + 14 | 0;
     $3 = $3 + 1336 | 0;
     $5 = $5 + 2 | 0;
     if (($5 | 0) != 161) {
      continue
     }
     break;
    };
    $2 = ($6 >>> 0) % 160 | 0;
    $3 = Math_imul($2, 640);
    $2 = $2 << 2;
    $1 = ($3 + $2 | 0) + 1024 | 0;
    HEAP32[$1 >> 2] = HEAP32[$1 >> 2] ^ HEAP32[$2 + 307584 >> 2];
    $12 = $12 + 4 | 0;
    $11 = $11 + 1 | 0;
    $10 = $10 + 4 | 0;
    $6 = $6 + 1 | 0;
    if (($0_1 | 0) != ($6 | 0)) {
     continue
    }
    break;
   };
  }
  return $9 | 0;
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
  "run": $0
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var run = retasmFunc.run;


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
 function $0($0_1) {
  $0_1 = $0_1 | 0;
  var $1 = 0, $2 = 0, $3 = 0.0, $4 = 0, $5 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0.0, $12 = 0.0, $13 = 0.0, $14 = 0;
  $5 = ($0_1 | 0) < 2e3 ? $0_1 : 2e3;
  label$1 : {
   if (($0_1 | 0) <= 0) {
    break label$1
   }
   $1 = ($5 | 0) > 1 ? $5 : 1;
   $4 = $1 & 7;
   if ($1 - 1 >>> 0 >= 7) {
    $6 = $1 & 2147483640;
    $1 = 1056;
    while (1) {
     HEAP32[$1 >> 2] = 0;
     HEAP32[$1 + 4 >> 2] = 1072693248;
     $2 = $1 + 24 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 + 16 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 + 8 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 - 8 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 - 16 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 - 24 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $2 = $1 - 32 | 0;
     HEAP32[$2 >> 2] = 0;
     HEAP32[$2 + 4 >> 2] = 1072693248;
     $1 = $1 - -64 | 0;
     $7 = $7 + 8 | 0;
     if (($7 | 0) != ($6 | 0)) {
      continue
     }
     break;
    };
   }
   if (!$4) {
    break label$1
   }
   $1 = ($7 << 3) + 1024 | 0;
   while (1) {
    HEAP32[$1 >> 2] = 0;
    HEAP32[$1 + 4 >> 2] = 1072693248;
    $1 = $1 + 8 | 0;
    $4 = $4 - 1 | 0;
    if ($4) {
     continue
    }
    break;
   };
  }
  $14 = ($0_1 | 0) <= 0;
  label$5 : {
   label$6 : {
    label$7 : {
     while (1) {
      label$8 : {
       if (!$14) {
        $6 = 0;
        while (1) {
         $2 = $6 + 1 | 0;
         $3 = 0.0;
         $1 = 1024;
         $4 = 0;
         while (1) {
          $7 = $4 + $6 | 0;
          $3 = 1.0 / +($2 + (Math_imul($7 + 1 | 0, $7) >>> 1 | 0) | 0) * HEAPF64[$1 >> 3] + $3;
          $1 = $1 + 8 | 0;
          $4 = $4 + 1 | 0;
          if (($4 | 0) != ($5 | 0)) {
           continue
          }
          break;
         };
         HEAPF64[($6 << 3) + 33024 >> 3] = $3;
         $6 = $2;
         if (($2 | 0) != ($5 | 0)) {
          continue
         }
         break;
        };
        $2 = 2;
        $9 = 0;
        $8 = 0;
        while (1) {
         $3 = 0.0;
         $1 = 33024;
         $4 = $9;
         $7 = $2;
         $6 = 0;
         while (1) {
          $3 = 1.0 / +(($6 + ($4 >>> 1 | 0) | 0) + 1 | 0) * HEAPF64[$1 >> 3] + $3;
          $4 = $4 + $7 | 0;
          $7 = $7 + 2 | 0;
          $1 = $1 + 8 | 0;
          $6 = $6 + 1 | 0;
          if (($6 | 0) != ($5 | 0)) {
           continue
          }
          break;
         };
         HEAPF64[($8 << 3) + 17024 >> 3] = $3;
         $9 = $2 + $9 | 0;
         $2 = $2 + 2 | 0;
         $8 = $8 + 1 | 0;
         if (($5 | 0) != ($8 | 0)) {
          continue
         }
         break;
        };
        $6 = 0;
        while (1) {
         $2 = $6 + 1 | 0;
         $3 = 0.0;
         $1 = 17024;
         $4 = 0;
         while (1) {
          $7 = $4 + $6 | 0;
          $3 = 1.0 / +($2 + (Math_imul($7 + 1 | 0, $7) >>> 1 | 0) | 0) * HEAPF64[$1 >> 3] + $3;
          $1 = $1 + 8 | 0;
          $4 = $4 + 1 | 0;
          if (($4 | 0) != ($5 | 0)) {
           continue
          }
          break;
         };
         HEAPF64[($6 << 3) + 33024 >> 3] = $3;
         $6 = $2;
         if (($2 | 0) != ($5 | 0)) {
          continue
         }
         break;
        };
        $2 = 2;
        $9 = 0;
        $8 = 0;
        while (1) {
         $3 = 0.0;
         $1 = 33024;
         $4 = $9;
         $7 = $2;
         $6 = 0;
         while (1) {
          $3 = 1.0 / +(($6 + ($4 >>> 1 | 0) | 0) + 1 | 0) * HEAPF64[$1 >> 3] + $3;
          $4 = $4 + $7 | 0;
          $7 = $7 + 2 | 0;
          $1 = $1 + 8 | 0;
          $6 = $6 + 1 | 0;
          if (($6 | 0) != ($5 | 0)) {
           continue
          }
          break;
         };
         HEAPF64[($8 << 3) + 1024 >> 3] = $3;
         $9 = $2 + $9 | 0;
         $2 = $2 + 2 | 0;
         $8 = $8 + 1 | 0;
         if (($5 | 0) != ($8 | 0)) {
          continue
         }
         break;
        };
        $10 = $10 + 1 | 0;
        if (($10 | 0) != 10) {
         continue
        }
        if (($0_1 | 0) <= 0) {
         break label$8
        }
        $1 = ($5 | 0) > 1 ? $5 : 1;
        $7 = $1 & 1;
        if (($5 | 0) >= 2) {
         break label$7
        }
        $1 = 0;
        break label$6;
       }
       $10 = $10 + 1 | 0;
       if (($10 | 0) != 10) {
        continue
       }
      }
      break;
     };
     $3 = nan;
     break label$5;
    }
    $4 = $1 & 2147483646;
    $5 = 0;
    $1 = 0;
    while (1) {
     $3 = HEAPF64[$5 + 17032 >> 3];
     $13 = HEAPF64[$5 + 17024 >> 3];
     $11 = HEAPF64[$5 + 1032 >> 3] * $3 + (HEAPF64[$5 + 1024 >> 3] * $13 + $11);
     $12 = $3 * $3 + ($13 * $13 + $12);
     $5 = $5 + 16 | 0;
     $1 = $1 + 2 | 0;
     if (($1 | 0) != ($4 | 0)) {
      continue
     }
     break;
    };
   }
   if ($7) {
    $5 = $1 << 3;
    $3 = HEAPF64[$5 + 17024 >> 3];
    $11 = HEAPF64[$5 + 1024 >> 3] * $3 + $11;
    $12 = $3 * $3 + $12;
   }
   $3 = $11 / $12;
  }
  $3 = Math_sqrt($3) * 1.0e9;
  if ($3 < 4294967296.0 & $3 >= 0.0) {
   return ~~$3 >>> 0 | 0
  }
  return 0;
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


  var bufferView;
  var base64ReverseLookup = new Uint8Array(123/*'z'+1*/);
  for (var i = 25; i >= 0; --i) {
    base64ReverseLookup[48+i] = 52+i; // '0-9'
    base64ReverseLookup[65+i] = i; // 'A-Z'
    base64ReverseLookup[97+i] = 26+i; // 'a-z'
  }
  base64ReverseLookup[43] = 62; // '+'
  base64ReverseLookup[47] = 63; // '/'
  /** @noinline Inlining this function would mean expanding the base64 string 4x times in the source code, which Closure seems to be happy to do. */
  function base64DecodeToExistingUint8Array(uint8Array, offset, b64) {
    var b1, b2, i = 0, j = offset, bLength = b64.length, end = offset + (bLength*3>>2) - (b64[bLength-2] == '=') - (b64[bLength-1] == '=');
    for (; i < bLength; i += 4) {
      b1 = base64ReverseLookup[b64.charCodeAt(i+1)];
      b2 = base64ReverseLookup[b64.charCodeAt(i+2)];
      uint8Array[j++] = base64ReverseLookup[b64.charCodeAt(i)] << 2 | b1 >> 4;
      if (j < end) uint8Array[j++] = b1 << 4 | b2 >> 2;
      if (j < end) uint8Array[j++] = b2 << 6 | base64ReverseLookup[b64.charCodeAt(i+3)];
    }
    return uint8Array;
  }
function initActiveSegments(imports) {
  base64DecodeToExistingUint8Array(bufferView, 1024, "lwQAAHcEAABgBAAATgQAAFMEAABaBAAAQAQAAH4EAABxBAAAhwQAAIMEAAChBAAAnAQAAEYEAACQBAAAZwQAAGxhenkgAG1lbW9yeSAAZm94IABqdW1wcyAAb3ZlciAAYnJvd24gAGZ1bmN0aW9uIAB3YXNtIABxdWljayAAZG9nIABvZiAAcnVudGltZSAAdGFibGUgAHRoZSAAYW5kIABhIA==");
}

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
 var buffer = new ArrayBuffer(3014656);
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
  var $1 = 0, $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0, $14 = 0;
  if (($0_1 | 0) <= 0) {
   return -2128831035
  }
  $11 = -2128831035;
  $9 = 5;
  label$2 : while (1) {
   $5 = 0;
   while (1) {
    $1 = $9 ^ $9 << 13;
    $1 = $1 >>> 17 ^ $1;
    $9 = $1 << 5 ^ $1;
    $1 = $9 >>> 8 | 0;
    label$4 : {
     if (!($9 & 63)) {
      HEAP8[$5 + 1200 | 0] = $1;
      $5 = $5 + 1 | 0;
      break label$4;
     }
     $1 = HEAP32[(($1 & 15) << 2) + 1024 >> 2];
     $3 = HEAPU8[$1 | 0];
     if (!$3) {
      break label$4
     }
     $2 = $1 + 1 | 0;
     $1 = $5;
     while (1) {
      HEAP8[$1 + 1200 | 0] = $3;
      $5 = $1 + 1 | 0;
      $3 = HEAPU8[$2 | 0];
      if (!$3) {
       break label$4
      }
      $2 = $2 + 1 | 0;
      $4 = $1 >>> 0 < 524287;
      $1 = $5;
      if ($4) {
       continue
      }
      break;
     };
    }
    if ($5 >>> 0 < 524272) {
     continue
    }
    break;
   };
   $2 = 0;
   wasm2js_memory_fill(1049776, 0, 65536);
   $7 = 0;
   $6 = 0;
   while (1) {
    $4 = $2 + 1200 | 0;
    $8 = HEAPU8[$4 | 0] | HEAPU8[$4 + 1 | 0] << 8 | (HEAPU8[$4 + 2 | 0] << 16 | HEAPU8[$4 + 3 | 0] << 24);
    $3 = (Math_imul($8, -1640531535) >>> 16 & 65532) + 1049776 | 0;
    $1 = HEAP32[$3 >> 2];
    $4 = $2 + 1 | 0;
    HEAP32[$3 >> 2] = $4;
    label$8 : {
     if (!$1) {
      break label$8
     }
     $10 = ($2 - $1 | 0) + 1 | 0;
     if ($10 >>> 0 > 65535) {
      break label$8
     }
     $3 = $1 + 1199 | 0;
     if ((HEAPU8[$3 | 0] | HEAPU8[$3 + 1 | 0] << 8 | (HEAPU8[$3 + 2 | 0] << 16 | HEAPU8[$3 + 3 | 0] << 24)) != ($8 | 0)) {
      break label$8
     }
     $4 = $2 + 4 | 0;
     $3 = 4;
     label$12 : {
      if ($5 >>> 0 <= $4 >>> 0) {
       break label$12
      }
      $8 = $1 + 1200 | 0;
      $1 = 3;
      label$13 : {
       while (1) {
        $4 = $1 + $8 | 0;
        $3 = $1 + $2 | 0;
        $1 = $1 + 1 | 0;
        if (HEAPU8[$4 | 0] != HEAPU8[$3 + 1201 | 0]) {
         break label$13
        }
        if ($1 >>> 0 <= 65533 & $5 >>> 0 > $3 + 2 >>> 0) {
         continue
        }
        break;
       };
       $4 = ($1 + $2 | 0) + 1 | 0;
       $3 = $1 + 1 | 0;
       break label$12;
      }
      $4 = $3 + 1 | 0;
      $3 = $1;
     }
     $1 = $2 - $6 | 0;
     $2 = $1 >>> 0 < 65535 ? $1 : 65535;
     HEAP8[$7 + 1115312 | 0] = $2;
     HEAP8[$7 + 1115313 | 0] = $2 >>> 8;
     $1 = $7 + 2 | 0;
     if ($2) {
      wasm2js_memory_copy($7 + 1115314 | 0, $6 + 1200 | 0, $2);
      $1 = $1 + $2 | 0;
     }
     HEAP8[$1 + 1115313 | 0] = $3 >>> 8;
     HEAP8[$1 + 1115312 | 0] = $3;
     HEAP8[$1 + 1115314 | 0] = $10;
     HEAP8[$1 + 1115315 | 0] = $10 >>> 8;
     $7 = $1 + 4 | 0;
     $6 = $4;
    }
    $2 = $4;
    if ($5 >>> 0 > $2 + 4 >>> 0) {
     continue
    }
    break;
   };
   $1 = $5 - $6 | 0;
   HEAP8[$7 + 1115312 | 0] = $1;
   HEAP8[$7 + 1115313 | 0] = $1 >>> 8;
   $2 = $7 + 2 | 0;
   if ($1) {
    wasm2js_memory_copy($2 + 1115312 | 0, $6 + 1200 | 0, $1);
    $2 = ($2 + $5 | 0) - $6 | 0;
   }
   $1 = 0;
   HEAP8[$2 + 1115313 | 0] = 0;
   HEAP8[$2 + 1115312 | 0] = 0;
   $12 = $2 + 2 | 0;
   $2 = 0;
   while (1) {
    $6 = $2 + 2 | 0;
    $3 = HEAPU8[$2 + 1115312 | 0] | HEAPU8[$2 + 1115313 | 0] << 8;
    if ($3) {
     wasm2js_memory_copy($1 + 525488 | 0, $2 + 1115314 | 0, $3);
     $6 = $3 + $6 | 0;
     $1 = $1 + $3 | 0;
    }
    label$20 : {
     label$21 : {
      label$22 : {
       if ($6 >>> 0 >= $12 >>> 0) {
        break label$22
       }
       $3 = HEAPU8[$6 + 1115312 | 0];
       $2 = $3 | HEAPU8[$6 + 1115313 | 0] << 8;
       if (!$2) {
        break label$22
       }
       $13 = HEAPU8[$6 + 1115314 | 0] | HEAPU8[$6 + 1115315 | 0] << 8;
       $8 = $3 & 3;
       if ($2 - 1 >>> 0 < 3) {
        break label$20
       }
       $10 = $2 - $8 | 0;
       $7 = ($1 - $13 | 0) + 525488 | 0;
       $2 = 0;
       while (1) {
        $3 = $1 + $2 | 0;
        $4 = $2 + $7 | 0;
        HEAP8[$3 + 525488 | 0] = HEAPU8[$4 | 0];
        HEAP8[$3 + 525489 | 0] = HEAPU8[$4 + 1 | 0];
        HEAP8[$3 + 525490 | 0] = HEAPU8[$4 + 2 | 0];
        HEAP8[$3 + 525491 | 0] = HEAPU8[$4 + 3 | 0];
        $2 = $2 + 4 | 0;
        if (($2 | 0) != ($10 | 0)) {
         continue
        }
        break;
       };
       break label$21;
      }
      if (($1 | 0) != ($5 | 0)) {
       return 0
      }
      $2 = $5 >>> 0 > 1 ? $5 : 1;
      $1 = 0;
      label$25 : {
       while (1) {
        if (HEAPU8[$1 + 525488 | 0] == HEAPU8[$1 + 1200 | 0]) {
         $1 = $1 + 1 | 0;
         if (($2 | 0) != ($1 | 0)) {
          continue
         }
         break label$25;
        }
        break;
       };
       return 1;
      }
      $11 = Math_imul(HEAPU8[(($5 >>> 0) / 3 | 0) + 525488 | 0] ^ Math_imul($11 ^ $12, 16777619), 16777619);
      $14 = $14 + 1 | 0;
      if (($0_1 | 0) != ($14 | 0)) {
       continue label$2
      }
      return $11 | 0;
     }
     $1 = $1 + $2 | 0;
    }
    if ($8) {
     $2 = 525488 - $13 | 0;
     while (1) {
      HEAP8[$1 + 525488 | 0] = HEAPU8[$1 + $2 | 0];
      $1 = $1 + 1 | 0;
      $8 = $8 - 1 | 0;
      if ($8) {
       continue
      }
      break;
     };
    }
    $2 = $6 + 4 | 0;
    continue;
   };
  };
 }
 
 bufferView = HEAPU8;
 initActiveSegments(env);
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

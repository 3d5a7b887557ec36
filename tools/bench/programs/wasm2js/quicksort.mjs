
function asmFunc(env) {
 var buffer = new ArrayBuffer(5308416);
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
  var $1_1 = 0, $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0;
  $3 = ($0_1 | 0) < 1048576 ? $0_1 : 1048576;
  if (($0_1 | 0) <= 0) {
   $1(0, $3 - 1 | 0);
   return -2128831035;
  }
  $2 = ($3 | 0) > 1 ? $3 : 1;
  $6 = $2 & 1;
  $1_1 = -1831433054;
  if (($3 | 0) >= 2) {
   $5 = $2 & 2147483646;
   $2 = 1024;
   while (1) {
    $1_1 = $1_1 ^ $1_1 << 13;
    $1_1 = $1_1 >>> 17 ^ $1_1;
    $1_1 = $1_1 << 5 ^ $1_1;
    HEAP32[$2 >> 2] = $1_1;
    $1_1 = $1_1 ^ $1_1 << 13;
    $1_1 = $1_1 >>> 17 ^ $1_1;
    $1_1 = $1_1 << 5 ^ $1_1;
    HEAP32[$2 + 4 >> 2] = $1_1;
    $2 = $2 + 8 | 0;
    $4 = $4 + 2 | 0;
    if (($4 | 0) != ($5 | 0)) {
     continue
    }
    break;
   };
  }
  if ($6) {
   $2 = $1_1 ^ $1_1 << 13;
   $2 = $2 >>> 17 ^ $2;
   HEAP32[($4 << 2) + 1024 >> 2] = $2 << 5 ^ $2;
  }
  $2 = 0;
  $1(0, $3 - 1 | 0);
  if (($0_1 | 0) <= 0) {
   return -2128831035
  }
  $3 = ($3 | 0) > 1 ? $3 : 1;
  $0_1 = HEAP32[256];
  $5 = -2128831035;
  $1_1 = 1020;
  while (1) {
   $4 = $0_1;
   label$7 : {
    if ($2) {
     $4 = HEAP32[$1_1 + 4 >> 2];
     if (($4 | 0) < HEAP32[$1_1 >> 2]) {
      return 0
     }
     if ($2 & 1023) {
      break label$7
     }
    }
    $5 = Math_imul($4 ^ $5, 16777619);
   }
   $1_1 = $1_1 + 4 | 0;
   $2 = $2 + 1 | 0;
   if (($2 | 0) != ($3 | 0)) {
    continue
   }
   break;
  };
  return $5 | 0;
 }
 
 function $1($0_1, $1_1) {
  var $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0;
  $2 = $1_1 - $0_1 | 0;
  if (($2 | 0) >= 17) {
   while (1) {
    $3 = HEAP32[($1_1 << 2) + 1024 >> 2];
    $4 = HEAP32[($0_1 << 2) + 1024 >> 2];
    $2 = HEAP32[($0_1 + ($2 >>> 1 | 0) << 2) + 1024 >> 2];
    label$3 : {
     if (($4 | 0) < ($2 | 0)) {
      $5 = $2;
      if (($2 | 0) < ($3 | 0)) {
       break label$3
      }
      $5 = ($3 | 0) > ($4 | 0) ? $3 : $4;
      break label$3;
     }
     $5 = $4;
     if (($3 | 0) > ($4 | 0)) {
      break label$3
     }
     $5 = ($2 | 0) < ($3 | 0) ? $3 : $2;
    }
    $6 = $0_1;
    $7 = $1_1;
    if (($0_1 | 0) <= ($1_1 | 0)) {
     while (1) {
      $8 = ($6 << 2) + 1020 | 0;
      $3 = $6;
      while (1) {
       $3 = $3 + 1 | 0;
       $8 = $8 + 4 | 0;
       $9 = HEAP32[$8 >> 2];
       if (($5 | 0) > ($9 | 0)) {
        continue
       }
       break;
      };
      $6 = $3 - 1 | 0;
      $2 = ($7 << 2) + 1024 | 0;
      $4 = $7;
      while (1) {
       $4 = $4 - 1 | 0;
       $10 = HEAP32[$2 >> 2];
       $2 = $2 - 4 | 0;
       if (($5 | 0) < ($10 | 0)) {
        continue
       }
       break;
      };
      $7 = $4 + 1 | 0;
      if (($6 | 0) <= ($7 | 0)) {
       HEAP32[$8 >> 2] = $10;
       HEAP32[$2 + 4 >> 2] = $9;
       $7 = $4;
       $6 = $3;
      }
      if (($6 | 0) <= ($7 | 0)) {
       continue
      }
      break;
     }
    }
    $3 = $7 - $0_1 | 0;
    $2 = $1_1 - $6 | 0;
    label$10 : {
     if (($3 | 0) < ($2 | 0)) {
      $1($0_1, $7);
      $0_1 = $6;
      break label$10;
     }
     $1($6, $1_1);
     $2 = $3;
     $1_1 = $7;
    }
    if (($2 | 0) > 16) {
     continue
    }
    break;
   }
  }
  if (($0_1 | 0) < ($1_1 | 0)) {
   $9 = ($0_1 << 2) + 1024 | 0;
   $3 = $0_1;
   while (1) {
    $5 = $3 + 1 | 0;
    $8 = HEAP32[($5 << 2) + 1024 >> 2];
    $2 = $5;
    if (($0_1 | 0) <= ($3 | 0)) {
     $2 = $9;
     while (1) {
      label$15 : {
       $4 = HEAP32[$2 >> 2];
       if (($4 | 0) <= ($8 | 0)) {
        $10 = $3;
        break label$15;
       }
       HEAP32[$2 + 4 >> 2] = $4;
       $2 = $2 - 4 | 0;
       $4 = ($0_1 | 0) < ($3 | 0);
       $10 = $3 - 1 | 0;
       $3 = $10;
       if ($4) {
        continue
       }
      }
      break;
     };
     $2 = $10 + 1 | 0;
    }
    HEAP32[($2 << 2) + 1024 >> 2] = $8;
    $9 = $9 + 4 | 0;
    $3 = $5;
    if (($1_1 | 0) != ($3 | 0)) {
     continue
    }
    break;
   };
  }
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

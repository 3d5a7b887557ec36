
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
 function $0() {
  return 1024;
 }
 
 function $1() {
  return 1049600;
 }
 
 function $2() {
  return 1049632;
 }
 
 function $3($0_1) {
  $0_1 = $0_1 | 0;
  $4($0_1);
 }
 
 function $4($0_1) {
  var $1_1 = 0, $2_1 = 0, $3_1 = 0, $4_1 = 0, $5_1 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0, $14 = 0, $15 = 0, $16 = 0, $17 = 0, $18 = 0, $19 = 0, $20 = 0, $21 = 0, $22 = 0, $23 = 0, $24 = 0, $25 = 0, $26 = 0, $27 = 0, $28 = 0, $29 = 0, $30 = 0, $31 = 0, $32 = 0, $33 = 0, $34 = 0, $35 = 0, $36 = 0, $37 = 0, $38 = 0, $39 = 0, $40 = 0, $41 = 0, $42 = 0, $43 = 0, $44 = 0;
  $3_1 = 2098160;
  if ($0_1) {
   $27 = HEAP32[262409];
   $28 = HEAP32[262408];
   $29 = HEAP32[262407];
   $30 = HEAP32[262403];
   $31 = HEAP32[262406];
   $32 = HEAP32[262402];
   $33 = HEAP32[262405];
   $34 = HEAP32[262401];
   $35 = HEAP32[262404];
   $36 = HEAP32[262400];
   $41 = ($0_1 - 1 >>> 6 | 0) + 1 | 0;
   $20 = $0_1;
   while (1) {
    $1_1 = $0_1 - ($16 << 6) | 0;
    $37 = $1_1 >>> 0 < 64 ? $1_1 : 64;
    $42 = $37 - 1 | 0;
    $22 = -2;
    $38 = $20 >>> 0 < 64 ? $20 : 64;
    $43 = 0 - ($38 - 1 & -2) | 0;
    $1_1 = 1634760805;
    $4_1 = $33;
    $10 = $30;
    $17 = $16;
    $5_1 = 857760878;
    $7 = $36;
    $11 = $16;
    $6 = 32;
    $2_1 = $6 & 31;
    if (($6 & 63) >>> 0 >= 32) {
     $23 = $18 >>> $2_1 | 0
    } else {
     $23 = ((1 << $2_1) - 1 & $18) << 32 - $2_1 | $11 >>> $2_1
    }
    $21 = $23;
    $11 = $31;
    $12 = 2036477234;
    $13 = $28;
    $6 = $29;
    $14 = $34;
    $15 = 1797285236;
    $8 = $35;
    $2_1 = $32;
    $9 = $27;
    while (1) {
     $2_1 = __wasm_rotl_i32($8 + $15 | 0, 7) ^ $2_1;
     $24 = __wasm_rotl_i32($15 + $2_1 | 0, 9) ^ $9;
     $39 = __wasm_rotl_i32($24 + $2_1 | 0, 13) ^ $8;
     $15 = __wasm_rotl_i32($39 + $24 | 0, 18) ^ $15;
     $8 = __wasm_rotl_i32($12 + $13 | 0, 7) ^ $6;
     $6 = __wasm_rotl_i32($15 + $8 | 0, 7);
     $10 = __wasm_rotl_i32($1_1 + $4_1 | 0, 7) ^ $10;
     $25 = __wasm_rotl_i32($1_1 + $10 | 0, 9) ^ $17;
     $40 = __wasm_rotl_i32($25 + $10 | 0, 13) ^ $4_1;
     $4_1 = $6 ^ $40;
     $6 = __wasm_rotl_i32($4_1 + $15 | 0, 9);
     $9 = __wasm_rotl_i32($5_1 + $7 | 0, 7) ^ $21;
     $26 = __wasm_rotl_i32($5_1 + $9 | 0, 9) ^ $11;
     $11 = $6 ^ $26;
     $6 = __wasm_rotl_i32($11 + $4_1 | 0, 13) ^ $8;
     $15 = __wasm_rotl_i32($6 + $11 | 0, 18) ^ $15;
     $14 = __wasm_rotl_i32($8 + $12 | 0, 9) ^ $14;
     $13 = __wasm_rotl_i32($14 + $8 | 0, 13) ^ $13;
     $12 = __wasm_rotl_i32($13 + $14 | 0, 18) ^ $12;
     $8 = __wasm_rotl_i32($9 + $12 | 0, 7) ^ $39;
     $17 = __wasm_rotl_i32($8 + $12 | 0, 9) ^ $25;
     $21 = __wasm_rotl_i32($17 + $8 | 0, 13) ^ $9;
     $12 = __wasm_rotl_i32($21 + $17 | 0, 18) ^ $12;
     $7 = __wasm_rotl_i32($9 + $26 | 0, 13) ^ $7;
     $5_1 = __wasm_rotl_i32($7 + $26 | 0, 18) ^ $5_1;
     $13 = __wasm_rotl_i32($10 + $5_1 | 0, 7) ^ $13;
     $9 = __wasm_rotl_i32($13 + $5_1 | 0, 9) ^ $24;
     $10 = __wasm_rotl_i32($9 + $13 | 0, 13) ^ $10;
     $5_1 = __wasm_rotl_i32($10 + $9 | 0, 18) ^ $5_1;
     $1_1 = __wasm_rotl_i32($25 + $40 | 0, 18) ^ $1_1;
     $7 = __wasm_rotl_i32($1_1 + $2_1 | 0, 7) ^ $7;
     $14 = __wasm_rotl_i32($7 + $1_1 | 0, 9) ^ $14;
     $2_1 = __wasm_rotl_i32($14 + $7 | 0, 13) ^ $2_1;
     $1_1 = __wasm_rotl_i32($2_1 + $14 | 0, 18) ^ $1_1;
     $22 = $22 + 2 | 0;
     if ($22 >>> 0 < 18) {
      continue
     }
     break;
    };
    HEAP32[$3_1 + 60 >> 2] = $15 + 1797285236;
    HEAP32[$3_1 + 56 >> 2] = $6 + $29;
    HEAP32[$3_1 + 52 >> 2] = $11 + $31;
    HEAP32[$3_1 + 48 >> 2] = $4_1 + $33;
    HEAP32[$3_1 + 44 >> 2] = $8 + $35;
    HEAP32[$3_1 + 40 >> 2] = $12 + 2036477234;
    HEAP32[$3_1 + 36 >> 2] = $21 + $23;
    HEAP32[$3_1 + 32 >> 2] = $16 + $17;
    HEAP32[$3_1 + 28 >> 2] = $9 + $27;
    HEAP32[$3_1 + 24 >> 2] = $13 + $28;
    HEAP32[$3_1 + 20 >> 2] = $5_1 + 857760878;
    HEAP32[$3_1 + 16 >> 2] = $10 + $30;
    HEAP32[$3_1 + 12 >> 2] = $2_1 + $32;
    HEAP32[$3_1 + 8 >> 2] = $14 + $34;
    HEAP32[$3_1 + 4 >> 2] = $7 + $36;
    $1_1 = $1_1 + 1634760805 | 0;
    HEAP32[$3_1 >> 2] = $1_1;
    $6 = 1;
    $2_1 = $6 + $16 | 0;
    $18 = $2_1 >>> 0 < $6 >>> 0 ? $18 + 1 | 0 : $18;
    $16 = $2_1;
    label$4 : {
     if (($0_1 | 0) == ($19 | 0)) {
      break label$4
     }
     $4_1 = $19 + 1024 | 0;
     HEAP8[$4_1 | 0] = $1_1 ^ HEAPU8[$4_1 | 0];
     if (($38 | 0) == 1) {
      break label$4
     }
     $1_1 = 1;
     $7 = $42 & 1;
     if (($37 | 0) != 2) {
      while (1) {
       $4_1 = $1_1 + $19 | 0;
       $5_1 = $4_1 + 1024 | 0;
       $2_1 = $5_1;
       $11 = HEAPU8[$5_1 | 0];
       $5_1 = $1_1 + $3_1 | 0;
       HEAP8[$2_1 | 0] = $11 ^ HEAPU8[$5_1 | 0];
       $4_1 = $4_1 + 1025 | 0;
       HEAP8[$4_1 | 0] = HEAPU8[$4_1 | 0] ^ HEAPU8[$5_1 + 1 | 0];
       $1_1 = $1_1 + 2 | 0;
       if (($1_1 + $43 | 0) != 1) {
        continue
       }
       break;
      }
     }
     if (!$7) {
      break label$4
     }
     $4_1 = ($1_1 + $19 | 0) + 1024 | 0;
     HEAP8[$4_1 | 0] = HEAPU8[$4_1 | 0] ^ HEAPU8[$1_1 + $3_1 | 0];
    }
    $20 = $20 + -64 | 0;
    $19 = $19 - -64 | 0;
    if (($16 | 0) != ($41 | 0) | ($18 | 0) != ($44 | 0)) {
     continue
    }
    break;
   };
  }
 }
 
 function $5($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2_1 = 0, $3_1 = 0;
  $2_1 = -32;
  $1_1 = 13;
  while (1) {
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$2_1 + 1049632 | 0] = $1_1;
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$2_1 + 1049633 | 0] = $1_1;
   $2_1 = $2_1 + 2 | 0;
   if ($2_1) {
    continue
   }
   break;
  };
  $1_1 = 585930501;
  $2_1 = -1048576;
  while (1) {
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$2_1 + 1049600 | 0] = $1_1;
   $1_1 = $1_1 ^ $1_1 << 13;
   $1_1 = $1_1 >>> 17 ^ $1_1;
   $1_1 = $1_1 << 5 ^ $1_1;
   HEAP8[$2_1 + 1049601 | 0] = $1_1;
   $2_1 = $2_1 + 2 | 0;
   if ($2_1) {
    continue
   }
   break;
  };
  $1_1 = -2128831035;
  if ($0_1) {
   while (1) {
    $2_1 = Math_imul($3_1, 5);
    HEAP8[1049632] = $2_1;
    HEAP8[1049639] = $2_1 + 7;
    HEAP8[1049638] = $2_1 + 6;
    HEAP8[1049637] = $2_1 + 5;
    HEAP8[1049636] = $2_1 + 4;
    HEAP8[1049635] = $2_1 + 3;
    HEAP8[1049634] = $2_1 + 2;
    HEAP8[1049633] = $2_1 + 1;
    $4(1048576);
    $2_1 = -4;
    while (1) {
     $1_1 = Math_imul(HEAP32[$2_1 + 1040 >> 2] ^ Math_imul(HEAP32[$2_1 + 1036 >> 2] ^ Math_imul(HEAP32[$2_1 + 1032 >> 2] ^ Math_imul($1_1 ^ HEAP32[$2_1 + 1028 >> 2], 16777619), 16777619), 16777619), 16777619);
     $2_1 = $2_1 + 16 | 0;
     if ($2_1 >>> 0 < 1048572) {
      continue
     }
     break;
    };
    $3_1 = $3_1 + 1 | 0;
    if (($0_1 | 0) != ($3_1 | 0)) {
     continue
    }
    break;
   }
  }
  return $1_1 | 0;
 }
 
 function __wasm_rotl_i32($0_1, $1_1) {
  var $2_1 = 0;
  $2_1 = $1_1 & 31;
  $1_1 = 0 - $1_1 & 31;
  return ($0_1 & -1 >>> $2_1) << $2_1 | ($0_1 & -1 << $1_1) >>> $1_1;
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
  "buffer": $0, 
  "key": $1, 
  "nonce": $2, 
  "encrypt": $3, 
  "run": $5
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var buffer = retasmFunc.buffer;
export var key = retasmFunc.key;
export var nonce = retasmFunc.nonce;
export var encrypt = retasmFunc.encrypt;
export var run = retasmFunc.run;


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
 
 function $3($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  $4($0_1, $1_1);
 }
 
 function $4($0_1, $1_1) {
  var $2_1 = 0, $3_1 = 0, $4_1 = 0, $5_1 = 0, $6 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0, $14 = 0, $15 = 0, $16 = 0, $17 = 0, $18 = 0, $19 = 0, $20 = 0, $21 = 0, $22 = 0, $23 = 0, $24 = 0, $25 = 0, $26 = 0, $27 = 0, $28 = 0, $29 = 0, $30 = 0, $31 = 0, $32 = 0, $33 = 0, $34 = 0, $35 = 0, $36 = 0, $37 = 0, $38 = 0, $39 = 0, $40 = 0;
  $5_1 = 2098160;
  if ($0_1) {
   $22 = HEAP32[262410];
   $23 = HEAP32[262409];
   $24 = HEAP32[262408];
   $25 = HEAP32[262407];
   $26 = HEAP32[262406];
   $27 = HEAP32[262405];
   $28 = HEAP32[262404];
   $29 = HEAP32[262403];
   $30 = HEAP32[262402];
   $31 = HEAP32[262401];
   $32 = HEAP32[262400];
   $20 = $0_1;
   while (1) {
    $2_1 = $0_1 - ($33 << 6) | 0;
    $34 = $2_1 >>> 0 < 64 ? $2_1 : 64;
    $39 = $34 - 1 | 0;
    $35 = $20 >>> 0 < 64 ? $20 : 64;
    $40 = 0 - ($35 - 1 & -2) | 0;
    $21 = 10;
    $2_1 = $32;
    $7 = 1634760805;
    $8 = $1_1;
    $9 = $28;
    $3_1 = $31;
    $10 = 857760878;
    $11 = $24;
    $16 = $27;
    $4_1 = $30;
    $12 = 2036477234;
    $17 = $23;
    $13 = $26;
    $6 = $29;
    $18 = 1797285236;
    $14 = $22;
    $15 = $25;
    while (1) {
     $18 = $6 + $18 | 0;
     $14 = __wasm_rotl_i32($18 ^ $14, 16);
     $15 = $15 + $14 | 0;
     $6 = __wasm_rotl_i32($6 ^ $15, 12);
     $36 = $6 + $18 | 0;
     $7 = $2_1 + $7 | 0;
     $8 = __wasm_rotl_i32($7 ^ $8, 16);
     $9 = $9 + $8 | 0;
     $2_1 = __wasm_rotl_i32($2_1 ^ $9, 12);
     $7 = $2_1 + $7 | 0;
     $8 = __wasm_rotl_i32($7 ^ $8, 8);
     $9 = $8 + $9 | 0;
     $2_1 = __wasm_rotl_i32($9 ^ $2_1, 7);
     $18 = $36 + $2_1 | 0;
     $12 = $4_1 + $12 | 0;
     $17 = __wasm_rotl_i32($12 ^ $17, 16);
     $13 = $13 + $17 | 0;
     $4_1 = __wasm_rotl_i32($4_1 ^ $13, 12);
     $12 = $4_1 + $12 | 0;
     $37 = __wasm_rotl_i32($12 ^ $17, 8);
     $17 = __wasm_rotl_i32($18 ^ $37, 16);
     $10 = $3_1 + $10 | 0;
     $11 = __wasm_rotl_i32($10 ^ $11, 16);
     $16 = $16 + $11 | 0;
     $3_1 = __wasm_rotl_i32($3_1 ^ $16, 12);
     $10 = $3_1 + $10 | 0;
     $11 = __wasm_rotl_i32($10 ^ $11, 8);
     $38 = $11 + $16 | 0;
     $16 = $17 + $38 | 0;
     $2_1 = __wasm_rotl_i32($16 ^ $2_1, 12);
     $18 = $2_1 + $18 | 0;
     $17 = __wasm_rotl_i32($18 ^ $17, 8);
     $16 = $17 + $16 | 0;
     $2_1 = __wasm_rotl_i32($16 ^ $2_1, 7);
     $14 = __wasm_rotl_i32($14 ^ $36, 8);
     $15 = $15 + $14 | 0;
     $6 = __wasm_rotl_i32($6 ^ $15, 7);
     $12 = $12 + $6 | 0;
     $11 = __wasm_rotl_i32($11 ^ $12, 16);
     $9 = $9 + $11 | 0;
     $6 = __wasm_rotl_i32($9 ^ $6, 12);
     $12 = $6 + $12 | 0;
     $11 = __wasm_rotl_i32($12 ^ $11, 8);
     $9 = $11 + $9 | 0;
     $6 = __wasm_rotl_i32($9 ^ $6, 7);
     $13 = $13 + $37 | 0;
     $4_1 = __wasm_rotl_i32($4_1 ^ $13, 7);
     $10 = $10 + $4_1 | 0;
     $8 = __wasm_rotl_i32($8 ^ $10, 16);
     $15 = $15 + $8 | 0;
     $4_1 = __wasm_rotl_i32($15 ^ $4_1, 12);
     $10 = $4_1 + $10 | 0;
     $8 = __wasm_rotl_i32($10 ^ $8, 8);
     $15 = $8 + $15 | 0;
     $4_1 = __wasm_rotl_i32($15 ^ $4_1, 7);
     $3_1 = __wasm_rotl_i32($3_1 ^ $38, 7);
     $7 = $7 + $3_1 | 0;
     $14 = __wasm_rotl_i32($7 ^ $14, 16);
     $13 = $13 + $14 | 0;
     $3_1 = __wasm_rotl_i32($13 ^ $3_1, 12);
     $7 = $3_1 + $7 | 0;
     $14 = __wasm_rotl_i32($7 ^ $14, 8);
     $13 = $14 + $13 | 0;
     $3_1 = __wasm_rotl_i32($13 ^ $3_1, 7);
     $21 = $21 - 1 | 0;
     if ($21) {
      continue
     }
     break;
    };
    HEAP32[$5_1 + 60 >> 2] = $14 + $22;
    HEAP32[$5_1 + 56 >> 2] = $17 + $23;
    HEAP32[$5_1 + 52 >> 2] = $11 + $24;
    HEAP32[$5_1 + 48 >> 2] = $1_1 + $8;
    HEAP32[$5_1 + 44 >> 2] = $15 + $25;
    HEAP32[$5_1 + 40 >> 2] = $13 + $26;
    HEAP32[$5_1 + 36 >> 2] = $16 + $27;
    HEAP32[$5_1 + 32 >> 2] = $9 + $28;
    HEAP32[$5_1 + 28 >> 2] = $6 + $29;
    HEAP32[$5_1 + 24 >> 2] = $4_1 + $30;
    HEAP32[$5_1 + 20 >> 2] = $3_1 + $31;
    HEAP32[$5_1 + 16 >> 2] = $2_1 + $32;
    HEAP32[$5_1 + 12 >> 2] = $18 + 1797285236;
    HEAP32[$5_1 + 8 >> 2] = $12 + 2036477234;
    HEAP32[$5_1 + 4 >> 2] = $10 + 857760878;
    $2_1 = $7 + 1634760805 | 0;
    HEAP32[$5_1 >> 2] = $2_1;
    label$4 : {
     if (($0_1 | 0) == ($19 | 0)) {
      break label$4
     }
     $3_1 = $19 + 1024 | 0;
     HEAP8[$3_1 | 0] = $2_1 ^ HEAPU8[$3_1 | 0];
     if (($35 | 0) == 1) {
      break label$4
     }
     $2_1 = 1;
     $6 = $39 & 1;
     if (($34 | 0) != 2) {
      while (1) {
       $3_1 = $2_1 + $19 | 0;
       $4_1 = $3_1 + 1024 | 0;
       $17 = $4_1;
       $16 = HEAPU8[$4_1 | 0];
       $4_1 = $2_1 + $5_1 | 0;
       HEAP8[$17 | 0] = $16 ^ HEAPU8[$4_1 | 0];
       $3_1 = $3_1 + 1025 | 0;
       HEAP8[$3_1 | 0] = HEAPU8[$3_1 | 0] ^ HEAPU8[$4_1 + 1 | 0];
       $2_1 = $2_1 + 2 | 0;
       if (($2_1 + $40 | 0) != 1) {
        continue
       }
       break;
      }
     }
     if (!$6) {
      break label$4
     }
     $3_1 = ($2_1 + $19 | 0) + 1024 | 0;
     HEAP8[$3_1 | 0] = HEAPU8[$3_1 | 0] ^ HEAPU8[$2_1 + $5_1 | 0];
    }
    $1_1 = $1_1 + 1 | 0;
    $33 = $33 + 1 | 0;
    $20 = $20 + -64 | 0;
    $19 = $19 - -64 | 0;
    if ($0_1 >>> 0 > $19 >>> 0) {
     continue
    }
    break;
   };
  }
 }
 
 function $5($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2_1 = 0, $3_1 = 0;
  HEAP32[0 + 1049624 >> 2] = -61908941;
  HEAP32[$1_1 + 1049628 >> 2] = -2034281978;
  HEAP32[0 + 1049616 >> 2] = 1236128323;
  HEAP32[$1_1 + 1049620 >> 2] = -168013268;
  HEAP32[0 + 1049608 >> 2] = -2053002499;
  HEAP32[$1_1 + 1049612 >> 2] = -267462585;
  HEAP32[0 + 1049600 >> 2] = 862849899;
  HEAP32[$1_1 + 1049604 >> 2] = -742391993;
  $2_1 = 2007816582;
  $1_1 = -1048576;
  while (1) {
   $2_1 = $2_1 ^ $2_1 << 13;
   $2_1 = $2_1 >>> 17 ^ $2_1;
   $2_1 = $2_1 << 5 ^ $2_1;
   HEAP8[$1_1 + 1049600 | 0] = $2_1;
   $2_1 = $2_1 ^ $2_1 << 13;
   $2_1 = $2_1 >>> 17 ^ $2_1;
   $2_1 = $2_1 << 5 ^ $2_1;
   HEAP8[$1_1 + 1049601 | 0] = $2_1;
   $1_1 = $1_1 + 2 | 0;
   if ($1_1) {
    continue
   }
   break;
  };
  $2_1 = -2128831035;
  if ($0_1) {
   while (1) {
    $1_1 = Math_imul($3_1, 7);
    HEAP8[1049632] = $1_1;
    HEAP8[1049643] = $1_1 + 11;
    HEAP8[1049642] = $1_1 + 10;
    HEAP8[1049641] = $1_1 + 9;
    HEAP8[1049640] = $1_1 + 8;
    HEAP8[1049639] = $1_1 + 7;
    HEAP8[1049638] = $1_1 + 6;
    HEAP8[1049637] = $1_1 + 5;
    HEAP8[1049636] = $1_1 + 4;
    HEAP8[1049635] = $1_1 + 3;
    HEAP8[1049634] = $1_1 + 2;
    HEAP8[1049633] = $1_1 + 1;
    $4(1048576, 1);
    $1_1 = -4;
    while (1) {
     $2_1 = Math_imul(HEAP32[$1_1 + 1040 >> 2] ^ Math_imul(HEAP32[$1_1 + 1036 >> 2] ^ Math_imul(HEAP32[$1_1 + 1032 >> 2] ^ Math_imul($2_1 ^ HEAP32[$1_1 + 1028 >> 2], 16777619), 16777619), 16777619), 16777619);
     $1_1 = $1_1 + 16 | 0;
     if ($1_1 >>> 0 < 1048572) {
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
  return $2_1 | 0;
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

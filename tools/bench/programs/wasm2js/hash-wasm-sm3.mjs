
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
  base64DecodeToExistingUint8Array(bufferView, 65536, "aA==");
  base64DecodeToExistingUint8Array(bufferView, 65552, "gA==");
}
function asmFunc(env) {
 var buffer = new ArrayBuffer(131072);
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
 var global$0 = 65536;
 var global$1 = 65536;
 function $0() {
  return 65664;
 }
 
 function $1() {
  var $0_1 = 0;
  HEAP32[0 + 82080 >> 2] = -477237683;
  HEAP32[$0_1 + 82084 >> 2] = -1325724082;
  HEAP32[0 + 82072 >> 2] = -1452330820;
  HEAP32[$0_1 + 82076 >> 2] = 372324522;
  HEAP32[0 + 82064 >> 2] = 388252375;
  HEAP32[$0_1 + 82068 >> 2] = -628488704;
  HEAP32[0 + 82056 >> 2] = 1937774191;
  HEAP32[$0_1 + 82060 >> 2] = 1226093241;
  HEAP32[0 + 82048 >> 2] = 0;
  HEAP32[$0_1 + 82052 >> 2] = 0;
 }
 
 function $2($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2_1 = 0, $3_1 = 0, $4_1 = 0, $5_1 = 0, $6_1 = 0, $7 = 0;
  label$1 : {
   if (!$0_1) {
    break label$1
   }
   $1_1 = HEAP32[20512];
   $2_1 = $0_1 + $1_1 | 0;
   HEAP32[20512] = $2_1;
   $5_1 = $1_1 & 63;
   if ($1_1 >>> 0 > $2_1 >>> 0) {
    HEAP32[20513] = HEAP32[20513] + 1
   }
   label$3 : {
    if ($5_1) {
     $7 = 64 - $5_1 | 0;
     if ($0_1 >>> 0 < $7 >>> 0) {
      $1_1 = 65664;
      break label$3;
     }
     $6_1 = $5_1 ^ 63;
     $1_1 = $5_1 + 82088 | 0;
     $2_1 = 65664;
     $4_1 = $7 & 7;
     if ($4_1) {
      $3_1 = $4_1;
      while (1) {
       HEAP8[$1_1 | 0] = HEAPU8[$2_1 | 0];
       $1_1 = $1_1 + 1 | 0;
       $2_1 = $2_1 + 1 | 0;
       $3_1 = $3_1 - 1 | 0;
       if ($3_1) {
        continue
       }
       break;
      };
      $3_1 = 64 - ($5_1 + $4_1 | 0) | 0;
     } else {
      $3_1 = $7
     }
     if ($6_1 >>> 0 >= 7) {
      while (1) {
       $4_1 = HEAPU8[$2_1 + 4 | 0] | HEAPU8[$2_1 + 5 | 0] << 8 | (HEAPU8[$2_1 + 6 | 0] << 16 | HEAPU8[$2_1 + 7 | 0] << 24);
       $6_1 = HEAPU8[$2_1 | 0] | HEAPU8[$2_1 + 1 | 0] << 8 | (HEAPU8[$2_1 + 2 | 0] << 16 | HEAPU8[$2_1 + 3 | 0] << 24);
       HEAP8[$1_1 | 0] = $6_1;
       HEAP8[$1_1 + 1 | 0] = $6_1 >>> 8;
       HEAP8[$1_1 + 2 | 0] = $6_1 >>> 16;
       HEAP8[$1_1 + 3 | 0] = $6_1 >>> 24;
       HEAP8[$1_1 + 4 | 0] = $4_1;
       HEAP8[$1_1 + 5 | 0] = $4_1 >>> 8;
       HEAP8[$1_1 + 6 | 0] = $4_1 >>> 16;
       HEAP8[$1_1 + 7 | 0] = $4_1 >>> 24;
       $1_1 = $1_1 + 8 | 0;
       $2_1 = $2_1 + 8 | 0;
       $3_1 = $3_1 - 8 | 0;
       if ($3_1) {
        continue
       }
       break;
      }
     }
     $3(82088);
     $0_1 = $0_1 - $7 | 0;
     $1_1 = $7 + 65664 | 0;
    } else {
     $1_1 = 65664
    }
    if ($0_1 >>> 0 >= 64) {
     while (1) {
      $3($1_1);
      $1_1 = $1_1 - -64 | 0;
      $0_1 = $0_1 + -64 | 0;
      if ($0_1 >>> 0 > 63) {
       continue
      }
      break;
     }
    }
    if (!$0_1) {
     break label$1
    }
    $5_1 = 0;
   }
   $2_1 = $5_1 + 82088 | 0;
   $3_1 = $0_1 & 7;
   if ($3_1) {
    while (1) {
     HEAP8[$2_1 | 0] = HEAPU8[$1_1 | 0];
     $2_1 = $2_1 + 1 | 0;
     $1_1 = $1_1 + 1 | 0;
     $3_1 = $3_1 - 1 | 0;
     if ($3_1) {
      continue
     }
     break;
    };
    $3_1 = $0_1 & -8;
   } else {
    $3_1 = $0_1
   }
   if ($0_1 >>> 0 < 8) {
    break label$1
   }
   while (1) {
    HEAP8[$2_1 | 0] = HEAPU8[$1_1 | 0];
    HEAP8[$2_1 + 1 | 0] = HEAPU8[$1_1 + 1 | 0];
    HEAP8[$2_1 + 2 | 0] = HEAPU8[$1_1 + 2 | 0];
    HEAP8[$2_1 + 3 | 0] = HEAPU8[$1_1 + 3 | 0];
    HEAP8[$2_1 + 4 | 0] = HEAPU8[$1_1 + 4 | 0];
    HEAP8[$2_1 + 5 | 0] = HEAPU8[$1_1 + 5 | 0];
    HEAP8[$2_1 + 6 | 0] = HEAPU8[$1_1 + 6 | 0];
    HEAP8[$2_1 + 7 | 0] = HEAPU8[$1_1 + 7 | 0];
    $2_1 = $2_1 + 8 | 0;
    $1_1 = $1_1 + 8 | 0;
    $3_1 = $3_1 - 8 | 0;
    if ($3_1) {
     continue
    }
    break;
   };
  }
 }
 
 function $3($0_1) {
  var $1_1 = 0, $2_1 = 0, $3_1 = 0, $4_1 = 0, $5_1 = 0, $6_1 = 0, $7 = 0, $8 = 0, $9 = 0, $10 = 0, $11 = 0, $12 = 0, $13 = 0, $14 = 0, $15 = 0, $16 = 0, $17 = 0, $18 = 0, $19 = 0, $20 = 0, $21 = 0, $22 = 0, $23 = 0;
  $3_1 = global$0 - 272 | 0;
  global$0 = $3_1;
  $4_1 = HEAP32[$0_1 + 24 >> 2];
  $6_1 = __wasm_rotr_i32($4_1 & 16711935, 8) | __wasm_rotr_i32($4_1, 24) & 16711935;
  HEAP32[$3_1 + 24 >> 2] = $6_1;
  $4_1 = HEAP32[$0_1 + 12 >> 2];
  $4_1 = __wasm_rotr_i32($4_1 & 16711935, 8) | __wasm_rotr_i32($4_1, 24) & 16711935;
  HEAP32[$3_1 + 12 >> 2] = $4_1;
  $1_1 = HEAP32[$0_1 + 28 >> 2];
  $8 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 28 >> 2] = $8;
  $1_1 = HEAP32[$0_1 >> 2];
  $9 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 >> 2] = $9;
  $1_1 = HEAP32[$0_1 + 20 >> 2];
  $14 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 20 >> 2] = $14;
  $1_1 = HEAP32[$0_1 + 8 >> 2];
  $12 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 8 >> 2] = $12;
  $1_1 = HEAP32[$0_1 + 16 >> 2];
  $5_1 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 16 >> 2] = $5_1;
  $1_1 = HEAP32[$0_1 + 32 >> 2];
  $2_1 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 32 >> 2] = $2_1;
  $1_1 = HEAP32[$0_1 + 4 >> 2];
  $11 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 4 >> 2] = $11;
  $1_1 = HEAP32[$0_1 + 36 >> 2];
  $10 = HEAP32[$0_1 + 56 >> 2];
  $10 = __wasm_rotr_i32($10 & 16711935, 8) | __wasm_rotr_i32($10, 24) & 16711935;
  HEAP32[$3_1 + 56 >> 2] = $10;
  $7 = HEAP32[$0_1 + 44 >> 2];
  $7 = __wasm_rotr_i32($7 & 16711935, 8) | __wasm_rotr_i32($7, 24) & 16711935;
  HEAP32[$3_1 + 44 >> 2] = $7;
  $2_1 = $2_1 ^ (__wasm_rotl_i32($10, 15) ^ $11);
  HEAP32[$3_1 + 68 >> 2] = $7 ^ (__wasm_rotl_i32($2_1, 23) ^ __wasm_rotl_i32($2_1, 15) ^ __wasm_rotl_i32($5_1, 7)) ^ $2_1;
  $2_1 = HEAP32[$0_1 + 60 >> 2];
  $2_1 = __wasm_rotr_i32($2_1 & 16711935, 8) | __wasm_rotr_i32($2_1, 24) & 16711935;
  HEAP32[$3_1 + 60 >> 2] = $2_1;
  $1_1 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 36 >> 2] = $1_1;
  $5_1 = HEAP32[$0_1 + 48 >> 2];
  $5_1 = __wasm_rotr_i32($5_1 & 16711935, 8) | __wasm_rotr_i32($5_1, 24) & 16711935;
  HEAP32[$3_1 + 48 >> 2] = $5_1;
  $1_1 = $1_1 ^ (__wasm_rotl_i32($2_1, 15) ^ $12);
  HEAP32[$3_1 + 72 >> 2] = $5_1 ^ (__wasm_rotl_i32($1_1, 23) ^ __wasm_rotl_i32($1_1, 15) ^ __wasm_rotl_i32($14, 7)) ^ $1_1;
  $1_1 = HEAP32[$0_1 + 52 >> 2];
  $1_1 = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  HEAP32[$3_1 + 52 >> 2] = $1_1;
  $0_1 = HEAP32[$0_1 + 40 >> 2];
  $0_1 = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  HEAP32[$3_1 + 40 >> 2] = $0_1;
  $2_1 = $8 ^ (__wasm_rotl_i32($1_1, 15) ^ $9);
  $2_1 = $0_1 ^ (__wasm_rotl_i32($2_1, 23) ^ __wasm_rotl_i32($2_1, 15) ^ __wasm_rotl_i32($4_1, 7)) ^ $2_1;
  HEAP32[$3_1 + 64 >> 2] = $2_1;
  $0_1 = $4_1 ^ (__wasm_rotl_i32($2_1, 15) ^ $0_1);
  HEAP32[$3_1 + 76 >> 2] = $1_1 ^ (__wasm_rotl_i32($0_1, 23) ^ __wasm_rotl_i32($0_1, 15) ^ __wasm_rotl_i32($6_1, 7)) ^ $0_1;
  $5_1 = 0;
  $0_1 = $3_1;
  $16 = HEAP32[20514];
  $2_1 = $16;
  $17 = HEAP32[20521];
  $7 = $17;
  $18 = HEAP32[20520];
  $6_1 = $18;
  $19 = HEAP32[20519];
  $11 = $19;
  $20 = HEAP32[20518];
  $8 = $20;
  $21 = HEAP32[20517];
  $13 = $21;
  $22 = HEAP32[20516];
  $9 = $22;
  $23 = HEAP32[20515];
  $4_1 = $23;
  while (1) {
   $10 = $4_1;
   $14 = $6_1;
   $1_1 = $8;
   $12 = $7 + ($6_1 ^ ($1_1 ^ $11)) | 0;
   $4_1 = $2_1;
   $6_1 = __wasm_rotl_i32($2_1, 12);
   $7 = __wasm_rotl_i32(($1_1 + $6_1 | 0) + __wasm_rotl_i32(2043430169, $5_1) | 0, 7);
   $15 = HEAP32[$0_1 >> 2];
   $2_1 = ($12 + $7 | 0) + $15 | 0;
   $8 = __wasm_rotl_i32($2_1, 17) ^ __wasm_rotl_i32($2_1, 9) ^ $2_1;
   $12 = $9;
   $2_1 = (($13 + ($4_1 ^ ($9 ^ $10)) | 0) + ($6_1 ^ $7) | 0) + ($15 ^ HEAP32[$0_1 + 16 >> 2]) | 0;
   $0_1 = $0_1 + 4 | 0;
   $6_1 = __wasm_rotl_i32($11, 19);
   $9 = __wasm_rotl_i32($10, 9);
   $7 = $14;
   $11 = $1_1;
   $13 = $12;
   $5_1 = $5_1 + 1 | 0;
   if (($5_1 | 0) != 16) {
    continue
   }
   break;
  };
  $11 = 0;
  $10 = 16;
  while (1) {
   $5_1 = $4_1;
   $0_1 = $3_1 + $11 | 0;
   $4_1 = HEAP32[$0_1 + 56 >> 2];
   $13 = $4_1;
   $4_1 = HEAP32[$0_1 + 44 >> 2] ^ HEAP32[$0_1 + 16 >> 2] ^ __wasm_rotl_i32(HEAP32[$0_1 + 68 >> 2], 15);
   $15 = $13 ^ __wasm_rotl_i32($4_1, 23) ^ __wasm_rotl_i32($4_1, 15) ^ __wasm_rotl_i32(HEAP32[$0_1 + 28 >> 2], 7) ^ $4_1;
   HEAP32[$0_1 + 80 >> 2] = $15;
   $4_1 = $2_1;
   $2_1 = __wasm_rotl_i32($2_1, 12);
   $13 = $8;
   $8 = __wasm_rotl_i32(($2_1 + $8 | 0) + __wasm_rotl_i32(2055708042, $10) | 0, 7);
   $7 = $9;
   $9 = HEAP32[$0_1 - -64 >> 2];
   $2_1 = (($12 + (($7 | $5_1) & $4_1 | $5_1 & $7) | 0) + ($2_1 ^ $8) | 0) + ($9 ^ $15) | 0;
   $0_1 = $6_1;
   $6_1 = $9 + ($8 + ($14 + ($13 & ($0_1 ^ $1_1) ^ $0_1) | 0) | 0) | 0;
   $8 = __wasm_rotl_i32($6_1, 17) ^ __wasm_rotl_i32($6_1, 9) ^ $6_1;
   $10 = $10 + 1 | 0;
   $6_1 = __wasm_rotl_i32($1_1, 19);
   $9 = __wasm_rotl_i32($5_1, 9);
   $14 = $0_1;
   $1_1 = $13;
   $12 = $7;
   $11 = $11 + 4 | 0;
   if (($11 | 0) != 192) {
    continue
   }
   break;
  };
  HEAP32[20521] = $0_1 ^ $17;
  HEAP32[20520] = $6_1 ^ $18;
  HEAP32[20519] = $13 ^ $19;
  HEAP32[20518] = $8 ^ $20;
  HEAP32[20517] = $7 ^ $21;
  HEAP32[20516] = $9 ^ $22;
  HEAP32[20515] = $4_1 ^ $23;
  HEAP32[20514] = $2_1 ^ $16;
  global$0 = $3_1 + 272 | 0;
 }
 
 function $4() {
  var $0_1 = 0, $1_1 = 0, $2_1 = 0, $3_1 = 0, $4_1 = 0, $5_1 = 0, $6_1 = 0, $7 = 0, $8 = 0;
  $3_1 = global$0 - 16 | 0;
  global$0 = $3_1;
  $0_1 = HEAP32[20512];
  $1_1 = $0_1 << 3;
  HEAP32[$3_1 + 12 >> 2] = __wasm_rotr_i32($1_1 & 16711928, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  $2_1 = HEAP32[20513];
  $1_1 = $2_1 << 3 | $0_1 >>> 29;
  HEAP32[$3_1 + 8 >> 2] = __wasm_rotr_i32($1_1 & 16711935, 8) | __wasm_rotr_i32($1_1, 24) & 16711935;
  $5_1 = $0_1 & 63;
  $4_1 = ($5_1 >>> 0 < 56 ? 56 : 120) - $5_1 | 0;
  label$1 : {
   if (!$4_1) {
    break label$1
   }
   $0_1 = $0_1 + $4_1 | 0;
   HEAP32[20512] = $0_1;
   if ($0_1 >>> 0 < $4_1 >>> 0) {
    HEAP32[20513] = $2_1 + 1
   }
   label$3 : {
    if ($5_1) {
     $8 = 64 - $5_1 | 0;
     if ($4_1 >>> 0 < $8 >>> 0) {
      $0_1 = 65552;
      break label$3;
     }
     $7 = $5_1 ^ 63;
     $0_1 = $5_1 + 82088 | 0;
     $1_1 = 65552;
     $6_1 = $8 & 7;
     if ($6_1) {
      $2_1 = $6_1;
      while (1) {
       HEAP8[$0_1 | 0] = HEAPU8[$1_1 | 0];
       $0_1 = $0_1 + 1 | 0;
       $1_1 = $1_1 + 1 | 0;
       $2_1 = $2_1 - 1 | 0;
       if ($2_1) {
        continue
       }
       break;
      };
      $2_1 = 64 - ($5_1 + $6_1 | 0) | 0;
     } else {
      $2_1 = $8
     }
     if ($7 >>> 0 >= 7) {
      while (1) {
       $6_1 = HEAPU8[$1_1 + 4 | 0] | HEAPU8[$1_1 + 5 | 0] << 8 | (HEAPU8[$1_1 + 6 | 0] << 16 | HEAPU8[$1_1 + 7 | 0] << 24);
       $7 = HEAPU8[$1_1 | 0] | HEAPU8[$1_1 + 1 | 0] << 8 | (HEAPU8[$1_1 + 2 | 0] << 16 | HEAPU8[$1_1 + 3 | 0] << 24);
       HEAP8[$0_1 | 0] = $7;
       HEAP8[$0_1 + 1 | 0] = $7 >>> 8;
       HEAP8[$0_1 + 2 | 0] = $7 >>> 16;
       HEAP8[$0_1 + 3 | 0] = $7 >>> 24;
       HEAP8[$0_1 + 4 | 0] = $6_1;
       HEAP8[$0_1 + 5 | 0] = $6_1 >>> 8;
       HEAP8[$0_1 + 6 | 0] = $6_1 >>> 16;
       HEAP8[$0_1 + 7 | 0] = $6_1 >>> 24;
       $0_1 = $0_1 + 8 | 0;
       $1_1 = $1_1 + 8 | 0;
       $2_1 = $2_1 - 8 | 0;
       if ($2_1) {
        continue
       }
       break;
      }
     }
     $3(82088);
     $4_1 = $4_1 - $8 | 0;
     $0_1 = $8 + 65552 | 0;
    } else {
     $0_1 = 65552
    }
    if ($4_1 >>> 0 >= 64) {
     while (1) {
      $3($0_1);
      $0_1 = $0_1 - -64 | 0;
      $4_1 = $4_1 + -64 | 0;
      if ($4_1 >>> 0 > 63) {
       continue
      }
      break;
     }
    }
    if (!$4_1) {
     break label$1
    }
    $5_1 = 0;
   }
   $1_1 = $5_1 + 82088 | 0;
   $2_1 = $4_1 & 7;
   if ($2_1) {
    while (1) {
     HEAP8[$1_1 | 0] = HEAPU8[$0_1 | 0];
     $1_1 = $1_1 + 1 | 0;
     $0_1 = $0_1 + 1 | 0;
     $2_1 = $2_1 - 1 | 0;
     if ($2_1) {
      continue
     }
     break;
    };
    $2_1 = $4_1 & -8;
   } else {
    $2_1 = $4_1
   }
   if ($4_1 >>> 0 < 8) {
    break label$1
   }
   while (1) {
    HEAP8[$1_1 | 0] = HEAPU8[$0_1 | 0];
    HEAP8[$1_1 + 1 | 0] = HEAPU8[$0_1 + 1 | 0];
    HEAP8[$1_1 + 2 | 0] = HEAPU8[$0_1 + 2 | 0];
    HEAP8[$1_1 + 3 | 0] = HEAPU8[$0_1 + 3 | 0];
    HEAP8[$1_1 + 4 | 0] = HEAPU8[$0_1 + 4 | 0];
    HEAP8[$1_1 + 5 | 0] = HEAPU8[$0_1 + 5 | 0];
    HEAP8[$1_1 + 6 | 0] = HEAPU8[$0_1 + 6 | 0];
    HEAP8[$1_1 + 7 | 0] = HEAPU8[$0_1 + 7 | 0];
    $1_1 = $1_1 + 8 | 0;
    $0_1 = $0_1 + 8 | 0;
    $2_1 = $2_1 - 8 | 0;
    if ($2_1) {
     continue
    }
    break;
   };
  }
  $1_1 = HEAP32[20512];
  HEAP32[20512] = $1_1 + 8;
  $0_1 = $1_1 & 63;
  if ($1_1 >>> 0 >= 4294967288) {
   HEAP32[20513] = HEAP32[20513] + 1
  }
  label$19 : {
   label$20 : {
    if (!$0_1) {
     $0_1 = 0;
     break label$20;
    }
    if ($0_1 >>> 0 < 56) {
     break label$20
    }
    HEAP8[$0_1 + 82088 | 0] = HEAPU8[$3_1 + 8 | 0];
    label$22 : {
     if (($0_1 | 0) == 63) {
      break label$22
     }
     HEAP8[$0_1 + 82089 | 0] = HEAPU8[$3_1 + 9 | 0];
     if (($0_1 | 0) == 62) {
      break label$22
     }
     HEAP8[$0_1 + 82090 | 0] = HEAPU8[$3_1 + 10 | 0];
     if (($0_1 | 0) == 61) {
      break label$22
     }
     HEAP8[$0_1 + 82091 | 0] = HEAPU8[$3_1 + 11 | 0];
     if (($0_1 | 0) == 60) {
      break label$22
     }
     HEAP8[$0_1 + 82092 | 0] = HEAPU8[$3_1 + 12 | 0];
     if (($0_1 | 0) == 59) {
      break label$22
     }
     HEAP8[$0_1 + 82093 | 0] = HEAPU8[$3_1 + 13 | 0];
     if (($0_1 | 0) == 58) {
      break label$22
     }
     HEAP8[$0_1 + 82094 | 0] = HEAPU8[$3_1 + 14 | 0];
     if (($0_1 | 0) == 57) {
      break label$22
     }
     HEAP8[$0_1 + 82095 | 0] = HEAPU8[$3_1 + 15 | 0];
     $3(82088);
     break label$19;
    }
    $3(82088);
    $1_1 = $1_1 & 7;
    if (!$1_1) {
     break label$19
    }
    $4_1 = ($3_1 + (0 - $0_1 | 0) | 0) + 72 | 0;
    $0_1 = 0;
    while (1) {
     HEAP8[$0_1 + 82088 | 0] = HEAPU8[$0_1 + $4_1 | 0];
     $0_1 = $0_1 + 1 | 0;
     if (($0_1 | 0) != ($1_1 | 0)) {
      continue
     }
     break;
    };
    break label$19;
   }
   $2_1 = HEAPU16[$3_1 + 8 >> 1];
   HEAP8[$0_1 + 82088 | 0] = $2_1;
   HEAP8[$0_1 + 82089 | 0] = $2_1 >>> 8;
   HEAP8[$0_1 + 82090 | 0] = HEAPU8[$3_1 + 10 | 0];
   HEAP8[$0_1 + 82091 | 0] = HEAPU8[$3_1 + 11 | 0];
   HEAP8[$0_1 + 82092 | 0] = HEAPU8[$3_1 + 12 | 0];
   HEAP8[$0_1 + 82093 | 0] = HEAPU8[$3_1 + 13 | 0];
   HEAP8[$0_1 + 82094 | 0] = HEAPU8[$3_1 + 14 | 0];
   HEAP8[$0_1 + 82095 | 0] = HEAPU8[$3_1 + 15 | 0];
  }
  $0_1 = HEAP32[20514];
  HEAP32[16416] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20515];
  HEAP32[16417] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20516];
  HEAP32[16418] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20517];
  HEAP32[16419] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20518];
  HEAP32[16420] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20519];
  HEAP32[16421] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20520];
  HEAP32[16422] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  $0_1 = HEAP32[20521];
  HEAP32[16423] = __wasm_rotr_i32($0_1 & 16711935, 8) | __wasm_rotr_i32($0_1, 24) & 16711935;
  global$0 = $3_1 + 16 | 0;
 }
 
 function $5() {
  return 82048;
 }
 
 function $6($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2_1 = 0, $3_1 = 0, $4_1 = 0;
  HEAP32[0 + 82080 >> 2] = -477237683;
  HEAP32[$3_1 + 82084 >> 2] = -1325724082;
  HEAP32[0 + 82072 >> 2] = -1452330820;
  HEAP32[$3_1 + 82076 >> 2] = 372324522;
  HEAP32[0 + 82064 >> 2] = 388252375;
  HEAP32[$3_1 + 82068 >> 2] = -628488704;
  HEAP32[0 + 82056 >> 2] = 1937774191;
  HEAP32[$3_1 + 82060 >> 2] = 1226093241;
  HEAP32[0 + 82048 >> 2] = 0;
  HEAP32[$3_1 + 82052 >> 2] = 0;
  label$1 : {
   if (!$0_1) {
    break label$1
   }
   HEAP32[20512] = $0_1;
   $1_1 = 65664;
   if ($0_1 >>> 0 >= 64) {
    while (1) {
     $3($1_1);
     $1_1 = $1_1 - -64 | 0;
     $0_1 = $0_1 + -64 | 0;
     if ($0_1 >>> 0 > 63) {
      continue
     }
     break;
    };
    if (!$0_1) {
     break label$1
    }
   }
   $2_1 = 82088;
   $4_1 = $0_1 & 7;
   if ($4_1) {
    while (1) {
     HEAP8[$2_1 | 0] = HEAPU8[$1_1 | 0];
     $2_1 = $2_1 + 1 | 0;
     $1_1 = $1_1 + 1 | 0;
     $4_1 = $4_1 - 1 | 0;
     if ($4_1) {
      continue
     }
     break;
    };
    $4_1 = $0_1 & 56;
   } else {
    $4_1 = $0_1
   }
   if ($0_1 >>> 0 < 8) {
    break label$1
   }
   while (1) {
    $3_1 = HEAPU8[$1_1 + 4 | 0] | HEAPU8[$1_1 + 5 | 0] << 8 | (HEAPU8[$1_1 + 6 | 0] << 16 | HEAPU8[$1_1 + 7 | 0] << 24);
    $0_1 = HEAPU8[$1_1 | 0] | HEAPU8[$1_1 + 1 | 0] << 8 | (HEAPU8[$1_1 + 2 | 0] << 16 | HEAPU8[$1_1 + 3 | 0] << 24);
    HEAP8[$2_1 | 0] = $0_1;
    HEAP8[$2_1 + 1 | 0] = $0_1 >>> 8;
    HEAP8[$2_1 + 2 | 0] = $0_1 >>> 16;
    HEAP8[$2_1 + 3 | 0] = $0_1 >>> 24;
    HEAP8[$2_1 + 4 | 0] = $3_1;
    HEAP8[$2_1 + 5 | 0] = $3_1 >>> 8;
    HEAP8[$2_1 + 6 | 0] = $3_1 >>> 16;
    HEAP8[$2_1 + 7 | 0] = $3_1 >>> 24;
    $2_1 = $2_1 + 8 | 0;
    $1_1 = $1_1 + 8 | 0;
    $4_1 = $4_1 - 8 | 0;
    if ($4_1) {
     continue
    }
    break;
   };
  }
  $4();
 }
 
 function __wasm_rotl_i32($0_1, $1_1) {
  var $2_1 = 0;
  $2_1 = $1_1 & 31;
  $1_1 = 0 - $1_1 & 31;
  return ($0_1 & -1 >>> $2_1) << $2_1 | ($0_1 & -1 << $1_1) >>> $1_1;
 }
 
 function __wasm_rotr_i32($0_1, $1_1) {
  var $2_1 = 0;
  $2_1 = $1_1 & 31;
  $1_1 = 0 - $1_1 & 31;
  return ($0_1 & -1 << $2_1) >>> $2_1 | ($0_1 & -1 >>> $1_1) << $1_1;
 }
 
 bufferView = HEAPU8;
 initActiveSegments(env);
 function __wasm_memory_size() {
  return buffer.byteLength / 65536 | 0;
 }
 
 return {
  "memory": Object.create(Object.prototype, {
   "grow": {
    
   }, 
   "buffer": {
    "get": function () {
     return buffer;
    }
    
   }
  }), 
  "__stack_pointer": {
   get value() {
    return global$0;
   }, 
   set value(_global$0) {
    global$0 = _global$0;
   }
  }, 
  "Hash_GetBuffer": $0, 
  "Hash_Init": $1, 
  "Hash_Update": $2, 
  "Hash_Final": $4, 
  "Hash_GetState": $5, 
  "Hash_Calculate": $6, 
  "STATE_SIZE": {
   get value() {
    return global$1;
   }, 
   set value(_global$1) {
    global$1 = _global$1;
   }
  }
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var __stack_pointer = retasmFunc.__stack_pointer;
export var Hash_GetBuffer = retasmFunc.Hash_GetBuffer;
export var Hash_Init = retasmFunc.Hash_Init;
export var Hash_Update = retasmFunc.Hash_Update;
export var Hash_Final = retasmFunc.Hash_Final;
export var Hash_GetState = retasmFunc.Hash_GetState;
export var Hash_Calculate = retasmFunc.Hash_Calculate;
export var STATE_SIZE = retasmFunc.STATE_SIZE;

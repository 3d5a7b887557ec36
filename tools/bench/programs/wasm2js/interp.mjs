
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
 function $1() {
  
 }
 
 function $2($0) {
  $0 = $0 | 0;
  var $1_1 = 0, $2_1 = 0, $3 = 0, $4_1 = 0, $5 = 0, $6 = 0, $7 = 0;
  if (!HEAPU8[1024]) {
   HEAP32[350] = 3;
   HEAP32[351] = 0;
   HEAP32[348] = 1;
   HEAP32[349] = 1;
   HEAP32[268] = 4;
   HEAP32[356] = 10;
   HEAP32[357] = 13;
   HEAP32[354] = 2;
   HEAP32[355] = 1;
   HEAP32[352] = 2;
   HEAP32[353] = 0;
   HEAP32[284] = 10;
   HEAP32[285] = 1;
   HEAP32[366] = 4;
   HEAP32[364] = 0;
   HEAP32[365] = 3;
   HEAP32[362] = 3;
   HEAP32[363] = 1;
   HEAP32[360] = 0;
   HEAP32[361] = 3;
   HEAP32[358] = 0;
   HEAP32[359] = 2;
   HEAP32[270] = 19;
   HEAP32[367] = 2;
   HEAP32[368] = 3;
   HEAP32[369] = 1;
   HEAP32[370] = 1;
   HEAP32[371] = 11;
   HEAP32[372] = 13;
   HEAP32[286] = 25;
   HEAP32[287] = 3;
   HEAP32[379] = 13;
   HEAP32[377] = 2;
   HEAP32[378] = 8;
   HEAP32[375] = 3;
   HEAP32[376] = 1;
   HEAP32[373] = 0;
   HEAP32[374] = 2;
   HEAP32[288] = 32;
   HEAP32[289] = 4;
   HEAP32[380] = 0;
   HEAP32[381] = 2;
   HEAP32[382] = 3;
   HEAP32[383] = 1;
   HEAP32[384] = 3;
   HEAP32[385] = 6;
   HEAP32[386] = 1;
   HEAP32[387] = 1;
   HEAP32[388] = 5;
   HEAP32[389] = 3;
   HEAP32[390] = 3;
   HEAP32[391] = 12;
   HEAP32[290] = 44;
   HEAP32[291] = 5;
   HEAP32[272] = 45;
   HEAP32[399] = 3;
   HEAP32[393] = 2;
   HEAP32[394] = 3;
   HEAP32[395] = 1;
   HEAP32[396] = 2;
   HEAP32[397] = 7;
   HEAP32[398] = 3;
   HEAP32[392] = 0;
   HEAP32[400] = 4;
   HEAP32[401] = 4;
   HEAP32[273] = 52;
   HEAP32[402] = 12;
   HEAP32[292] = 55;
   HEAP32[293] = 2;
   HEAP32[271] = 56;
   HEAP32[412] = 0;
   HEAP32[413] = 14;
   HEAP32[410] = 2;
   HEAP32[411] = 2;
   HEAP32[408] = 5;
   HEAP32[409] = 3;
   HEAP32[406] = 2;
   HEAP32[407] = 4;
   HEAP32[404] = 2;
   HEAP32[405] = 2;
   HEAP32[294] = 66;
   HEAP32[295] = 6;
   HEAP32[421] = 0;
   HEAP32[422] = 12;
   HEAP32[419] = 5;
   HEAP32[420] = 4;
   HEAP32[417] = 5;
   HEAP32[418] = 3;
   HEAP32[415] = 2;
   HEAP32[416] = 5;
   HEAP32[296] = 75;
   HEAP32[297] = 0;
   HEAP32[269] = 76;
   HEAP32[403] = 0;
   HEAP32[430] = 5;
   HEAP32[431] = 5;
   HEAP32[428] = 6;
   HEAP32[429] = 2;
   HEAP32[426] = 1;
   HEAP32[427] = 31;
   HEAP32[424] = 2;
   HEAP32[425] = 2;
   HEAP32[432] = 0;
   HEAP32[274] = 85;
   HEAP32[437] = 9;
   HEAP32[438] = 13;
   HEAP32[435] = 1;
   HEAP32[436] = 2;
   HEAP32[433] = 2;
   HEAP32[434] = 0;
   HEAP32[298] = 91;
   HEAP32[299] = 7;
   HEAP32[442] = 15;
   HEAP32[440] = 1;
   HEAP32[441] = 0;
   HEAP32[275] = 95;
   HEAP32[445] = 3;
   HEAP32[446] = 1;
   HEAP32[443] = 1;
   HEAP32[444] = 2;
   HEAP32[276] = 99;
   HEAP32[455] = 13;
   HEAP32[453] = 0;
   HEAP32[454] = 10;
   HEAP32[451] = 6;
   HEAP32[452] = 2;
   HEAP32[449] = 2;
   HEAP32[450] = 1;
   HEAP32[447] = 2;
   HEAP32[448] = 1;
   HEAP32[300] = 108;
   HEAP32[301] = 9;
   HEAP32[461] = 8;
   HEAP32[462] = 13;
   HEAP32[459] = 2;
   HEAP32[460] = 1;
   HEAP32[457] = 2;
   HEAP32[458] = 0;
   HEAP32[302] = 115;
   HEAP32[303] = 10;
   HEAP32[466] = 12;
   HEAP32[464] = 4;
   HEAP32[465] = 1;
   HEAP32[304] = 119;
   HEAP32[305] = 8;
   HEAP32[277] = 120;
   HEAP32[470] = 15;
   HEAP32[468] = 1;
   HEAP32[469] = 1;
   HEAP32[278] = 123;
   HEAP32[471] = 1;
   HEAP32[472] = 0;
   HEAP8[1024] = 1;
   HEAP32[473] = 15;
   HEAP32[(HEAP32[284] << 2) + 1392 >> 2] = HEAP32[(HEAP32[285] << 2) + 1072 >> 2];
   HEAP32[(HEAP32[286] << 2) + 1392 >> 2] = HEAP32[(HEAP32[287] << 2) + 1072 >> 2];
   HEAP32[(HEAP32[288] << 2) + 1392 >> 2] = HEAP32[(HEAP32[289] << 2) + 1072 >> 2];
   HEAP32[(HEAP32[290] << 2) + 1392 >> 2] = HEAP32[(HEAP32[291] << 2) + 1072 >> 2];
   HEAP32[414] = 85;
   HEAP32[403] = HEAP32[270];
   HEAP32[467] = 99;
   HEAP32[463] = 123;
   HEAP32[456] = 120;
   HEAP32[439] = 95;
   HEAP32[423] = HEAP32[268];
  }
  HEAP32[861] = 0;
  HEAP32[862] = 0;
  HEAP32[867] = 0;
  HEAP32[868] = 0;
  HEAP32[865] = 0;
  HEAP32[866] = 0;
  HEAP32[863] = 0;
  HEAP32[864] = 0;
  HEAP32[862] = $0;
  $6 = 3440;
  $0 = 0;
  __inlined_func$3 : {
   while (1) {
    label$1 : {
     $2_1 = $0 + 1 | 0;
     label$3 : {
      label$4 : {
       label$5 : {
        switch (HEAP32[($0 << 2) + 1392 >> 2]) {
        case 0:
         $3 = HEAP32[868];
         HEAP32[266] = HEAP32[867];
         HEAP32[267] = $3;
         $0 = HEAP32[866];
         HEAP32[264] = HEAP32[865];
         HEAP32[265] = $0;
         $3 = HEAP32[864];
         HEAP32[262] = HEAP32[863];
         HEAP32[263] = $3;
         $0 = HEAP32[862];
         HEAP32[260] = HEAP32[861];
         HEAP32[261] = $0;
         $0 = HEAP32[($1_1 << 2) + 2412 >> 2];
         break __inlined_func$3;
        case 1:
         HEAP32[($1_1 << 2) + 2416 >> 2] = HEAP32[($2_1 << 2) + 1392 >> 2];
         break label$4;
        case 2:
         HEAP32[($1_1 << 2) + 2416 >> 2] = HEAP32[(((HEAP32[($2_1 << 2) + 1392 >> 2] & 7) << 2) + $6 | 0) + 4 >> 2];
         break label$4;
        case 3:
         $1_1 = $1_1 - 1 | 0;
         HEAP32[(((HEAP32[($2_1 << 2) + 1392 >> 2] & 7) << 2) + $6 | 0) + 4 >> 2] = HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = $0 + 2 | 0;
         break label$3;
        case 4:
         $2_1 = (((HEAP32[($2_1 << 2) + 1392 >> 2] & 7) << 2) + $6 | 0) + 4 | 0;
         HEAP32[$2_1 >> 2] = HEAP32[$2_1 >> 2] + 1;
         $0 = $0 + 2 | 0;
         break label$3;
        case 5:
         $0 = ($1_1 << 2) + 2408 | 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$0 >> 2] = HEAP32[$0 >> 2] + HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = $2_1;
         break label$3;
        case 6:
         $0 = ($1_1 << 2) + 2408 | 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$0 >> 2] = Math_imul(HEAP32[$0 >> 2], HEAP32[($1_1 << 2) + 2416 >> 2]);
         $0 = $2_1;
         break label$3;
        case 7:
         $0 = $1_1 - 2 | 0;
         $3 = ($0 << 2) + 2416 | 0;
         $1_1 = $1_1 - 1 | 0;
         $4_1 = HEAP32[($1_1 << 2) + 2416 >> 2];
         if ($4_1) {
          $0 = HEAPU32[($0 << 2) + 2416 >> 2] / ($4_1 >>> 0) | 0
         } else {
          $0 = 0
         }
         HEAP32[$3 >> 2] = $0;
         $0 = $2_1;
         break label$3;
        case 8:
         $0 = $1_1 - 2 | 0;
         $3 = ($0 << 2) + 2416 | 0;
         $1_1 = $1_1 - 1 | 0;
         $4_1 = HEAP32[($1_1 << 2) + 2416 >> 2];
         if ($4_1) {
          $0 = HEAPU32[($0 << 2) + 2416 >> 2] % ($4_1 >>> 0) | 0
         } else {
          $0 = 0
         }
         HEAP32[$3 >> 2] = $0;
         $0 = $2_1;
         break label$3;
        case 9:
         $0 = ($1_1 << 2) + 2408 | 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$0 >> 2] = HEAP32[$0 >> 2] < HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = $2_1;
         break label$3;
        case 10:
         $0 = ($1_1 << 2) + 2408 | 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$0 >> 2] = HEAP32[$0 >> 2] <= HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = $2_1;
         break label$3;
        case 11:
         $0 = ($1_1 << 2) + 2408 | 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$0 >> 2] = HEAP32[$0 >> 2] != HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = $2_1;
         break label$3;
        case 12:
         $0 = HEAP32[($2_1 << 2) + 1392 >> 2];
         break label$3;
        case 13:
         $1_1 = $1_1 - 1 | 0;
         if (!HEAP32[($1_1 << 2) + 2416 >> 2]) {
          $0 = HEAP32[($2_1 << 2) + 1392 >> 2];
          break label$3;
         }
         $0 = $0 + 2 | 0;
         break label$3;
        case 14:
         if (($5 | 0) > 62) {
          break label$1
         }
         $4_1 = Math_imul($5, 36);
         $3 = $4_1 + 3484 | 0;
         HEAP32[$3 >> 2] = 0;
         HEAP32[$3 + 4 >> 2] = 0;
         $5 = $5 + 1 | 0;
         $7 = Math_imul($5, 36);
         $6 = $7 + 3440 | 0;
         HEAP32[$6 >> 2] = $0 + 2;
         $3 = $4_1 + 3492 | 0;
         HEAP32[$3 >> 2] = 0;
         HEAP32[$3 + 4 >> 2] = 0;
         $3 = $4_1 + 3500 | 0;
         HEAP32[$3 >> 2] = 0;
         HEAP32[$3 + 4 >> 2] = 0;
         HEAP32[$4_1 + 3508 >> 2] = 0;
         $1_1 = $1_1 - 1 | 0;
         HEAP32[$7 + 3444 >> 2] = HEAP32[($1_1 << 2) + 2416 >> 2];
         $0 = HEAP32[($2_1 << 2) + 1392 >> 2];
         break label$3;
        case 15:
         break label$5;
        default:
         break label$1;
        };
       }
       if (!$5) {
        break label$1
       }
       $0 = HEAP32[$6 >> 2];
       $5 = $5 - 1 | 0;
       $6 = Math_imul($5, 36) + 3440 | 0;
       break label$3;
      }
      $1_1 = $1_1 + 1 | 0;
      $0 = $0 + 2 | 0;
     }
     if ($1_1 >>> 0 < 255) {
      continue
     }
    }
    break;
   };
   $0 = 0;
  }
  return $0 | 0;
 }
 
 function $4($0) {
  $0 = $0 | 0;
  var $1_1 = 0;
  return ($0 >>> 0 <= 7 ? HEAP32[($0 << 2) + 1040 >> 2] : $1_1) | 0;
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
  "_initialize": $1, 
  "run": $2, 
  "local": $4
 };
}

var retasmFunc = asmFunc(  { abort: function() { throw new Error('abort'); }
  });
export var memory = retasmFunc.memory;
export var _initialize = retasmFunc._initialize;
export var run = retasmFunc.run;
export var local = retasmFunc.local;


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
  base64DecodeToExistingUint8Array(bufferView, 1028, "BwAAAAEAAAAfAAAAAgAAADQSAAAEAAAAAwAAAAMAAAAFAAAAAQAAABEAAAAFAAAAAAAAAAIAAACd////AAAAAAEAAAAEAAAAAAAAAAMAAAALAAAABQAAACoAAAAGAAAA/////wc=");
  base64DecodeToExistingUint8Array(bufferView, 1136, "gAQ=");
  base64DecodeToExistingUint8Array(bufferView, 1152, "AQAAAAIAAAADAAAABAAAAAUAAAAGAAAABwAAAAg=");
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
 var global$0 = 1049760;
 function $0($0_1) {
  $0_1 = $0_1 | 0;
  var $1_1 = 0, $2_1 = 0, $3_1 = 0;
  $1_1 = global$0 - 32 | 0;
  global$0 = $1_1;
  HEAP32[$1_1 + 20 >> 2] = 0;
  HEAP32[$1_1 + 24 >> 2] = -2128831035;
  HEAP32[$1_1 + 16 >> 2] = $0_1;
  HEAP32[$1_1 + 8 >> 2] = 1;
  HEAP32[$1_1 + 12 >> 2] = 2;
  $0_1 = 0;
  $3_1 = HEAP32[284];
  while (1) {
   $0_1 = $0_1 << 3;
   FUNCTION_TABLE[HEAP32[(HEAPU8[$0_1 + 1024 | 0] << 2) + $3_1 >> 2]]($1_1 + 8 | 0, HEAP32[$0_1 + 1028 >> 2]);
   $2_1 = HEAP32[$1_1 + 20 >> 2];
   $0_1 = $2_1 + 1 | 0;
   HEAP32[$1_1 + 20 >> 2] = $0_1;
   if (($2_1 | 0) < 13) {
    continue
   }
   break;
  };
  global$0 = $1_1 + 32 | 0;
  return HEAP32[$1_1 + 8 >> 2] ^ HEAP32[$1_1 + 24 >> 2];
 }
 
 function $1($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 >> 2] = $1_1 + HEAP32[$0_1 >> 2];
 }
 
 function $2($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 >> 2] = Math_imul($1_1, HEAP32[$0_1 >> 2]) + 1;
 }
 
 function $3($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 >> 2] = HEAP32[$0_1 >> 2] ^ $1_1 + HEAP32[$0_1 + 4 >> 2];
 }
 
 function $4($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 >> 2] = HEAP32[$0_1 >> 2] >>> $1_1;
 }
 
 function $5($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  var $2_1 = 0;
  $2_1 = HEAP32[$0_1 + 4 >> 2];
  HEAP32[$0_1 + 4 >> 2] = HEAP32[$0_1 >> 2];
  HEAP32[$0_1 >> 2] = $1_1 + $2_1;
 }
 
 function $6($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 + 16 >> 2] = Math_imul(HEAP32[$0_1 + 16 >> 2] ^ $1_1 + HEAP32[$0_1 >> 2], 16777619);
 }
 
 function $7($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  HEAP32[$0_1 + 8 >> 2] = $1_1 + HEAP32[$0_1 + 8 >> 2];
 }
 
 function $8($0_1, $1_1) {
  $0_1 = $0_1 | 0;
  $1_1 = $1_1 | 0;
  if (HEAP32[$0_1 + 8 >> 2]) {
   HEAP32[$0_1 + 12 >> 2] = $1_1 - 1
  }
 }
 
 bufferView = HEAPU8;
 initActiveSegments(env);
 var FUNCTION_TABLE = [null, $1, $2, $3, $4, $5, $6, $7, $8];
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

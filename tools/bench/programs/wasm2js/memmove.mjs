
  var bufferView;

  var scratchBuffer = new ArrayBuffer(16);
  var i32ScratchView = new Int32Array(scratchBuffer);
  var f32ScratchView = new Float32Array(scratchBuffer);
  var f64ScratchView = new Float64Array(scratchBuffer);
  
  function wasm2js_memory_copy(dest, source, size) {
    // TODO: traps on invalid things
    bufferView.copyWithin(dest, source, source + size);
  }
      
  function wasm2js_memory_fill(dest, value, size) {
    dest = dest >>> 0;
    size = size >>> 0;
    if (dest + size > bufferView.length) throw "trap: invalid memory.fill";
    bufferView.fill(value, dest, dest + size);
  }
      
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
  var $1 = 0, $2 = 0, $3 = 0, $4 = 0, $5 = 0, $6 = 0, $7 = 0;
  $1 = 1;
  $2 = -4;
  while (1) {
   $1 = $1 ^ $1 << 13;
   $1 = $1 >>> 17 ^ $1;
   $1 = $1 << 5 ^ $1;
   HEAP32[$2 + 1028 >> 2] = $1;
   $1 = $1 ^ $1 << 13;
   $1 = $1 >>> 17 ^ $1;
   $1 = $1 << 5 ^ $1;
   HEAP32[$2 + 1032 >> 2] = $1;
   $2 = $2 + 8 | 0;
   if ($2 >>> 0 < 4194300) {
    continue
   }
   break;
  };
  label$2 : {
   if (($0_1 | 0) <= 0) {
    $2 = -2128831035;
    break label$2;
   }
   $2 = -2128831035;
   while (1) {
    $1 = $1 ^ $1 << 13;
    $1 = $1 >>> 17 ^ $1;
    $3 = $1 << 5 ^ $1;
    $1 = $3 << 13 ^ $3;
    $1 = $1 >>> 17 ^ $1;
    $5 = $1 << 5 ^ $1;
    $1 = $5 << 13 ^ $5;
    $1 = $1 >>> 17 ^ $1;
    $1 = $1 << 5 ^ $1;
    $3 = $3 & 65535;
    $4 = 4193280 - $3 | 0;
    $7 = ($1 >>> 0) % ($4 >>> 0) | 0;
    $4 = ($5 >>> 0) % ($4 >>> 0) | 0;
    $5 = $3 + 1024 | 0;
    label$5 : {
     label$6 : {
      switch ($6 & 3) {
      case 0:
       wasm2js_memory_copy($7 + 1024 | 0, $4 + 1024 | 0, $5);
       break label$5;
      case 1:
       wasm2js_memory_copy($4 + 1025 | 0, $4 + 1024 | 0, $3 + 1023 | 0);
       break label$5;
      case 2:
       wasm2js_memory_copy($4 + 1024 | 0, $4 + 1027 | 0, $3 + 1021 | 0);
       break label$5;
      default:
       break label$6;
      };
     }
     wasm2js_memory_fill($7 + 1024 | 0, $6, $5 >>> 4 | 0);
    }
    $2 = Math_imul(HEAPU8[(($5 >>> 1 | 0) + $7 & 4194303) + 1024 | 0] ^ $2, 16777619);
    $6 = $6 + 1 | 0;
    if (($6 | 0) != ($0_1 | 0)) {
     continue
    }
    break;
   };
  }
  $1 = -4096;
  while (1) {
   $2 = Math_imul(HEAPU8[$1 + 17408 | 0] ^ Math_imul(HEAPU8[$1 + 13312 | 0] ^ Math_imul(HEAPU8[$1 + 9216 | 0] ^ Math_imul(HEAPU8[$1 + 5120 | 0] ^ $2, 16777619), 16777619), 16777619), 16777619);
   $1 = $1 + 16384 | 0;
   if ($1 >>> 0 < 4190208) {
    continue
   }
   break;
  };
  return $2 | 0;
 }
 
 bufferView = HEAPU8;
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


  var bufferView;

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
      
function asmFunc(env) {
 var buffer = new ArrayBuffer(3080192);
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
  $5 = -2128831035;
  if (($0_1 | 0) > 0) {
   while (1) {
    wasm2js_memory_fill(1024, 0, 2000001);
    $1 = 4;
    $3 = 0;
    $2 = 2;
    while (1) {
     label$4 : {
      if ($3 & 255) {
       break label$4
      }
      if ($1 >>> 0 > 2e6) {
       break label$4
      }
      while (1) {
       HEAP8[$1 + 1024 | 0] = 1;
       $1 = $1 + $2 | 0;
       if ($1 >>> 0 < 2000001) {
        continue
       }
       break;
      };
     }
     label$6 : {
      $2 = $2 + 1 | 0;
      if (($2 | 0) == 1415) {
       $1 = 0;
       $3 = 0;
       $4 = 0;
       while (1) {
        $6 = $1 + 2 | 0;
        $2 = HEAPU8[$1 + 1026 | 0];
        $3 = $3 + ($2 ? 0 : $6) | 0;
        $2 = !$2 + $4 | 0;
        $4 = $1 + 3 | 0;
        if (($4 | 0) == 2000001) {
         break label$6
        }
        $1 = HEAPU8[$1 + 1027 | 0];
        $3 = $3 + ($1 ? 0 : $4) | 0;
        $4 = !$1 + $2 | 0;
        $1 = $6;
        continue;
       };
      }
      $3 = HEAPU8[$2 + 1024 | 0];
      $1 = Math_imul($2, $2);
      continue;
     }
     break;
    };
    $5 = Math_imul($3 ^ Math_imul($2 ^ $5, 16777619), 16777619);
    $7 = $7 + 1 | 0;
    if (($0_1 | 0) != ($7 | 0)) {
     continue
    }
    break;
   }
  }
  return $5 | 0;
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

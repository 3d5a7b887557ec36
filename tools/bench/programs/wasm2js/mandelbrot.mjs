
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
  var $1 = 0.0, $2 = 0, $3 = 0, $4 = 0.0, $5 = 0.0, $6 = 0.0, $7 = 0, $8 = 0.0, $9 = 0.0, $10 = 0, $11 = 0.0, $12 = 0, $13 = 0, $14 = 0.0, $15 = 0.0, $16 = 0.0;
  label$1 : {
   if (($0_1 | 0) <= 0) {
    $3 = -2128831035;
    break label$1;
   }
   $11 = +($0_1 | 0);
   $3 = -2128831035;
   while (1) {
    $14 = ($5 + $5) / $11 + -1.0;
    $6 = 0.0;
    $7 = 0;
    $2 = 0;
    while (1) {
     $12 = $2;
     $15 = $6 * 2.5 / $11 + -2.0;
     $1 = 0.0;
     $2 = 0;
     $8 = 0.0;
     $4 = 0.0;
     $9 = 0.0;
     while (1) {
      label$5 : {
       $10 = $2 + 1 | 0;
       if ($2 >>> 0 > 198) {
        break label$5
       }
       $16 = $9 + $9;
       $2 = $10;
       $1 = $15 + ($8 - $1);
       $9 = $1;
       $8 = $1 * $1;
       $4 = $16 * $4 + $14;
       $1 = $4 * $4;
       if ($8 + $1 <= 4.0) {
        continue
       }
      }
      break;
     };
     $6 = $6 + 1.0;
     $2 = $10 + $12 | 0;
     $7 = $7 + 1 | 0;
     if (($0_1 | 0) != ($7 | 0)) {
      continue
     }
     break;
    };
    $5 = $5 + 1.0;
    $3 = Math_imul($3 ^ $10 + $12, 16777619);
    $13 = $13 + 1 | 0;
    if (($0_1 | 0) != ($13 | 0)) {
     continue
    }
    break;
   };
  }
  return $3 | 0;
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

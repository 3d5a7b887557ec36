(function (rt, vmctx) {
"use strict";
const v0 = new rt.V128(1, 2, 3, 4);
const m1 = vmctx[7];
const sh2 = [0, 17, 2, 19, 4, 21, 6, 23, 8, 25, 10, 27, 12, 29, 14, 31];
function f0(l0, l1) {
  return rt.simd.i8x16_add(l0, l1);
}
function f1(l0) {
  return rt.simd.i32x4_extract_lane(l0, 2);
}
function f2() {
  return v0;
}
function f3(l0) {
  return rt.simd.v128_load(m1.dv, (l0 >>> 0) + 16);
}
function f4(l0, l1) {
  return rt.simd.i8x16_shuffle(l0, l1, sh2);
}
return {
  funcs: [f0, f1, f2, f3, f4],
  globalInit: [],
  tableInit: [],
  elemOffset: [],
  elemItems: [],
  dataOffset: []
};
})

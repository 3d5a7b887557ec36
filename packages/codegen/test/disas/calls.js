(function (rt, vmctx) {
"use strict";
const F0 = vmctx[7];
const t1 = vmctx[8];
const T2 = vmctx[4];
const ty3 = T2[0];
function f1(l0) {
  let s0, s1;
  return ((l0 + 1) | 0);
}
function f2(l0) {
  let l1 = 0, s0, s1;
  l1 = l0;
  s0 = ((l1 + 1) | 0);
  s0 = F0.fn(s0);
  return s0;
}
function f3(l0, l1) {
  let s0, s1, r0;
  r0 = (l1 >>> 0) < t1.elements.length ? t1.elements[(l1 >>> 0)] : rt.trap(19);
  if (r0 === null) rt.trap(4);
  if (r0.typeId !== ty3 && !rt.isSubtypeId(r0.typeId, ty3)) rt.trap(5);
  s0 = r0.fn(l0);
  return s0;
}
return {
  funcs: [f1, f2, f3],
  globalInit: [],
  tableInit: [null],
  elemOffset: {},
  elemItems: {},
  dataOffset: []
};
})

(function (rt, vmctx) {
"use strict";
var F0 = vmctx[7];
var t1 = vmctx[8];
var T2 = vmctx[4];
var ty3 = T2[0];
function f1(l0) {
  var s0, s1;
  return ((l0 + 1) | 0);
}
function f2(l0) {
  var l1 = 0, s0, s1;
  l1 = l0;
  s0 = ((l1 + 1) | 0);
  s0 = F0.fn(s0);
  return s0;
}
function f3(l0, l1) {
  var s0, s1, r0;
  r0 = t1.elements[(l1 >>> 0)] ?? ((l1 >>> 0) < t1.elements.length ? rt.trap(4) : rt.trap(19));
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
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
function f0(l0, l1) {
  var s0, s1;
  return ((l0 + l1) | 0);
}
function f1(l0, l1) {
  var s0, s1;
  s0 = (l1 === 0 ? rt.trap(7) : l1 === -1 && l0 === -2147483648 ? rt.trap(6) : (l0 / l1) | 0);
  return s0;
}
function f2(l0, l1) {
  var s0, s1;
  s0 = (l0 << l1) | (l0 >>> (32 - l1));
  return s0;
}
function f3(l0, l1) {
  var s0, s1;
  return (+((l0 >>> 0) < (l1 >>> 0)));
}
return {
  funcs: [f0, f1, f2, f3],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

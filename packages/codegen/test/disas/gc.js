(function (rt, vmctx) {
"use strict";
var T0 = vmctx[4];
var ty1 = T0[0];
var rtt2 = rt.rtt(ty1);
function f0(l0) {
  var s0, s1;
  s0 = rt.structNew(vmctx, rtt2, l0, 255);
  return s0;
}
function f1(l0) {
  var s0;
  s0 = l0;
  if (s0 === null) rt.trap(21);
  s0 = (s0.fields[1] << 24) >> 24;
  return s0;
}
function f2(l0) {
  var s0;
  s0 = l0;
  if (s0 === null) rt.trap(22);
  s0 = s0.elements.length;
  return s0;
}
function f3(l0) {
  var s0;
  s0 = l0;
  s0 = ((s0 instanceof rt.WasmStruct && s0.rtt.depth >= 0 && s0.rtt.supers[0] === ty1)) ? 1 : 0;
  return s0;
}
function f4(l0) {
  var s0;
  s0 = l0;
  s0 = (s0 << 1) >> 1;
  if (s0 === null) rt.trap(23);
  s0 = s0 & 0x7fffffff;
  return s0;
}
return {
  funcs: [f0, f1, f2, f3, f4],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
function f0(l0) {
  return ((l0 + 40) | 0);
}
function f1$p() {
  H.R[0] = 4096; return 80;
}
function f1() {
  return H.j(f1$p(), H.R[0]);
}
f1.$p = f1$p;
function f2() {
  return ((0 === 0 ? rt.trap(7) : (1 / 0) | 0));
}
function f3() {
  return 0;
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

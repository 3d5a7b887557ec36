(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0$p(l0) {
  var s0, s0h;
  s0 = D0.getInt32((l0>>>0)+8,1);
  H.R[0] = 0; return s0;
}
function f0(a0) {
  return H.j(f0$p(a0), H.R[0]);
}
f0.$p = f0$p;
function f1(l0, l1) {
  var s0, s1, sa = 0, sv = 0;
  sa = (l0>>>0); sv = l1; if (typeof sv === 'number' && sv === sv) D0.setFloat32(sa,sv,1); else H.storeF32(D0, sa, sv);
  return;
}
function f2(l0) {
  var s0;
  s0 = rt.memoryGrow(m0, l0);
  return s0;
}
function f3(l0, l1, l2) {
  var s0, s1, s2;
  rt.memoryFill(m0, l0, l1, l2);
  return;
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

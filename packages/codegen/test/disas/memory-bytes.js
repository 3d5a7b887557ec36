(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var U0 = m0.u8;
m0.watch(() => { U0 = m0.u8; });
function f0(l0, l1) {
  var l2 = 0, s0, s1, s2, ma = 0;
  l0 |= 0; l1 |= 0;
  L0: for (;;) {
    l2 = ((l2 + (U0[ma = (((l0 + l1))>>>0)]??D0.getUint8(ma))) | 0);
    l2 = (l2 ^ ((U0[ma = (l0>>>0)+4]??D0.getUint8(ma))<<24>>24));
    l2 = ((l2 + D0.getInt32((((l0 + 8))>>>0),1)) | 0);
    l1 = ((l1 - 1) | 0);
    if (l1) {
      continue L0;
    }
    break L0;
  }
  return l2;
}
function f1$p(l0) {
  var s0, s0h, s1, s1h, ma = 0;
  s0 = (U0[(l0>>>0)]??D0.getUint8((l0>>>0)));
  s1 = ((U0[ma = (l0>>>0)+1]??D0.getUint8(ma))<<24>>24); s1h = s1 >> 31;
  s0 = (s0 + s1) | 0; s0h = (s1h + +((s0 >>> 0) < (s1 >>> 0))) | 0;
  H.R[0] = s0h; return s0;
}
function f1(a0) {
  return H.j(f1$p(a0), H.R[0]);
}
f1.$p = f1$p;
return {
  funcs: [f0, f1],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0(l0, l1, l2) {
  var s0, s1, s2;
  D0.setFloat64((l2>>>0),((l0 * (-0 + (D0.getFloat64((l1>>>0),1) + -0))) + D0.getFloat64((l2>>>0)+8,1)),1);
  return;
}
function f1(l0, l1, l2) {
  var s0, s1, s2, sa = 0, sv = 0;
  s1 = Math.fround((Math.fround(l0 * (-0 + D0.getFloat32((l1>>>0),1)))) + (-0 + D0.getFloat32((l2>>>0)+4,1)));
  sa = (l2>>>0); sv = s1; if (typeof sv === 'number' && sv === sv) D0.setFloat32(sa,sv,1); else H.storeF32(D0, sa, sv);
  return;
}
function f2(l0, l1) {
  var l2 = 0, l3 = 0, s0, s1, s2;
  l0 |= 0; l1 |= 0;
  L0: for (;;) {
    l3 = (D0.getFloat64((l0>>>0),1) + -0);
    l2 = (l2 + (l3 * (-0 + l3)));
    D0.setFloat64((l0>>>0)+8,l2,1);
    l0 = ((l0 + 16) | 0);
    l1 = ((l1 - 1) | 0);
    if (l1) {
      continue L0;
    }
    break L0;
  }
  return l2;
}
function f3(l0, l1) {
  var l2 = 0, s0, s1, s2, ma = 0, mf = 0, sa = 0, sv = 0;
  l2 = ((mf = D0.getFloat64(ma = (l0>>>0),1)) === mf ? mf : H.loadF64(D0, ma));
  sa = (l0>>>0)+8; sv = l2; if (typeof sv === 'number') D0.setFloat64(sa,sv,1); else H.storeF64(D0, sa, sv);
  sa = (l0>>>0)+16; sv = l1; if (typeof sv === 'number') D0.setFloat64(sa,sv,1); else H.storeF64(D0, sa, sv);
  s0 = l0;
  L0: {
    s1 = ((mf = D0.getFloat64(ma = (l0>>>0),1)) === mf ? mf : H.loadF64(D0, ma));
    if (l0) {
      break L0;
    }
    s1 = (-0 + s1) + 1;
  }
  sa = (s0>>>0)+24; sv = s1; if (typeof sv === 'number') D0.setFloat64(sa,sv,1); else H.storeF64(D0, sa, sv);
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

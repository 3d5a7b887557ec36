(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var fw1 = true;
function f0(l0) {
  var l1 = 0, l2 = 0, l3 = 0, l4 = 0, s0, s1, s2;
  l0 |= 0;
  var qk = 0;
  if (fw1) { fw1 = false; for (qk = 0; qk < 1036; qk++); }
  l2 = D0.getInt32(0,1);
  l3 = D0.getInt32(4,1);
  l4 = D0.getInt32(8,1);
  L0: for (;;) {
    l2 = ((l2 + (Math.imul(l3, D0.getInt32((l1>>>0)+12,1)))) | 0);
    s1 = (l2 << 7) | (l2 >>> (32 - 7));
    s0 = l3 ^ s1;
    l3 = s0;
    l4 = ((l4 + ((l2 >>> 3) | 0)) | 0);
    l2 = ((l2 + (Math.imul(l4, D0.getInt32((l1>>>0)+16,1)))) | 0);
    s1 = (l4 << 11) | (l4 >>> (32 - 11));
    s0 = l3 ^ s1;
    l3 = s0;
    l4 = ((l4 - (l3 << 5)) | 0);
    l2 = ((l2 + (Math.imul(l3, D0.getInt32((l1>>>0)+20,1)))) | 0);
    s1 = (l2 << 13) | (l2 >>> (32 - 13));
    s0 = l3 ^ s1;
    l3 = s0;
    l4 = ((l4 + ((l2 >>> 9) | 0)) | 0);
    l2 = ((l2 + (Math.imul(l4, D0.getInt32((l1>>>0)+24,1)))) | 0);
    s1 = (l4 << 17) | (l4 >>> (32 - 17));
    s0 = l3 ^ s1;
    l3 = s0;
    l4 = ((l4 - (l3 << 2)) | 0);
    D0.setInt32((l1>>>0)+28,l2,1);
    l1 = (((l1 + 4) | 0) & 1023);
    l0 = ((l0 - 1) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  return (l2 ^ (l3 ^ l4));
}
function f1(l0) {
  var l1 = 0, s0, s1;
  l0 |= 0;
  L0: for (;;) {
    l1 = ((l1 + l0) | 0);
    l0 = ((l0 - 1) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  return l1;
}
function f2(l0) {
  var s0, s1;
  return (Math.imul(l0, l0));
}
return {
  funcs: [f0, f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

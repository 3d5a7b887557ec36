(function (rt, vmctx) {
"use strict";
var hv0 = new Int32Array(2);
function f0(l0, l1) {
  var l2 = 0, l3 = 0, s0, s1, s2, oc = 0;
  l0 |= 0; l1 |= 0;
  oc = f0$o3(l2, l0, l3, l1); l2 = H.OW[1]; l3 = H.OW[2]; switch (oc) { case 1: return H.O[0]; }
  hv0[0] = l2; hv0[1] = l3; return f0$s1();
}
function f0$s1() {
  var l2 = hv0[0], l3 = hv0[1];
  return ((l2 + l3) | 0);
}
function f0$o0(l2, l0, l3, l1) {
  var s0, s1, oc = 0;
  l2 |= 0; l0 |= 0; l3 |= 0; l1 |= 0;
  ZO: {
    l2 = (((Math.imul(l2, 31)) + l0) | 0);
    s1 = (l2 << 5) | (l2 >>> (32 - 5));
    s0 = l3 ^ s1;
    l3 = s0;
    l2 = (((Math.imul(l2, 37)) + l3) | 0);
    if ((l2 & 1)) {
      { oc = 1; break ZO; }
    }
    s1 = (l1 === 0 ? rt.trap(7) : ((l2 >>> 0) / (l1 >>> 0)) | 0);
    oc = 0;
  }
  H.OW[1] = l2; H.O[2] = s1; H.OW[3] = l3;
  return oc;
}
function f0$o1(l3, s1, l2) {
  var s0, oc = 0;
  l3 |= 0; l2 |= 0;
  ZO: {
    s0 = (l3 + s1) | 0;
    l3 = s0;
    l2 = (((Math.imul(l2, 41)) + l3) | 0);
    if (l3 === 7) {
      { H.O[0] = l2; oc = 1; break ZO; }
    }
    s1 = (l2 << 7) | (l2 >>> (32 - 7));
    s0 = l3 ^ s1;
    l3 = s0;
    oc = 0;
  }
  H.OW[1] = l3; H.OW[2] = l2;
  return oc;
}
function f0$o2(l2, l0, l3, l1) {
  var s1, oc = 0;
  l2 |= 0; l0 |= 0; l3 |= 0; l1 |= 0;
  ZO: {
    L1: {
      oc = f0$o0(l2, l0, l3, l1); l2 = H.OW[1]; s1 = H.O[2]; l3 = H.OW[3]; switch (oc) { case 1: break L1; }
      oc = f0$o1(l3, s1, l2); l3 = H.OW[1]; l2 = H.OW[2]; switch (oc) { case 1: { oc = 1; break ZO; } }
    }
    oc = 0;
  }
  H.OW[1] = l2; H.OW[2] = l3;
  return oc;
}
function f0$o3(l2, l0, l3, l1) {
  var s0, s1, oc = 0;
  l2 |= 0; l0 |= 0; l3 |= 0; l1 |= 0;
  ZO: {
    L0: for (;;) {
      oc = f0$o2(l2, l0, l3, l1); l2 = H.OW[1]; l3 = H.OW[2]; switch (oc) { case 1: { oc = 1; break ZO; } }
      l2 = (((Math.imul(l2, 43)) + l3) | 0);
      s1 = (l2 << 9) | (l2 >>> (32 - 9));
      s0 = l3 ^ s1;
      l3 = s0;
      l0 = ((l0 - 1) | 0);
      if (l0) {
        continue L0;
      }
      break L0;
    }
    oc = 0;
  }
  H.OW[1] = l2; H.OW[2] = l3;
  return oc;
}
return {
  funcs: [f0],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

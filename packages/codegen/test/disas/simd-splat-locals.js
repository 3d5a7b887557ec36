(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var hv1 = H.f32Bits;
var hv2 = H.fv;
var hv3 = H.fb;
function f0(l0) {
  var l1 = 0, l1b = 0, l1c = 0, l1d = 0, l1f = 0, l1fb = 0, l1fc = 0, l1fd = 0, l2 = 0, l2b = 0, l2c = 0, l2d = 0, l2f = 0, l2fb = 0, l2fc = 0, l2fd = 0, l3 = 0, l3b = 0, l3c = 0, l3d = 0, l3f = 0, l3fb = 0, l3fc = 0, l3fd = 0, l4 = 0, l4b = 0, l4c = 0, l4d = 0, l4f = 0, l4fb = 0, l4fc = 0, l4fd = 0, l5 = 0, l5b = 0, l5c = 0, l5d = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, vt = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0, ma = 0, mf = 0;
  l0 |= 0;
  s0d = D0.getInt32(64+12,1); s0c = D0.getInt32(64+8,1); s0b = D0.getInt32(64+4,1); s0 = D0.getInt32(64,1);
  s1d = D0.getInt32(64+12,1); s1c = D0.getInt32(64+8,1); s1b = D0.getInt32(64+4,1); s1 = D0.getInt32(64,1);
  w0 = s0b; w1 = s0b; w2 = s0b; w3 = s0b; s0 = w0; s0b = w1; s0c = w2; s0d = w3;
  l1 = s0;
  l1f = hv2(l1);
  s0 = ((mf = D0.getFloat32(ma = 80,1)) === mf ? mf : H.loadF32(D0, ma));
  vt = s0; s0 = vt; s0b = vt; s0c = vt; s0d = vt;
  l2f = s0;
  vt = D0.getFloat32(84,1); s0 = vt; s0b = vt; s0c = vt; s0d = vt;
  l3f = s0;
  vt = l0; s0 = vt; s0b = vt; s0c = vt; s0d = vt;
  l5 = s0;
  s0d = D0.getFloat32(0+12,1); s0c = D0.getFloat32(0+8,1); s0b = D0.getFloat32(0+4,1); s0 = D0.getFloat32(0,1);
  l4f = s0; l4fb = s0b; l4fc = s0c; l4fd = s0d;
  L0: for (;;) {
    s0 = Math.fround(l4f * l1f); s0b = Math.fround(l4fb * l1f); s0c = Math.fround(l4fc * l1f); s0d = Math.fround(l4fd * l1f);
    s1d = D0.getFloat32((l0>>>0)+12,1); s1c = D0.getFloat32((l0>>>0)+8,1); s1b = D0.getFloat32((l0>>>0)+4,1); s1 = D0.getFloat32((l0>>>0),1);
    s1 = Math.fround(s1 * l2f); s1b = Math.fround(s1b * l2f); s1c = Math.fround(s1c * l2f); s1d = Math.fround(s1d * l2f);
    s1 = Math.fround(s1 + l3f); s1b = Math.fround(s1b + l3f); s1c = Math.fround(s1c + l3f); s1d = Math.fround(s1d + l3f);
    s0 = Math.fround(s0 + s1); s0b = Math.fround(s0b + s1b); s0c = Math.fround(s0c + s1c); s0d = Math.fround(s0d + s1d);
    l4f = s0; l4fb = s0b; l4fc = s0c; l4fd = s0d;
    l4 = hv3(l4f); l4b = hv3(l4fb); l4c = hv3(l4fc); l4d = hv3(l4fd);
    l0 = ((l0 - 16) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  s1 = (l4 + l5) | 0; s1b = (l4b + l5) | 0; s1c = (l4c + l5) | 0; s1d = (l4d + l5) | 0;
  D0.setInt32(0+12,s1d,1); D0.setInt32(0,s1,1); D0.setInt32(0+4,s1b,1); D0.setInt32(0+8,s1c,1);
  D0.setInt32(16+12,l1,1); D0.setInt32(16,l1,1); D0.setInt32(16+4,l1,1); D0.setInt32(16+8,l1,1);
  return;
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

(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var hv1 = H.fv;
var hv2 = H.fb;
var hv3 = H.f32Bits;
function f0(l0) {
  var l1 = 0, l1b = 0, l1c = 0, l1d = 0, l1f = 0, l1fb = 0, l1fc = 0, l1fd = 0, l2 = 0, l2b = 0, l2c = 0, l2d = 0, l2f = 0, l2fb = 0, l2fc = 0, l2fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  l0 |= 0;
  s0d = D0.getFloat32(64+12,1); s0c = D0.getFloat32(64+8,1); s0b = D0.getFloat32(64+4,1); s0 = D0.getFloat32(64,1);
  l1f = s0; l1fb = s0b; l1fc = s0c; l1fd = s0d;
  L0: for (;;) {
    s1d = D0.getFloat32((l0>>>0)+12,1); s1c = D0.getFloat32((l0>>>0)+8,1); s1b = D0.getFloat32((l0>>>0)+4,1); s1 = D0.getFloat32((l0>>>0),1);
    s1 = Math.fround(s1 * l1f); s1b = Math.fround(s1b * l1fb); s1c = Math.fround(s1c * l1fc); s1d = Math.fround(s1d * l1fd);
    s0 = Math.fround(l2f + s1); s0b = Math.fround(l2fb + s1b); s0c = Math.fround(l2fc + s1c); s0d = Math.fround(l2fd + s1d);
    l2f = s0; l2fb = s0b; l2fc = s0c; l2fd = s0d;
    l0 = ((l0 - 16) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  D0.setFloat32(0+12,l2fd,1); D0.setFloat32(0,l2f,1); D0.setFloat32(0+4,l2fb,1); D0.setFloat32(0+8,l2fc,1);
  return;
}
function f1() {
  var l0 = 0, l0b = 0, l0c = 0, l0d = 0, l0f = 0, l0fb = 0, l0fc = 0, l0fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  s0d = D0.getInt32(0+12,1); s0c = D0.getInt32(0+8,1); s0b = D0.getInt32(0+4,1); s0 = D0.getInt32(0,1);
  l0 = s0; l0b = s0b; l0c = s0c; l0d = s0d;
  l0f = hv1(l0); l0fb = hv1(l0b); l0fc = hv1(l0c); l0fd = hv1(l0d);
  s1 = Math.fround(l0f * 0.5); s1b = Math.fround(l0fb * 2); s1c = Math.fround(l0fc * -0); s1d = Math.fround(l0fd * 1);
  D0.setFloat32(16+12,s1d,1); D0.setFloat32(16,s1,1); D0.setFloat32(16+4,s1b,1); D0.setFloat32(16+8,s1c,1);
  D0.setInt32(32+12,l0d,1); D0.setInt32(32,l0,1); D0.setInt32(32+4,l0b,1); D0.setInt32(32+8,l0c,1);
  return;
}
function f2() {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s1d = D0.getInt32(0+12,1); s1c = D0.getInt32(0+8,1); s1b = D0.getInt32(0+4,1); s1 = D0.getInt32(0,1);
  D0.setInt32(16+12,s1d,1); D0.setInt32(16,s1,1); D0.setInt32(16+4,s1b,1); D0.setInt32(16+8,s1c,1);
  return;
}
function f3(l0) {
  var l1 = 0, l1b = 0, l1c = 0, l1d = 0, l1f = 0, l1fb = 0, l1fc = 0, l1fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d, s4, s4b, s4c, s4d, vt = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0, ma = 0, mf = 0;
  s0d = D0.getFloat32((l0>>>0)+12,1); s0c = D0.getFloat32((l0>>>0)+8,1); s0b = D0.getFloat32((l0>>>0)+4,1); s0 = D0.getFloat32((l0>>>0),1);
  l1f = s0; l1fb = s0b; l1fc = s0c; l1fd = s0d;
  s1d = D0.getFloat32(32+12,1); s1c = D0.getFloat32(32+8,1); s1b = D0.getFloat32(32+4,1); s1 = D0.getFloat32(32,1);
  s1 = Math.fround(s1 * l1f); s1b = Math.fround(s1b * l1f); s1c = Math.fround(s1c * l1f); s1d = Math.fround(s1d * l1f);
  s2d = D0.getFloat32(48+12,1); s2c = D0.getFloat32(48+8,1); s2b = D0.getFloat32(48+4,1); s2 = D0.getFloat32(48,1);
  s2 = Math.fround(s2 * l1fb); s2b = Math.fround(s2b * l1fb); s2c = Math.fround(s2c * l1fb); s2d = Math.fround(s2d * l1fb);
  s1 = Math.fround(s1 + s2); s1b = Math.fround(s1b + s2b); s1c = Math.fround(s1c + s2c); s1d = Math.fround(s1d + s2d);
  D0.setFloat32(0+12,s1d,1); D0.setFloat32(0,s1,1); D0.setFloat32(0+4,s1b,1); D0.setFloat32(0+8,s1c,1);
  s1 = ((mf = D0.getFloat32(ma = 64,1)) === mf ? mf : H.loadF32(D0, ma));
  vt = s1; s1 = vt; s1b = vt; s1c = vt; s1d = vt;
  vt = D0.getFloat32(68,1); s2 = vt; s2b = vt; s2c = vt; s2d = vt;
  s1 = Math.fround(s1 * s2); s1b = Math.fround(s1b * s2b); s1c = Math.fround(s1c * s2c); s1d = Math.fround(s1d * s2d);
  s2d = D0.getInt32(80+12,1); s2c = D0.getInt32(80+8,1); s2b = D0.getInt32(80+4,1); s2 = D0.getInt32(80,1);
  s2 = s2 ^ -2147483648; s2b = s2b ^ -2147483648; s2c = s2c ^ -2147483648; s2d = s2d ^ -2147483648;
  s1 = hv2(s1); s1b = hv2(s1b); s1c = hv2(s1c); s1d = hv2(s1d);
  w0 = s1b; w1 = s1; w2 = s2d; w3 = s2c; s1 = w0; s1b = w1; s1c = w2; s1d = w3;
  D0.setInt32(16+12,s1d,1); D0.setInt32(16,s1,1); D0.setInt32(16+4,s1b,1); D0.setInt32(16+8,s1c,1);
  return;
}
function f4(l0) {
  var l1 = 0, l1b = 0, l1c = 0, l1d = 0, l1f = 0, l1fb = 0, l1fc = 0, l1fd = 0, l2 = 0, l2b = 0, l2c = 0, l2d = 0, l2f = 0, l2fb = 0, l2fc = 0, l2fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  l0 |= 0;
  s0d = D0.getInt32(0+12,1); s0c = D0.getInt32(0+8,1); s0b = D0.getInt32(0+4,1); s0 = D0.getInt32(0,1);
  l1 = s0; l1b = s0b; l1c = s0c; l1d = s0d;
  l1f = hv1(l1); l1fb = hv1(l1b); l1fc = hv1(l1c); l1fd = hv1(l1d);
  l2f = hv1(l1); l2fb = hv1(l1b); l2fc = hv1(l1c); l2fd = hv1(l1d);
  L0: for (;;) {
    s0 = Math.fround(l1f * l1f); s0b = Math.fround(l1fb * l1fb); s0c = Math.fround(l1fc * l1fc); s0d = Math.fround(l1fd * l1fd);
    s0 = Math.fround(s0 + l2f); s0b = Math.fround(s0b + l2fb); s0c = Math.fround(s0c + l2fc); s0d = Math.fround(s0d + l2fd);
    l1f = s0; l1fb = s0b; l1fc = s0c; l1fd = s0d;
    l0 = ((l0 - 1) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  s1 = Math.fround(l1f * l2f); s1b = Math.fround(l1fb * l2fb); s1c = Math.fround(l1fc * l2fc); s1d = Math.fround(l1fd * l2fd);
  D0.setFloat32(0+12,s1d,1); D0.setFloat32(0,s1,1); D0.setFloat32(0+4,s1b,1); D0.setFloat32(0+8,s1c,1);
  return;
}
function f5(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, ma = 0, mf = 0;
  s1d = 0; s1c = 0; s1b = 0; s1 = D0.getFloat32((l0>>>0),1);
  s2 = ((mf = D0.getFloat32(ma = (l0>>>0)+12,1)) === mf ? mf : H.loadF32(D0, ma));
  s1b = s2;
  s2 = ((mf = D0.getFloat32(ma = (l0>>>0)+24,1)) === mf ? mf : H.loadF32(D0, ma));
  s1c = s2;
  s2d = D0.getFloat32(32+12,1); s2c = D0.getFloat32(32+8,1); s2b = D0.getFloat32(32+4,1); s2 = D0.getFloat32(32,1);
  s1 = Math.fround(s1 * s2); s1b = Math.fround(s1b * s2b); s1c = Math.fround(s1c * s2c); s1d = Math.fround(s1d * s2d);
  D0.setFloat32(0+12,s1d,1); D0.setFloat32(0,s1,1); D0.setFloat32(0+4,s1b,1); D0.setFloat32(0+8,s1c,1);
  s1d = 0; s1c = 0; s1b = 0; s1 = D0.getInt32((l0>>>0),1);
  s2 = ((mf = D0.getFloat32(ma = (l0>>>0)+12,1)) === mf ? mf : H.loadF32(D0, ma));
  s1b = hv3(s2);
  D0.setInt32(16+12,s1d,1); D0.setInt32(16,s1,1); D0.setInt32(16+4,s1b,1); D0.setInt32(16+8,s1c,1);
  s1d = D0.getFloat32(32+12,1); s1c = D0.getFloat32(32+8,1); s1b = D0.getFloat32(32+4,1); s1 = D0.getFloat32(32,1);
  s1 = Math.fround(Math.sqrt(s1)); s1b = Math.fround(Math.sqrt(s1b)); s1c = Math.fround(Math.sqrt(s1c)); s1d = Math.fround(Math.sqrt(s1d));
  s2 = ((mf = D0.getFloat32(ma = 4,1)) === mf ? mf : H.loadF32(D0, ma));
  s1d = s2;
  s2d = D0.getFloat32(64+12,1); s2c = D0.getFloat32(64+8,1); s2b = D0.getFloat32(64+4,1); s2 = D0.getFloat32(64,1);
  s1 = Math.fround(s1 - s2); s1b = Math.fround(s1b - s2b); s1c = Math.fround(s1c - s2c); s1d = Math.fround(s1d - s2d);
  D0.setFloat32(48+12,s1d,1); D0.setFloat32(48,s1,1); D0.setFloat32(48+4,s1b,1); D0.setFloat32(48+8,s1c,1);
  s0d = D0.getFloat32(64+12,1); s0c = D0.getFloat32(64+8,1); s0b = D0.getFloat32(64+4,1); s0 = D0.getFloat32(64,1);
  s1d = D0.getFloat32(80+12,1); s1c = D0.getFloat32(80+8,1); s1b = D0.getFloat32(80+4,1); s1 = D0.getFloat32(80,1);
  s0 = Math.fround(s0 + s1); s0b = Math.fround(s0b + s1b); s0c = Math.fround(s0c + s1c); s0d = Math.fround(s0d + s1d);
  s0 = s0b;
  return s0;
}
function f6() {
  var l0 = 0, l0b = 0, l0c = 0, l0d = 0, l0f = 0, l0fb = 0, l0fc = 0, l0fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  s0d = D0.getFloat32(0+12,1); s0c = D0.getFloat32(0+8,1); s0b = D0.getFloat32(0+4,1); s0 = D0.getFloat32(0,1);
  l0f = s0; l0fb = s0b; l0fc = s0c; l0fd = s0d;
  s1 = Math.fround(l0f * l0f); s1b = Math.fround(l0fb * l0fb); s1c = Math.fround(l0fc * l0fc); s1d = Math.fround(l0fd * l0fd);
  D0.setFloat32(256+12,s1d,1); D0.setFloat32(256,s1,1); D0.setFloat32(256+4,s1b,1); D0.setFloat32(256+8,s1c,1);
  s0d = D0.getInt32(16+12,1); s0c = D0.getInt32(16+8,1); s0b = D0.getInt32(16+4,1); s0 = D0.getInt32(16,1);
  l0 = s0; l0b = s0b; l0c = s0c; l0d = s0d;
  l0f = hv1(l0); l0fb = hv1(l0b); l0fc = hv1(l0c); l0fd = hv1(l0d);
  D0.setInt32(272+12,l0d,1); D0.setInt32(272,l0,1); D0.setInt32(272+4,l0b,1); D0.setInt32(272+8,l0c,1);
  s2d = D0.getFloat32(32+12,1); s2c = D0.getFloat32(32+8,1); s2b = D0.getFloat32(32+4,1); s2 = D0.getFloat32(32,1);
  s1 = Math.fround(l0f + s2); s1b = Math.fround(l0fb + s2b); s1c = Math.fround(l0fc + s2c); s1d = Math.fround(l0fd + s2d);
  D0.setFloat32(288+12,s1d,1); D0.setFloat32(288,s1,1); D0.setFloat32(288+4,s1b,1); D0.setFloat32(288+8,s1c,1);
  return;
}
return {
  funcs: [f0, f1, f2, f3, f4, f5, f6],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

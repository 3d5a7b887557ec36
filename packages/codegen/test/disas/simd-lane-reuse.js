(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var hv1 = H.fb;
var hv2 = H.fv;
function f0(l0, l1) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d, lf0 = 0, lf1 = 0, lf2 = 0, ma = 0;
  l0 |= 0; l1 |= 0;
  L0: for (;;) {
    ma = (((l0 + 8))>>>0); s1d = D0.getFloat32(ma+12,1); s1c = D0.getFloat32(ma+8,1); lf0 = D0.getFloat32(ma+4,1); s1b = lf0; lf1 = D0.getFloat32(ma,1); s1 = lf1;
    s1 = Math.fround(s1 * 3); s1b = Math.fround(s1b * 3); s1c = Math.fround(s1c * 3); s1d = Math.fround(s1d * 3);
    ma = (((l0 + 4))>>>0); s2d = D0.getFloat32(ma+12,1); s2c = lf0; s2b = lf1; lf2 = D0.getFloat32(ma,1); s2 = lf2;
    s2 = Math.fround(s2 * 5); s2b = Math.fround(s2b * 5); s2c = Math.fround(s2c * 5); s2d = Math.fround(s2d * 5);
    s1 = Math.fround(s1 + s2); s1b = Math.fround(s1b + s2b); s1c = Math.fround(s1c + s2c); s1d = Math.fround(s1d + s2d);
    s2d = D0.getFloat32((l0>>>0)+12,1); s2c = lf1; s2b = lf2; s2 = D0.getFloat32((l0>>>0),1);
    s2 = Math.fround(s2 * 7); s2b = Math.fround(s2b * 7); s2c = Math.fround(s2c * 7); s2d = Math.fround(s2d * 7);
    s1 = Math.fround(s1 + s2); s1b = Math.fround(s1b + s2b); s1c = Math.fround(s1c + s2c); s1d = Math.fround(s1d + s2d);
    D0.setFloat32((l0>>>0)+1024+12,s1d,1); D0.setFloat32((l0>>>0)+1024,s1,1); D0.setFloat32((l0>>>0)+1024+4,s1b,1); D0.setFloat32((l0>>>0)+1024+8,s1c,1);
    l0 = ((l0 + 16) | 0);
    l1 = ((l1 - 1) | 0);
    if (l1) {
      continue L0;
    }
    break L0;
  }
  return;
}
function f1(l0, l1) {
  var l2 = 0, l2b = 0, l2c = 0, l2d = 0, l2f = 0, l2fb = 0, l2fc = 0, l2fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d;
  l0 |= 0; l1 |= 0;
  L0: for (;;) {
    s0d = D0.getFloat32((l0>>>0)+4+12,1); s0c = D0.getFloat32((l0>>>0)+4+8,1); s0b = D0.getFloat32((l0>>>0)+4+4,1); s0 = D0.getFloat32((l0>>>0)+4,1);
    s0 = Math.fround(s0 * 5); s0b = Math.fround(s0b * 5); s0c = Math.fround(s0c * 5); s0d = Math.fround(s0d * 5);
    l2f = s0; l2fb = s0b; l2fc = s0c; l2fd = s0d;
    D0.setInt32((l0>>>0),0,1);
    s2d = D0.getFloat32((l0>>>0)+12,1); s2c = D0.getFloat32((l0>>>0)+8,1); s2b = D0.getFloat32((l0>>>0)+4,1); s2 = D0.getFloat32((l0>>>0),1);
    s2 = Math.fround(s2 * 7); s2b = Math.fround(s2b * 7); s2c = Math.fround(s2c * 7); s2d = Math.fround(s2d * 7);
    s1 = Math.fround(l2f + s2); s1b = Math.fround(l2fb + s2b); s1c = Math.fround(l2fc + s2c); s1d = Math.fround(l2fd + s2d);
    D0.setFloat32((l0>>>0)+1024+12,s1d,1); D0.setFloat32((l0>>>0)+1024,s1,1); D0.setFloat32((l0>>>0)+1024+4,s1b,1); D0.setFloat32((l0>>>0)+1024+8,s1c,1);
    l0 = ((l0 + 16) | 0);
    l1 = ((l1 - 1) | 0);
    if (l1) {
      continue L0;
    }
    break L0;
  }
  return;
}
return {
  funcs: [f0, f1],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

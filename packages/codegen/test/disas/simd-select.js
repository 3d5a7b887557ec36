(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var hv1 = H.fb;
var hv2 = H.fv;
function f0(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d, s4, s4b, s4c, s4d;
  s3d = D0.getFloat32((l0>>>0)+12,1); s3c = D0.getFloat32((l0>>>0)+8,1); s3b = D0.getFloat32((l0>>>0)+4,1); s3 = D0.getFloat32((l0>>>0),1);
  s4d = D0.getFloat32((l0>>>0)+16+12,1); s4c = D0.getFloat32((l0>>>0)+16+8,1); s4b = D0.getFloat32((l0>>>0)+16+4,1); s4 = D0.getFloat32((l0>>>0)+16,1);
  s3 = Math.fround(s3 - s4); s3b = Math.fround(s3b - s4b); s3c = Math.fround(s3c - s4c); s3d = Math.fround(s3d - s4d);
  s2 = s3 > 0 ? s3 : 0; s2b = s3b > 0 ? s3b : 0; s2c = s3c > 0 ? s3c : 0; s2d = s3d > 0 ? s3d : 0;
  s1 = s2 < 1 ? s2 : 1; s1b = s2b < 1 ? s2b : 1; s1c = s2c < 1 ? s2c : 1; s1d = s2d < 1 ? s2d : 1;
  D0.setFloat32((l0>>>0)+12,s1d,1); D0.setFloat32((l0>>>0),s1,1); D0.setFloat32((l0>>>0)+4,s1b,1); D0.setFloat32((l0>>>0)+8,s1c,1);
  return;
}
function f1(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d;
  s1d = D0.getInt32((l0>>>0)+12,1); s1c = D0.getInt32((l0>>>0)+8,1); s1b = D0.getInt32((l0>>>0)+4,1); s1 = D0.getInt32((l0>>>0),1);
  s2d = D0.getFloat32((l0>>>0)+12,1); s2c = D0.getFloat32((l0>>>0)+8,1); s2b = D0.getFloat32((l0>>>0)+4,1); s2 = D0.getFloat32((l0>>>0),1);
  s3d = D0.getFloat32((l0>>>0)+16+12,1); s3c = D0.getFloat32((l0>>>0)+16+8,1); s3b = D0.getFloat32((l0>>>0)+16+4,1); s3 = D0.getFloat32((l0>>>0)+16,1);
  s2 = Math.fround(s2 - s3); s2b = Math.fround(s2b - s3b); s2c = Math.fround(s2c - s3c); s2d = Math.fround(s2d - s3d);
  s2 = hv1(s2); s2b = hv1(s2b); s2c = hv1(s2c); s2d = hv1(s2d);
  s1 = hv2(s2) < hv2(s1) ? s2 : s1; s1b = hv2(s2b) < hv2(s1b) ? s2b : s1b; s1c = hv2(s2c) < hv2(s1c) ? s2c : s1c; s1d = hv2(s2d) < hv2(s1d) ? s2d : s1d;
  D0.setInt32((l0>>>0)+12,s1d,1); D0.setInt32((l0>>>0),s1,1); D0.setInt32((l0>>>0)+4,s1b,1); D0.setInt32((l0>>>0)+8,s1c,1);
  return;
}
return {
  funcs: [f0, f1],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: []
};
})

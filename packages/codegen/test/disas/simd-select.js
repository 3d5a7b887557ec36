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
function f2(l0) {
  var l1 = 0, l1b = 0, l1c = 0, l1d = 0, l1f = 0, l1fb = 0, l1fc = 0, l1fd = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d, s4, s4b, s4c, s4d;
  s1d = D0.getFloat32((l0>>>0)+12,1); s1c = D0.getFloat32((l0>>>0)+8,1); s1b = D0.getFloat32((l0>>>0)+4,1); s1 = D0.getFloat32((l0>>>0),1);
  s2d = D0.getFloat32((l0>>>0)+16+12,1); s2c = D0.getFloat32((l0>>>0)+16+8,1); s2b = D0.getFloat32((l0>>>0)+16+4,1); s2 = D0.getFloat32((l0>>>0)+16,1);
  s1 = Math.fround(s1 - s2); s1b = Math.fround(s1b - s2b); s1c = Math.fround(s1c - s2c); s1d = Math.fround(s1d - s2d);
  l1f = s1; l1fb = s1b; l1fc = s1c; l1fd = s1d;
  s1 = 0 > l1f ? 0 : l1f; s1b = 0 > l1fb ? 0 : l1fb; s1c = 0 > l1fc ? 0 : l1fc; s1d = 0 > l1fd ? 0 : l1fd;
  s3 = l1f !== l1f ? -1 : 0; s3b = l1fb !== l1fb ? -1 : 0; s3c = l1fc !== l1fc ? -1 : 0; s3d = l1fd !== l1fd ? -1 : 0;
  s1 = s3 ? s1 : l1f; s1b = s3b ? s1b : l1fb; s1c = s3c ? s1c : l1fc; s1d = s3d ? s1d : l1fd;
  s2d = D0.getFloat32((l0>>>0)+32+12,1); s2c = D0.getFloat32((l0>>>0)+32+8,1); s2b = D0.getFloat32((l0>>>0)+32+4,1); s2 = D0.getFloat32((l0>>>0)+32,1);
  s1 = Math.fround(s1 * s2); s1b = Math.fround(s1b * s2b); s1c = Math.fround(s1c * s2c); s1d = Math.fround(s1d * s2d);
  D0.setFloat32((l0>>>0)+12,s1d,1); D0.setFloat32((l0>>>0),s1,1); D0.setFloat32((l0>>>0)+4,s1b,1); D0.setFloat32((l0>>>0)+8,s1c,1);
  return;
}
function f3(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d, s4, s4b, s4c, s4d;
  s1d = D0.getFloat32((l0>>>0)+12,1); s1c = D0.getFloat32((l0>>>0)+8,1); s1b = D0.getFloat32((l0>>>0)+4,1); s1 = D0.getFloat32((l0>>>0),1);
  s2d = D0.getFloat32((l0>>>0)+16+12,1); s2c = D0.getFloat32((l0>>>0)+16+8,1); s2b = D0.getFloat32((l0>>>0)+16+4,1); s2 = D0.getFloat32((l0>>>0)+16,1);
  s1 = Math.fround(s1 + s2); s1b = Math.fround(s1b + s2b); s1c = Math.fround(s1c + s2c); s1d = Math.fround(s1d + s2d);
  s2d = D0.getFloat32((l0>>>0)+12,1); s2c = D0.getFloat32((l0>>>0)+8,1); s2b = D0.getFloat32((l0>>>0)+4,1); s2 = D0.getFloat32((l0>>>0),1);
  s3d = D0.getFloat32((l0>>>0)+16+12,1); s3c = D0.getFloat32((l0>>>0)+16+8,1); s3b = D0.getFloat32((l0>>>0)+16+4,1); s3 = D0.getFloat32((l0>>>0)+16,1);
  s2 = Math.fround(s2 - s3); s2b = Math.fround(s2b - s3b); s2c = Math.fround(s2c - s3c); s2d = Math.fround(s2d - s3d);
  s3d = D0.getInt32((l0>>>0)+12,1); s3c = D0.getInt32((l0>>>0)+8,1); s3b = D0.getInt32((l0>>>0)+4,1); s3 = D0.getInt32((l0>>>0),1);
  s4d = D0.getInt32((l0>>>0)+16+12,1); s4c = D0.getInt32((l0>>>0)+16+8,1); s4b = D0.getInt32((l0>>>0)+16+4,1); s4 = D0.getInt32((l0>>>0)+16,1);
  s3 = Math.imul((((~(s3 ^ -2139062144) & (s4 ^ -2139062144)) | (~((s3 ^ -2139062144) ^ (s4 ^ -2139062144)) & ((((s3 ^ -2139062144) | -2139062144) - ((s4 ^ -2139062144) & 2139062143)) ^ (((s3 ^ -2139062144) ^ ~(s4 ^ -2139062144)) & -2139062144)))) & -2139062144) >>> 7, 255); s3b = Math.imul((((~(s3b ^ -2139062144) & (s4b ^ -2139062144)) | (~((s3b ^ -2139062144) ^ (s4b ^ -2139062144)) & ((((s3b ^ -2139062144) | -2139062144) - ((s4b ^ -2139062144) & 2139062143)) ^ (((s3b ^ -2139062144) ^ ~(s4b ^ -2139062144)) & -2139062144)))) & -2139062144) >>> 7, 255); s3c = Math.imul((((~(s3c ^ -2139062144) & (s4c ^ -2139062144)) | (~((s3c ^ -2139062144) ^ (s4c ^ -2139062144)) & ((((s3c ^ -2139062144) | -2139062144) - ((s4c ^ -2139062144) & 2139062143)) ^ (((s3c ^ -2139062144) ^ ~(s4c ^ -2139062144)) & -2139062144)))) & -2139062144) >>> 7, 255); s3d = Math.imul((((~(s3d ^ -2139062144) & (s4d ^ -2139062144)) | (~((s3d ^ -2139062144) ^ (s4d ^ -2139062144)) & ((((s3d ^ -2139062144) | -2139062144) - ((s4d ^ -2139062144) & 2139062143)) ^ (((s3d ^ -2139062144) ^ ~(s4d ^ -2139062144)) & -2139062144)))) & -2139062144) >>> 7, 255);
  s2 = hv1(s2); s2b = hv1(s2b); s2c = hv1(s2c); s2d = hv1(s2d);
  s1 = hv1(s1); s1b = hv1(s1b); s1c = hv1(s1c); s1d = hv1(s1d);
  s1 = (s1 & s3) | (s2 & ~s3); s1b = (s1b & s3b) | (s2b & ~s3b); s1c = (s1c & s3c) | (s2c & ~s3c); s1d = (s1d & s3d) | (s2d & ~s3d);
  D0.setInt32((l0>>>0)+12,s1d,1); D0.setInt32((l0>>>0),s1,1); D0.setInt32((l0>>>0)+4,s1b,1); D0.setInt32((l0>>>0)+8,s1c,1);
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

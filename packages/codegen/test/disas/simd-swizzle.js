(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var hv1 = H.swizzlePairs(16, 0, 17565696, 2306);
var hv2 = H.swizzlePairs(68288520, 16777472, 50331648, 258);
var hv3 = H.swizzleTable;
var hv4 = H.swizzleBytes;
function f0(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d;
  s1d = D0.getInt32((l0>>>0)+12,1); s1c = D0.getInt32((l0>>>0)+8,1); s1b = D0.getInt32((l0>>>0)+4,1); s1 = D0.getInt32((l0>>>0),1);
  s1 = s1 & 252645135; s1b = s1b & 252645135; s1c = s1c & 252645135; s1d = s1d & 252645135;
  s0 = hv1[s1 & 65535] | (hv1[s1 >>> 16] << 16); s0b = hv1[s1b & 65535] | (hv1[s1b >>> 16] << 16); s0c = hv1[s1c & 65535] | (hv1[s1c >>> 16] << 16); s0d = hv1[s1d & 65535] | (hv1[s1d >>> 16] << 16);
  s2d = D0.getInt32((l0>>>0)+12,1); s2c = D0.getInt32((l0>>>0)+8,1); s2b = D0.getInt32((l0>>>0)+4,1); s2 = D0.getInt32((l0>>>0),1);
  s2 = (s2 >>> 4) & 252645135; s2b = (s2b >>> 4) & 252645135; s2c = (s2c >>> 4) & 252645135; s2d = (s2d >>> 4) & 252645135;
  s1 = hv2[s2 & 65535] | (hv2[s2 >>> 16] << 16); s1b = hv2[s2b & 65535] | (hv2[s2b >>> 16] << 16); s1c = hv2[s2c & 65535] | (hv2[s2c >>> 16] << 16); s1d = hv2[s2d & 65535] | (hv2[s2d >>> 16] << 16);
  s0 = s0 & s1; s0b = s0b & s1b; s0c = s0c & s1c; s0d = s0d & s1d;
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f1(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s0d = D0.getInt32((l0>>>0)+12,1); s0c = D0.getInt32((l0>>>0)+8,1); s0b = D0.getInt32((l0>>>0)+4,1); s0 = D0.getInt32((l0>>>0),1);
  s1d = D0.getInt32((l0>>>0)+16+12,1); s1c = D0.getInt32((l0>>>0)+16+8,1); s1b = D0.getInt32((l0>>>0)+16+4,1); s1 = D0.getInt32((l0>>>0)+16,1);
  hv3(s0, s0b, s0c, s0d); s0 = hv4[s1 & 255] | (hv4[(s1 >>> 8) & 255] << 8) | (hv4[(s1 >>> 16) & 255] << 16) | (hv4[s1 >>> 24] << 24); s0b = hv4[s1b & 255] | (hv4[(s1b >>> 8) & 255] << 8) | (hv4[(s1b >>> 16) & 255] << 16) | (hv4[s1b >>> 24] << 24); s0c = hv4[s1c & 255] | (hv4[(s1c >>> 8) & 255] << 8) | (hv4[(s1c >>> 16) & 255] << 16) | (hv4[s1c >>> 24] << 24); s0d = hv4[s1d & 255] | (hv4[(s1d >>> 8) & 255] << 8) | (hv4[(s1d >>> 16) & 255] << 16) | (hv4[s1d >>> 24] << 24);
  return new rt.V128(s0, s0b, s0c, s0d);
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

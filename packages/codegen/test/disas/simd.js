(function (rt, vmctx) {
"use strict";
var v0 = new rt.V128(1, 2, 3, 4);
var m1 = vmctx[7];
var D1 = m1.dv;
m1.watch(() => { D1 = m1.dv; });
var hv2 = H.addSatS16;
var hv3 = H.popcnt8;
var hv4 = H.fv;
var hv5 = H.fb;
var hv6 = H.f64Word;
var hv7 = H.f32Bits;
var hv8 = H.f32FromBits;
var gw9 = vmctx[8].words;
var g10 = vmctx[9];
var v11 = new rt.V128(0, 0, 0, 0);
function f0(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s0 = (((l0 & 0x7f7f7f7f) + (l1 & 0x7f7f7f7f)) ^ ((l0 ^ l1) & 0x80808080)); s0b = (((l0b & 0x7f7f7f7f) + (l1b & 0x7f7f7f7f)) ^ ((l0b ^ l1b) & 0x80808080)); s0c = (((l0c & 0x7f7f7f7f) + (l1c & 0x7f7f7f7f)) ^ ((l0c ^ l1c) & 0x80808080)); s0d = (((l0d & 0x7f7f7f7f) + (l1d & 0x7f7f7f7f)) ^ ((l0d ^ l1d) & 0x80808080));
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f1(l0v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, s0, s0b, s0c, s0d;
  return l0c;
}
function f2() {
  var s0, s0b, s0c, s0d;
  return v0;
}
function f3(l0) {
  var s0, s0b, s0c, s0d;
  s0d = D1.getInt32((l0>>>0)+16+12,1); s0c = D1.getInt32((l0>>>0)+16+8,1); s0b = D1.getInt32((l0>>>0)+16+4,1); s0 = D1.getInt32((l0>>>0)+16,1);
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f4(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s0 = (l0 & 16711935) | (l1 & -16711936); s0b = (l0b & 16711935) | (l1b & -16711936); s0c = (l0c & 16711935) | (l1c & -16711936); s0d = (l0d & 16711935) | (l1d & -16711936);
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f5(l0) {
  var s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, s3, s3b, s3c, s3d;
  s1d = D1.getInt32((l0>>>0)+12,1); s1c = D1.getInt32((l0>>>0)+8,1); s1b = D1.getInt32((l0>>>0)+4,1); s1 = D1.getInt32((l0>>>0),1);
  s2d = D1.getInt32((l0>>>0)+16+12,1); s2c = D1.getInt32((l0>>>0)+16+8,1); s2b = D1.getInt32((l0>>>0)+16+4,1); s2 = D1.getInt32((l0>>>0)+16,1);
  s1 = (s1 + s2) | 0; s1b = (s1b + s2b) | 0; s1c = (s1c + s2c) | 0; s1d = (s1d + s2d) | 0;
  s2d = D1.getInt32((l0>>>0)+32+12,1); s2c = D1.getInt32((l0>>>0)+32+8,1); s2b = D1.getInt32((l0>>>0)+32+4,1); s2 = D1.getInt32((l0>>>0)+32,1);
  s2 = s2 << 3; s2b = s2b << 3; s2c = s2c << 3; s2d = s2d << 3;
  s1 = Math.imul(s1, s2); s1b = Math.imul(s1b, s2b); s1c = Math.imul(s1c, s2c); s1d = Math.imul(s1d, s2d);
  D1.setInt32((l0>>>0)+12,s1d,1); D1.setInt32((l0>>>0),s1,1); D1.setInt32((l0>>>0)+4,s1b,1); D1.setInt32((l0>>>0)+8,s1c,1);
  return;
}
function f6(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  s0 = (Math.imul(l0, l1) & 65535) | (Math.imul(l0 >>> 16, l1 >>> 16) << 16); s0b = (Math.imul(l0b, l1b) & 65535) | (Math.imul(l0b >>> 16, l1b >>> 16) << 16); s0c = (Math.imul(l0c, l1c) & 65535) | (Math.imul(l0c >>> 16, l1c >>> 16) << 16); s0d = (Math.imul(l0d, l1d) & 65535) | (Math.imul(l0d >>> 16, l1d >>> 16) << 16);
  s1 = ((l1 >> 2) & -65536) | (((l1 << 16) >> (16 + 2)) & 65535); s1b = ((l1b >> 2) & -65536) | (((l1b << 16) >> (16 + 2)) & 65535); s1c = ((l1c >> 2) & -65536) | (((l1c << 16) >> (16 + 2)) & 65535); s1d = ((l1d >> 2) & -65536) | (((l1d << 16) >> (16 + 2)) & 65535);
  s0 = hv2(s0, s1); s0b = hv2(s0b, s1b); s0c = hv2(s0c, s1c); s0d = hv2(s0d, s1d);
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f7(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s0 = (((l0 | 0x80808080) - (l1 & 0x7f7f7f7f)) ^ ((l0 ^ ~l1) & 0x80808080)); s0b = (((l0b | 0x80808080) - (l1b & 0x7f7f7f7f)) ^ ((l0b ^ ~l1b) & 0x80808080)); s0c = (((l0c | 0x80808080) - (l1c & 0x7f7f7f7f)) ^ ((l0c ^ ~l1c) & 0x80808080)); s0d = (((l0d | 0x80808080) - (l1d & 0x7f7f7f7f)) ^ ((l0d ^ ~l1d) & 0x80808080));
  s1 = hv3(l1); s1b = hv3(l1b); s1c = hv3(l1c); s1d = hv3(l1d);
  s0 = ((~s0 & s1) | (~(s0 ^ s1) & (((s0 | -2139062144) - (s1 & 2139062143)) ^ ((s0 ^ ~s1) & -2139062144)))); s0b = ((~s0b & s1b) | (~(s0b ^ s1b) & (((s0b | -2139062144) - (s1b & 2139062143)) ^ ((s0b ^ ~s1b) & -2139062144)))); s0c = ((~s0c & s1c) | (~(s0c ^ s1c) & (((s0c | -2139062144) - (s1c & 2139062143)) ^ ((s0c ^ ~s1c) & -2139062144)))); s0d = ((~s0d & s1d) | (~(s0d ^ s1d) & (((s0d | -2139062144) - (s1d & 2139062143)) ^ ((s0d ^ ~s1d) & -2139062144))));
  s0 = ((Math.imul((s0 & 0x80808080) >>> 7, 0x204081) >>> 21) & 15) | ((Math.imul((s0b & 0x80808080) >>> 7, 0x204081) >>> 17) & 240) | ((Math.imul((s0c & 0x80808080) >>> 7, 0x204081) >>> 13) & 3840) | ((Math.imul((s0d & 0x80808080) >>> 7, 0x204081) >>> 9) & 61440);
  return s0;
}
function f8(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, vt = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0;
  s0 = (((l0c << 24) >> 24) & 65535) | (((l0c << 16) >> 24) << 16); s0b = (((l0c << 8) >> 24) & 65535) | ((l0c >> 24) << 16); s0c = (((l0d << 24) >> 24) & 65535) | (((l0d << 16) >> 24) << 16); s0d = (((l0d << 8) >> 24) & 65535) | ((l0d >> 24) << 16);
  s1 = (Math.imul(((l0 << 16) >> 16), ((l1 << 16) >> 16)) + Math.imul((l0 >> 16), (l1 >> 16))) | 0; s1b = (Math.imul(((l0b << 16) >> 16), ((l1b << 16) >> 16)) + Math.imul((l0b >> 16), (l1b >> 16))) | 0; s1c = (Math.imul(((l0c << 16) >> 16), ((l1c << 16) >> 16)) + Math.imul((l0c >> 16), (l1c >> 16))) | 0; s1d = (Math.imul(((l0d << 16) >> 16), ((l1d << 16) >> 16)) + Math.imul((l0d >> 16), (l1d >> 16))) | 0;
  w0 = (((vt = ((s0 << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) | ((((vt = (s0 >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 8) | ((((vt = ((s0b << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 16) | ((((vt = (s0b >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 24); w1 = (((vt = ((s0c << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) | ((((vt = (s0c >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 8) | ((((vt = ((s0d << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 16) | ((((vt = (s0d >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 24); w2 = (((vt = ((s1 << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) | ((((vt = (s1 >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 8) | ((((vt = ((s1b << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 16) | ((((vt = (s1b >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 24); w3 = (((vt = ((s1c << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) | ((((vt = (s1c >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 8) | ((((vt = ((s1d << 16) >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 16) | ((((vt = (s1d >> 16)) < 0 ? 0 : vt > 255 ? 255 : vt) & 255) << 24); s0 = w0; s0b = w1; s0c = w2; s0d = w3;
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f9$p(l0v, l1, l1h) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, s0, s0h, s0b, s0c, s0d, s1, s1h, s1b, s1c, s1d, qa = 0, qb = 0, qc = 0, qd = 0, qm = 0;
  s1 = l1; s1b = l1h; s1c = l1; s1d = l1h;
  s0 = (l0 + s1) | 0; s0b = (l0b + s1b + +((s0 >>> 0) < (s1 >>> 0))) | 0; s0c = (l0c + s1c) | 0; s0d = (l0d + s1d + +((s0c >>> 0) < (s1c >>> 0))) | 0;
  s0 = s0c; s0h = s0d;
  H.R[0] = s0h; return s0;
}
function f9(a0, a1) {
  return H.j(f9$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f9.$p = f9$p;
function f10(l0v, l1v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l0f = hv4(l0), l0fb = hv4(l0b), l0fc = hv4(l0c), l0fd = hv4(l0d), l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, l1f = hv4(l1), l1fb = hv4(l1b), l1fc = hv4(l1c), l1fd = hv4(l1d), s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d, vz = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0;
  s1 = Math.fround(l1f * l1f); s1b = Math.fround(l1fb * l1fb); s1c = Math.fround(l1fc * l1fc); s1d = Math.fround(l1fd * l1fd);
  s0 = Math.fround(l0f + s1); s0b = Math.fround(l0fb + s1b); s0c = Math.fround(l0fc + s1c); s0d = Math.fround(l0fd + s1d);
  s0 = Math.fround(Math.sqrt(s0)); s0b = Math.fround(Math.sqrt(s0b)); s0c = Math.fround(Math.sqrt(s0c)); s0d = Math.fround(Math.sqrt(s0d));
  s0 = hv5(s0); s0b = hv5(s0b); s0c = hv5(s0c); s0d = hv5(s0d);
  vz = hv4(s0); w0 = hv6(vz, 0); w1 = hv6(vz, 1); vz = hv4(s0b); w2 = hv6(vz, 0); w3 = hv6(vz, 1); s0 = w0; s0b = w1; s0c = w2; s0d = w3;
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f11(l0v, l1) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d;
  s0 = l0; s0b = hv7(l1); s0c = l0c; s0d = l0d;
  s0 = hv8(s0d);
  return s0;
}
function f12(l0, l1) {
  var l2 = 0, l2b = 0, l2c = 0, l2d = 0, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  l0 |= 0; l1 |= 0;
  L0: for (;;) {
    s1d = D1.getInt32((l0>>>0)+12,1); s1c = D1.getInt32((l0>>>0)+8,1); s1b = D1.getInt32((l0>>>0)+4,1); s1 = D1.getInt32((l0>>>0),1);
    s2 = gw9[0]; s2b = gw9[1]; s2c = gw9[2]; s2d = gw9[3];
    s0 = (l2 & s2) | (s1 & ~s2); s0b = (l2b & s2b) | (s1b & ~s2b); s0c = (l2c & s2c) | (s1c & ~s2c); s0d = (l2d & s2d) | (s1d & ~s2d);
    l2 = s0; l2b = s0b; l2c = s0c; l2d = s0d;
    l0 = ((l0 + 16) | 0);
    if ((l2 | l2b | l2c | l2d) !== 0) {
      continue L0;
    }
    break L0;
  }
  D1.setInt32((l1>>>0),l2d,1);
  s0 = l2; s0b = l2b; s0c = l2c; s0d = l2d;
  if (!(l1)) { s0 = 0; s0b = 0; s0c = 0; s0d = 0; }
  gw9[0] = s0; gw9[1] = s0b; gw9[2] = s0c; gw9[3] = s0d;
  s0 = gw9[0]; s0b = gw9[1]; s0c = gw9[2]; s0d = gw9[3];
  g10.value = new rt.V128(s0, s0b, s0c, s0d);
  return new rt.V128(l2, l2b, l2c, l2d);
}
function f13(l0v) {
  var l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, s0, s0b, s0c, s0d, s1, s1b, s1c, s1d, s2, s2b, s2c, s2d;
  s0 = ~((((l0 ^ 572662306) & 0x7f7f7f7f) + 0x7f7f7f7f) | l0 ^ 572662306); s0b = ~((((l0b ^ 572662306) & 0x7f7f7f7f) + 0x7f7f7f7f) | l0b ^ 572662306); s0c = ~((((l0c ^ 572662306) & 0x7f7f7f7f) + 0x7f7f7f7f) | l0c ^ 572662306); s0d = ~((((l0d ^ 572662306) & 0x7f7f7f7f) + 0x7f7f7f7f) | l0d ^ 572662306);
  s0 = ((Math.imul((s0 & 0x80808080) >>> 7, 0x204081) >>> 21) & 15) | ((Math.imul((s0b & 0x80808080) >>> 7, 0x204081) >>> 17) & 240) | ((Math.imul((s0c & 0x80808080) >>> 7, 0x204081) >>> 13) & 3840) | ((Math.imul((s0d & 0x80808080) >>> 7, 0x204081) >>> 9) & 61440);
  s1 = ((((l0) & 0x7fff7fff) + 0x7fff7fff) | l0); s1b = ((((l0b) & 0x7fff7fff) + 0x7fff7fff) | l0b); s1c = ((((l0c) & 0x7fff7fff) + 0x7fff7fff) | l0c); s1d = ((((l0d) & 0x7fff7fff) + 0x7fff7fff) | l0d);
  s1 = +(((s1 | s1b | s1c | s1d) & -2147450880) !== 0);
  s0 = (s0 + s1) | 0;
  return s0;
}
function cg0() {
  var s0, s0b, s0c, s0d;
  return v11;
}
function cg1() {
  var s0, s0b, s0c, s0d;
  return v11;
}
return {
  funcs: [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13],
  globalInit: [cg0, cg1],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0$p(l0, l1, l1h, l2, l2h, l3, l3h, l4, l4h) {
  var s0, s0h, s1, s1h, s2, s2h, s3, s3h, qm = 0;
  qm = Math.imul(l1, l3); s1h = (((((l1 >>> 0) * (l3 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1, l3h) + Math.imul(l1h, l3)) | 0; s1 = qm;
  D0.setInt32((l0>>>0)+4,s1h,1); D0.setInt32((l0>>>0),s1,1);
  qm = Math.imul(l2, l3); s1h = (((((l2 >>> 0) * (l3 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l2, l3h) + Math.imul(l2h, l3)) | 0; s1 = qm;
  qm = Math.imul(l1, l4); s2h = (((((l1 >>> 0) * (l4 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1, l4h) + Math.imul(l1h, l4)) | 0; s2 = qm;
  s1 = (s1 + s2) | 0; s1h = (s1h + s2h + +((s1 >>> 0) < (s2 >>> 0))) | 0;
  qm = Math.imul(l1, l3); s2h = (((((l1 >>> 0) * (l3 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1, l3h) + Math.imul(l1h, l3)) | 0; s2 = qm;
  s2 = s2h;
  s1 = (s1 + s2) | 0; s1h = (s1h + +((s1 >>> 0) < (s2 >>> 0))) | 0;
  D0.setInt32((l0>>>0)+12,s1h,1); D0.setInt32((l0>>>0)+8,s1,1);
  return;
}
function f0(a0, a1, a2, a3, a4) {
  return f0$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n), Number(BigInt.asIntN(32, a2)), Number(a2 >> 32n), Number(BigInt.asIntN(32, a3)), Number(a3 >> 32n), Number(BigInt.asIntN(32, a4)), Number(a4 >> 32n));
}
f0.$p = f0$p;
function f1(l0, l1, l2) {
  var l3 = 0, l4 = 0, l4h = 0, l5 = 0, l5h = 0, l6 = 0, l6h = 0, l7 = 0, l7h = 0, s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, s3, s3h, s3x = 0, s4, s4h, s4x = 0, qm = 0;
  l7 = 0; l7h = 0;
  l6 = l2; l6h = 0;
  l5 = 0; l5h = 0;
  l4 = l1; l4h = 0;
  l3 = l0;
  qm = Math.imul(l4, l6); s1x = (l4 >>> 0) * (l6 >>> 0); s1h = ((s1x - (qm ^ -2147483648)) / 4294967296) | 0; s1 = qm;
  D0.setInt32((l3>>>0)+4,s1h,1); D0.setInt32((l3>>>0),s1,1);
  qm = Math.imul(l4, l6); s2x = (l4 >>> 0) * (l6 >>> 0); s2h = ((s2x - (qm ^ -2147483648)) / 4294967296) | 0; s2 = qm;
  s2 = s2h;
  s1 = s2; s1h = 0;
  D0.setInt32((l3>>>0)+12,s1h,1); D0.setInt32((l3>>>0)+8,s1,1);
  return;
}
function f2$p(l0, l0h) {
  var l1 = 0, l1h = 0, l2 = 0, l2h = 0, s0, s0h, s1, s1h, s2, s2h, qa = 0, qb = 0, qc = 0, qd = 0;
  l1 = 0; l1h = 0;
  l2 = 1; l2h = 0;
  qa = l0; qb = l0h; s0 = (qa << 1) | (qb >>> 31); s0h = (qb << 1) | (qa >>> 31);
  l0 = s0; l0h = s0h;
  s0 = (l0 + l1) | 0; s0h = (l0h + l1h + +((s0 >>> 0) < (l1 >>> 0))) | 0;
  H.R[0] = s0h; return s0;
}
function f2(a0) {
  return H.j(f2$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f2.$p = f2$p;
return {
  funcs: [f0, f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

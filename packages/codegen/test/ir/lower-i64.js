(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var g1 = vmctx[8];
function f0$p(l0, l0h, l1, l1h) {
  var s0 = 0, s1 = 0;
  s0 = (l0 + l1) | 0; s1 = (l0h + l1h + +((s0 >>> 0) < (l1 >>> 0))) | 0;
  H.R[0] = s1; return s0;
}
function f0(a0, a1) {
  return H.j(f0$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n), Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f0.$p = f0$p;
function f1$p(l0, l1, l1h) {
  var s0 = 0, s1 = 0, s2 = 0, s3 = 0, qm = 0, qz = 0n, qa = 0, qb = 0, qc = 0, qd = 0;
  qm = Math.imul(l1, l0); s1 = (((((l1 >>> 0) * (l0 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1h, l0)) | 0; s0 = qm;
  D0.setInt32((l0 >>> 0) + 4, s1, true);
  D0.setInt32((l0 >>> 0), s0, true);
  s0 = D0.getInt32((l0 >>> 0) + 8, true);
  s1 = (s0 >> 31);
  if ((l1h < s1 || (l1h === s1 && (l1 >>> 0) < (s0 >>> 0)))) {
    qz = (BigInt.asIntN(64, H.divS64(rt, H.j(l1, l1h), H.j(3, 0)))); s0 = Number(BigInt.asIntN(32, qz)); s1 = Number(qz >> 32n);
    g1.value = H.j(s0, s1);
  }
  s0 = (l1 >>> 7) | (l1h << 25); s1 = l1h >>> 7;
  s2 = f0$p(s0, s1, l1, (l1 >> 31)); s3 = H.R[0];
  H.R[0] = s3; return s2;
}
function f1(a0, a1) {
  return H.j(f1$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f1.$p = f1$p;
function cg0() {
  var s0, s0h;
  return 0n;
}
return {
  funcs: [f0, f1],
  globalInit: [cg0],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0$p(l0, l0h, l1, l2) {
  var l3 = 0, l3h = 0, s0, s0h, s1, s1h, s2, s2h, qz = 0n, qa = 0, qb = 0, qc = 0, qd = 0, qm = 0;
  l0 |= 0; l0h |= 0; l1 |= 0; l2 |= 0;
  L0: for (;;) {
    s1h = D0.getInt32((l1>>>0)+4,1); s1 = D0.getInt32((l1>>>0),1);
    qm = Math.imul(s1, 668265295); s1h = ((((s1 >>> 0) * 0.15559263876639307 - (qm ^ -2147483648) / 4294967296) | 0) + Math.imul(s1, (-1028477379)) + Math.imul(s1h, 668265295)) | 0; s1 = qm;
    s0 = (l0 + s1) | 0; s0h = (l0h + s1h + +((s0 >>> 0) < (s1 >>> 0))) | 0;
    qa = s0; qb = s0h; s0 = (qa << 31) | (qb >>> 1); s0h = (qb << 31) | (qa >>> 1);
    qm = Math.imul(s0, (-2048144761)); s0h = ((((s0 >>> 0) * 0.523129137000069 - (qm ^ -2147483648) / 4294967296) | 0) + Math.imul(s0, (-1640531535)) + Math.imul(s0h, (-2048144761))) | 0; s0 = qm;
    l0 = s0; l0h = s0h;
    l1 = ((l1 + 8) | 0);
    if ((0 < 0 || (0 === 0 && (l1 >>> 0) < (l2 >>> 0)))) {
      continue L0;
    }
    break L0;
  }
  s1 = D0.getInt32(0,1);
  qa = s1 & 63; qb = l0; qc = l0h; if (qa < 32) { s0 = (qb >>> qa) | ((qc << 1) << (31 - qa)); s0h = (qc >>> qa) | 0; } else { s0 = (qc >>> (qa - 32)) | 0; s0h = 0; }
  l3 = s0; l3h = s0h;
  qz = H.divU64(rt, H.j(l3, l3h), 10n); s1 = Number(BigInt.asIntN(32, qz)); s1h = Number(qz >> 32n);
  D0.setInt32(20,s1h,1); D0.setInt32(16,s1,1);
  H.R[0] = l3h; return l3;
}
function f0(a0, a1, a2) {
  return H.j(f0$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n), a1, a2), H.R[0]);
}
f0.$p = f0$p;
function f1$p(l0, l0h) {
  var s0, s0h, s1, s1h, s2, s2h;
  s0 = f0$p(l0, l0h, 0, 64) | 0; s0h = H.R[0] | 0;
  H.R[0] = s0h; return s0;
}
function f1(a0) {
  return H.j(f1$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f1.$p = f1$p;
return {
  funcs: [f0, f1],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

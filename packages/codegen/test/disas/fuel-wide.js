(function (rt, vmctx) {
"use strict";
var fl0 = vmctx[1].fuelWindow;
var fa1 = 0;
var fb2 = 0;
var fr3 = { __proto__: null, toString() { fl0[0] = fa1 - fb2; rt.outOfGas(vmctx); fa1 = fl0[0]; return ''; } };
var m4 = vmctx[7];
var D4 = m4.dv;
m4.watch(() => { D4 = m4.dv; });
function f0$p(l0, l0h, l1, l1h) {
  var s0, s0h, s1, s1h, r0, qz = 0n, fu = 0, fq = fl0[0];
  if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; }
  L0: {
    fu += 3;
    if ((l0 | l0h) === 0) {
      break L0;
    }
  }
  r0 = BigInt.asUintN(64, H.j(l0, l0h)) * BigInt.asUintN(64, H.j(l1, l1h));
  qz = BigInt.asIntN(64, r0); s0 = Number(BigInt.asIntN(32, qz)); s0h = Number(qz >> 32n);
  qz = BigInt.asIntN(64, r0 >> 64n); s1 = Number(BigInt.asIntN(32, qz)); s1h = Number(qz >> 32n);
  fu += 3;
  H.R[0] = s0h; H.R[1] = s1; H.R[2] = s1h; fl0[0] = fq - fu; return s0;
}
function f0(a0, a1) {
  return rt.tuple(H.j(f0$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n), Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]), H.j(H.R[1], H.R[2]));
}
f0.$p = f0$p;
function f1$p(l0, l0h, l1, l1h) {
  var s0, s0h, s1, s1h, s2, s2h, s3, s3h, r0, qz = 0n, fu = 0, fq = fl0[0];
  if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; }
  r0 = ((BigInt.asUintN(64, H.j(l1, l1h)) << 64n) | BigInt.asUintN(64, H.j(l0, l0h))) + ((BigInt.asUintN(64, H.j(l0, l0h)) << 64n) | BigInt.asUintN(64, H.j(l1, l1h)));
  qz = BigInt.asIntN(64, r0); s0 = Number(BigInt.asIntN(32, qz)); s0h = Number(qz >> 32n);
  qz = BigInt.asIntN(64, r0 >> 64n); s1 = Number(BigInt.asIntN(32, qz)); s1h = Number(qz >> 32n);
  fu += 5;
  H.R[0] = s0h; H.R[1] = s1; H.R[2] = s1h; fl0[0] = fq - fu; return s0;
}
function f1(a0, a1) {
  return rt.tuple(H.j(f1$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n), Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]), H.j(H.R[1], H.R[2]));
}
f1.$p = f1$p;
function f2$p(l0, l1, l1h) {
  var s0, s0h, s1, s1h, s2, s2h, s3, s3h, r0, qz = 0n, fu = 0, fq = fl0[0];
  try {
    if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; }
    L0: {
      fu += 3;
      if ((l1 | l1h) === 0) {
        break L0;
      }
    }
    s0h = D4.getInt32((l0>>>0)+4,1); s0 = D4.getInt32((l0>>>0),1);
    r0 = ((BigInt.asUintN(64, H.j(l1, l1h)) << 64n) | BigInt.asUintN(64, H.j(s0, s0h))) - ((BigInt.asUintN(64, H.j(l1, l1h)) << 64n) | BigInt.asUintN(64, H.j(l1, l1h)));
    qz = BigInt.asIntN(64, r0); s0 = Number(BigInt.asIntN(32, qz)); s0h = Number(qz >> 32n);
    qz = BigInt.asIntN(64, r0 >> 64n); s1 = Number(BigInt.asIntN(32, qz)); s1h = Number(qz >> 32n);
    fu += 6;
    H.R[0] = s0h; H.R[1] = s1; H.R[2] = s1h; fl0[0] = fq - fu; fu = 0; return s0;
  } catch (e) { fl0[0] -= fu; throw e; }
}
function f2(a0, a1) {
  return rt.tuple(H.j(f2$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]), H.j(H.R[1], H.R[2]));
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

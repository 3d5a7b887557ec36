(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
var fa1 = 0;
var fb2 = 0;
var fl3 = vmctx[1].fuelWindow;
var fr4 = { __proto__: null, toString() { fl3[0] = fa1 - fb2; rt.outOfGas(vmctx); fa1 = fl3[0]; return ''; } };
var lim5 = vmctx[1];
var ea6 = 0;
var er7 = { __proto__: null, toString() { fl3[0] = fa1 - fb2; const c = ea6, n = rt.newEpoch(vmctx); fa1 = fl3[0]; ea6 = n ? -1 : c; return ''; } };
var ep8 = vmctx[5];
var hv9 = new Int32Array(9);
function f0$p(l0, l1, l1h) {
  var l2 = 0, l3 = 0, l3h = 0, l4 = 0, s0, s0h, s1, s1h, s2, s2h, qa = 0, qb = 0, qc = 0, qd = 0, qm = 0, fu = 0, fq = fl3[0], epv = ep8, ec = -1, oc = 0;
  l0 |= 0; l1 |= 0; l1h |= 0;
  try {
    if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr4}`; fq = fa1; ec = -1; }
    fl3[0] = fq - fu; fu = 0; f0$p$o1(l1, l1h, l2, l0, l3, l3h); fq = fl3[0]; ec = -1; s0h = H.OW[1]; s0 = H.O[2]; l2 = H.OW[3]; s1 = H.O[4]; s1h = H.OW[5];
    fl3[0] = fq - fu; fu = 0; hv9[0] = l2; hv9[1] = l0; hv9[2] = l3; hv9[3] = l3h; hv9[4] = l4; hv9[5] = s0; hv9[6] = s0h; hv9[7] = s1; hv9[8] = s1h; let nx = f0$p$s1();
    if (nx !== H.NX) return nx;
    nx = f0$p$s2();
    if (nx !== H.NX) return nx;
    return f0$p$s3(H.S[0]);
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$s1() {
  var l2 = hv9[0], l0 = hv9[1], l3 = hv9[2], l3h = hv9[3], l4 = hv9[4], s0 = hv9[5], s0h = hv9[6], s1 = hv9[7], s1h = hv9[8];
  var fu = 0, fq = fl3[0], ec = -1;
  try {
    l3 = s1; l3h = s1h;
    D0.setInt32(16,l2,1);
    l4 = 0;
    fu += 21;
    ec = -1;
    fl3[0] = fq - fu; fu = 0; f0$p$o2(l4, ec); fq = fl3[0]; ec = -1;
    fl3[0] = fq - fu; fu = 0; hv9[0] = l2; hv9[1] = l0; hv9[2] = l3; hv9[3] = l3h; hv9[4] = s0; hv9[5] = s0h; return H.NX;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$s2() {
  var l2 = hv9[0], l0 = hv9[1], l3 = hv9[2], l3h = hv9[3], s0 = hv9[4], s0h = hv9[5];
  var s1, s1h, fu = 0, fq = fl3[0], ec = -1, oc = 0;
  try {
    fl3[0] = fq - fu; fu = 0; oc = f0$p$o3(l2, l0, l3, l3h); fq = fl3[0]; ec = -1; l2 = H.OW[1]; s1 = H.O[2]; s1h = H.OW[3]; l3 = H.OW[4]; l3h = H.OW[5]; switch (oc) { case 1: fl3[0] = fq - fu; fu = 0; return H.O[0]; }
    fl3[0] = fq - fu; fu = 0; hv9[0] = l2; hv9[1] = l0; hv9[2] = l3; hv9[3] = l3h; hv9[4] = s1h; hv9[5] = s0; hv9[6] = s0h; H.S[0] = s1; return H.NX;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$s3(s1) {
  var l2 = hv9[0], l0 = hv9[1], l3 = hv9[2], l3h = hv9[3], s1h = hv9[4], s0 = hv9[5], s0h = hv9[6];
  var qa = 0, qb = 0, fu = 0, fq = fl3[0];
  try {
    l2 = (((Math.imul(l2, 41)) + l0) | 0);
    qa = l3; qb = l3h; s1 = (qa << 3) | (qb >>> 29); s1h = (qb << 3) | (qa >>> 29);
    s1 = s1 ^ l2;
    l3 = s1; l3h = s1h;
    s0 = (s0 + l3) | 0; s0h = (s0h + l3h + +((s0 >>> 0) < (l3 >>> 0))) | 0;
    fu += 18;
    H.R[0] = s0h; fl3[0] = fq - fu; fu = 0; return s0;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$o0(ec) {
  var fu = 0, fq = fl3[0], epv = ep8, oc = 0;
  try {
    ZO: {
      if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr4}`; fq = fa1; ec = -1; }
      if (ec < 0) { ec = 1024; if (epv[0] >= lim5.epochDeadline) { fa1 = fq; fb2 = fu; fu = 0; ea6 = ec; `${er7}`; fq = fa1; ec = ea6; } }
      oc = 0;
    }
    fl3[0] = fq - fu; fu = 0; return oc;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$o1(l1, l1h, l2, l0, l3, l3h) {
  var s0, s0h, s1, s1h, qa = 0, qb = 0, qm = 0, fu = 0, fq = fl3[0], oc = 0;
  l1 |= 0; l1h |= 0; l2 |= 0; l0 |= 0; l3 |= 0; l3h |= 0;
  try {
    ZO: {
      qm = Math.imul(l1, l1); s0h = (((((l1 >>> 0) * (l1 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1, l1h) + Math.imul(l1h, l1)) | 0; s0 = qm;
      l2 = (((Math.imul(l2, 31)) + l0) | 0);
      qa = l3; qb = l3h; s1 = (qa << 13) | (qb >>> 19); s1h = (qb << 13) | (qa >>> 19);
      s1 = s1 ^ l2;
      oc = 0;
    }
    H.OW[1] = s0h; H.O[2] = s0; H.OW[3] = l2; H.O[4] = s1; H.OW[5] = s1h;
    fl3[0] = fq - fu; fu = 0; return oc;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$o2(l4, ec) {
  var fu = 0, fq = fl3[0], oc = 0;
  l4 |= 0;
  try {
    ZO: {
      PL0: for (;;) {
        fl3[0] = fq - fu; fu = 0; f0$p$o0(ec); fq = fl3[0]; ec = -1;
        L0: for (;;) {
          l4 = ((l4 + 1) | 0);
          fu += 7;
          if ((l4 >>> 0) < 3) {
            if (fu >= fq || --ec < 0) continue PL0;
            continue L0;
          }
          break PL0;
        }
      }
      oc = 0;
    }
    fl3[0] = fq - fu; fu = 0; return oc;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0$p$o3(l2, l0, l3, l3h) {
  var s1, s1h, qa = 0, qb = 0, fu = 0, fq = fl3[0], oc = 0;
  l2 |= 0; l0 |= 0; l3 |= 0; l3h |= 0;
  try {
    ZO: {
      l2 = (((Math.imul(l2, 37)) + l0) | 0);
      qa = l3; qb = l3h; s1 = (qa << 7) | (qb >>> 25); s1h = (qb << 7) | (qa >>> 25);
      s1 = s1 ^ l2;
      l3 = s1; l3h = s1h;
      fu += 17;
      if (l0 === 12345) {
        fu += 1;
        H.R[0] = l3h; { H.O[0] = l3; oc = 1; break ZO; }
      }
      D0.setInt32(20,l2,1);
      oc = 0;
    }
    H.OW[1] = l2; H.O[2] = s1; H.OW[3] = s1h; H.OW[4] = l3; H.OW[5] = l3h;
    fl3[0] = fq - fu; fu = 0; return oc;
  } catch (e) { fl3[0] -= fu; throw e; }
}
function f0(a0, a1) {
  return H.j(f0$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f0.$p = f0$p;
return {
  funcs: [f0],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

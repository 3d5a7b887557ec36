(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0$p(l0, l0h, l1, l1h) {
  var s0, s0h, s1, s1h, qm = 0;
  qm = Math.imul(l0, l1); s0h = (((((l0 >>> 0) * (l1 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l0, l1h) + Math.imul(l0h, l1)) | 0; s0 = qm;
  H.R[0] = s0h; return s0;
}
function f0(a0, a1) {
  return H.j(f0$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n), Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f0.$p = f0$p;
function f1$p(l0, l1) {
  var s0, s0h, s0x = 0, s1, s1h, s1x = 0, qm = 0;
  qm = Math.imul(l0, l1); s0x = (l0 >>> 0) * (l1 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  H.R[0] = s0h; return s0;
}
function f1(a0, a1) {
  return H.j(f1$p(a0, a1), H.R[0]);
}
f1.$p = f1$p;
function f2$p(l0, l1, l1h, l2, l2h) {
  var l3 = 0, l3h = 0, l4 = 0, l4h = 0, l5 = 0, l5h = 0, l6 = 0, l6h = 0, l7 = 0, l7h = 0, s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, qm = 0;
  l3 = l1h; l3h = 0;
  l4 = l2h; l4h = 0;
  l5 = l1; l5h = 0;
  l6 = l2; l6h = 0;
  qm = Math.imul(l5, l6); s0x = (l5 >>> 0) * (l6 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  l7 = s0; l7h = s0h;
  qm = Math.imul(l3, l6); s1x = (l3 >>> 0) * (l6 >>> 0); s1h = ((s1x - (qm ^ -2147483648)) / 4294967296) | 0; s1 = qm;
  s0 = (l7h + s1) | 0; s0h = (s1h + +((s0 >>> 0) < (s1 >>> 0))) | 0;
  l7 = s0; l7h = s0h;
  D0.setInt32((l0>>>0)+4,l7h,1); D0.setInt32((l0>>>0),l7,1);
  qm = Math.imul(l5, l4); s1x = (l5 >>> 0) * (l4 >>> 0); s1h = ((s1x - (qm ^ -2147483648)) / 4294967296) | 0; s1 = qm;
  D0.setInt32((l0>>>0)+12,s1h,1); D0.setInt32((l0>>>0)+8,s1,1);
  return;
}
function f2(a0, a1, a2) {
  return f2$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n), Number(BigInt.asIntN(32, a2)), Number(a2 >> 32n));
}
f2.$p = f2$p;
function f3$p(l0, l1, l2) {
  var l3 = 0, l3h = 0, l4 = 0, l4h = 0, l5 = 0, l5h = 0, s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, qm = 0;
  l0 |= 0; l1 |= 0; l2 |= 0;
  s0 = (l0 & 67108863);
  l3 = s0; l3h = 0;
  s0 = (l1 & 67108863);
  l4 = s0; l4h = 0;
  L0: for (;;) {
    qm = Math.imul(l3, l4); s1x = (l3 >>> 0) * (l4 >>> 0); s1h = ((s1x - (qm ^ -2147483648)) / 4294967296) | 0; s1 = qm;
    s0 = (l5 + s1) | 0; s0h = (l5h + s1h + +((s0 >>> 0) < (s1 >>> 0))) | 0;
    l5 = s0; l5h = s0h;
    l2 = ((l2 - 1) | 0);
    if (l2) {
      continue L0;
    }
    break L0;
  }
  H.R[0] = l5h; return l5;
}
function f3(a0, a1, a2) {
  return H.j(f3$p(a0, a1, a2), H.R[0]);
}
f3.$p = f3$p;
function f4$p(l0, l1, l1h, l2) {
  var l3 = 0, l3h = 0, l4 = 0, l4h = 0, s0, s0h, s1, s1h, s2, s2h, qm = 0;
  l0 |= 0; l1 |= 0; l1h |= 0; l2 |= 0;
  l3 = l0; l3h = 0;
  L0: for (;;) {
    qm = Math.imul(l3, l3); s1h = (((((l3 >>> 0) * (l3 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l3, l3h) + Math.imul(l3h, l3)) | 0; s1 = qm;
    s0 = (l4 + s1) | 0; s0h = (l4h + s1h + +((s0 >>> 0) < (s1 >>> 0))) | 0;
    l4 = s0; l4h = s0h;
    if (l2 === 3) {
      l3 = l1; l3h = l1h;
    }
    l2 = ((l2 - 1) | 0);
    if (l2) {
      continue L0;
    }
    break L0;
  }
  H.R[0] = l4h; return l4;
}
function f4(a0, a1, a2) {
  return H.j(f4$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n), a2), H.R[0]);
}
f4.$p = f4$p;
function f5$p(l0, l0h) {
  var s0, s0h, s1, s1h, qm = 0;
  qm = Math.imul(l0, (-2048144761)); s0h = ((((l0 >>> 0) * 0.523129137000069 - (qm ^ -2147483648) / 4294967296) | 0) + Math.imul(l0, (-1640531535)) + Math.imul(l0h, (-2048144761))) | 0; s0 = qm;
  H.R[0] = s0h; return s0;
}
function f5(a0) {
  return H.j(f5$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f5.$p = f5$p;
function f6$p(l0, l0h) {
  var s0, s0h, s1, s1h, qm = 0;
  qm = Math.imul(l0, 19); s0h = ((((l0 >>> 0) * 4.423782229423523e-9) | 0) + Math.imul(l0h, 19)) | 0; s0 = qm;
  H.R[0] = s0h; return s0;
}
function f6(a0) {
  return H.j(f6$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f6.$p = f6$p;
function f7$p(l0, l0h) {
  var s0, s0h, s1, s1h;
  s0 = l0; s0h = l0h & 524287;
  H.R[0] = s0h; return s0;
}
function f7(a0) {
  return H.j(f7$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f7.$p = f7$p;
function f8$p(l0, l1, l2, l3) {
  var s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, qm = 0;
  qm = Math.imul(l0, l1); s0x = (l0 >>> 0) * (l1 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  qm = Math.imul(l2, l3); s1x = (l2 >>> 0) * (l3 >>> 0); s1h = ((s1x - (qm ^ -2147483648)) / 4294967296) | 0; s1 = qm;
  s0x = s0x + s1x; s0 = (s0 + s1) | 0; s0h = ((s0x - (s0 ^ -2147483648)) / 4294967296) | 0;
  qm = Math.imul(l0, 19); s1x = (l0 >>> 0) * 19; s1h = (s1x / 4294967296) | 0; s1 = qm;
  s0x = s0x + s1x; s0 = (s0 + s1) | 0; s0h = ((s0x - (s0 ^ -2147483648)) / 4294967296) | 0;
  H.R[0] = s0h; return s0;
}
function f8(a0, a1, a2, a3) {
  return H.j(f8$p(a0, a1, a2, a3), H.R[0]);
}
f8.$p = f8$p;
return {
  funcs: [f0, f1, f2, f3, f4, f5, f6, f7, f8],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0$p(l0, l1, l1h, l2, l2h) {
  var l3 = 0, l3h = 0, s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, s3, s3h, s3x = 0, qm = 0;
  qm = Math.imul(l1, l2); s0x = (l1 >>> 0) * (l2 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  l3 = s0; l3h = s0h;
  D0.setInt32((l0>>>0)+4,l3h,1); D0.setInt32((l0>>>0),l3,1);
  qm = Math.imul(l1, l2); s2h = (((((l1 >>> 0) * (l2 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l1, l2h) + Math.imul(l1h, l2)) | 0; s2 = qm;
  s1 = (l3h + s2) | 0; s1h = (s2h + +((s1 >>> 0) < (s2 >>> 0))) | 0;
  D0.setInt32((l0>>>0)+12,s1h,1); D0.setInt32((l0>>>0)+8,s1,1);
  return;
}
function f0(a0, a1, a2) {
  return f0$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n), Number(BigInt.asIntN(32, a2)), Number(a2 >> 32n));
}
f0.$p = f0$p;
function f1(l0, l1) {
  var s0, s1, mf = 0;
  if (l0) {
    return (((mf = l1) === mf && typeof mf === 'number' ? -0 - mf : H.fneg(mf)));
  }
  return ((-0 + l1) * 2);
}
function f2(l0) {
  var s0, s1;
  l0 |= 0;
  L0: for (;;) {
    l0 = ((l0 - 1) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  return l0;
}
function f3(l0) {
  var s0, s1;
  if (l0) {
    s0 = f3(((l0 - 1) | 0));
  } else {
    s0 = 0;
  }
  return s0;
}
function f4$p(l0, l1, l1h) {
  var l2 = 0, l3 = 0, l3h = 0, l4 = 0, l4h = 0, l5 = 0, l5h = 0, s0, s0h, s0x = 0, s1, s1h, s1x = 0, s2, s2h, s2x = 0, s3, s3h, s3x = 0, qm = 0;
  l4 = l1; l4h = l1h;
  l3 = l1; l3h = l1h;
  l2 = l0;
  l5 = 0; l5h = 0;
  qm = Math.imul(l3, l4); s0x = (l3 >>> 0) * (l4 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  l5 = s0; l5h = s0h;
  D0.setInt32((l2>>>0)+4,l5h,1); D0.setInt32((l2>>>0),l5,1);
  qm = Math.imul(l3, l4); s2h = (((((l3 >>> 0) * (l4 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l3, l4h) + Math.imul(l3h, l4)) | 0; s2 = qm;
  s1 = (l5h + s2) | 0; s1h = (s2h + +((s1 >>> 0) < (s2 >>> 0))) | 0;
  D0.setInt32((l2>>>0)+12,s1h,1); D0.setInt32((l2>>>0)+8,s1,1);
  s1h = D0.getInt32((l0>>>0)+4,1); s1 = D0.getInt32((l0>>>0),1);
  l4 = l1; l4h = l1h;
  l3 = s1; l3h = s1h;
  l2 = ((l0 + 16) | 0);
  l5 = 0; l5h = 0;
  qm = Math.imul(l3, l4); s0x = (l3 >>> 0) * (l4 >>> 0); s0h = ((s0x - (qm ^ -2147483648)) / 4294967296) | 0; s0 = qm;
  l5 = s0; l5h = s0h;
  D0.setInt32((l2>>>0)+4,l5h,1); D0.setInt32((l2>>>0),l5,1);
  qm = Math.imul(l3, l4); s2h = (((((l3 >>> 0) * (l4 >>> 0) - (qm ^ -2147483648)) / 4294967296) | 0) + Math.imul(l3, l4h) + Math.imul(l3h, l4)) | 0; s2 = qm;
  s1 = (l5h + s2) | 0; s1h = (s2h + +((s1 >>> 0) < (s2 >>> 0))) | 0;
  D0.setInt32((l2>>>0)+12,s1h,1); D0.setInt32((l2>>>0)+8,s1,1);
  s0h = D0.getInt32((l0>>>0)+12,1); s0 = D0.getInt32((l0>>>0)+8,1);
  H.R[0] = s0h; return s0;
}
function f4(a0, a1) {
  return H.j(f4$p(a0, Number(BigInt.asIntN(32, a1)), Number(a1 >> 32n)), H.R[0]);
}
f4.$p = f4$p;
function f5(l0) {
  var l1 = 0, l2 = 0, s0, s1, mf = 0;
  l2 = 1.5;
  l1 = l0;
  L0: {
    if (l1) {
      s0 = (((mf = l2) === mf && typeof mf === 'number' ? -0 - mf : H.fneg(mf)));
      break L0;
    }
    s0 = ((-0 + l2) * 2);
  }
  s0 = s0 + (-0 + (f2(3)));
  s0 = s0 + (-0 + (f3(2)));
  return s0;
}
return {
  funcs: [f0, f1, f2, f3, f4, f5],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
function f0$p(l0, l1, l2, l2h) {
  var l3 = 0, s0, s0h, s1, s1h, s2, s2h, s3, s3h;
  L0: {
    if (l0) {
      break L0;
    }
    if ((l0 & l1)) {
      break L0;
    }
    if ((l0 & 3) === 0) {
      break L0;
    }
    if (0 === (l1 << 2)) {
      break L0;
    }
    if ((l0 | l1) !== 0) {
      break L0;
    }
    if ((l2 | l2h) === 0) {
      break L0;
    }
    if ((l0 >>> 0) < (l1 >>> 0)) {
      break L0;
    }
  }
  if ((l0 ^ l1)) {
    l3 = 1;
  }
  s0 = l0;
  if (!(((l0 + l1) | 0))) s0 = l1;
  l3 = s0;
  return ((l3 + ((((l0 & 1) === 0 ? 1 : 0) + ((l1 & 1) === 0 ? 1 : 0)) | 0)) | 0);
}
function f0(a0, a1, a2) {
  return f0$p(a0, a1, Number(BigInt.asIntN(32, a2)), Number(a2 >> 32n));
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

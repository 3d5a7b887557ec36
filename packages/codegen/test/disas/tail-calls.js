(function (rt, vmctx) {
"use strict";
function f0$p(l0, l0h) {
  var s0, s0h, s1, s1h;
  l0 |= 0; l0h |= 0;
  T: for (;;) {
    if ((l0 | l0h) === 0) {
      s0 = 0; s0h = 0;
    } else {
      s0h = (l0h - +((l0 >>> 0) < 1)) | 0; s0 = (l0 - 1) | 0;
      l0 = s0;
      l0h = s0h;
      continue T;
    }
    H.R[0] = s0h; return s0;
  }
}
function f0(a0) {
  return H.j(f0$p(Number(BigInt.asIntN(32, a0)), Number(a0 >> 32n)), H.R[0]);
}
f0.$p = f0$p;
function f1$t(l0) {
  var s0, s1;
  if (l0 === 0) {
    s0 = 1;
  } else {
    s0 = ((l0 - 1) | 0);
    return new H.TailCall(f2$t, rt.tuple(s0));
  }
  return s0;
}
function f1(l0) {
  let r = f1$t(l0);
  while (r instanceof H.TailCall) r = r.fn.apply(null, r.args);
  return r;
}
f1.$t = f1$t;
function f2$t(l0) {
  var s0, s1;
  if (l0 === 0) {
    s0 = 0;
  } else {
    s0 = ((l0 - 1) | 0);
    return new H.TailCall(f1$t, rt.tuple(s0));
  }
  return s0;
}
function f2(l0) {
  let r = f2$t(l0);
  while (r instanceof H.TailCall) r = r.fn.apply(null, r.args);
  return r;
}
f2.$t = f2$t;
return {
  funcs: [f0, f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
function f0(l0) {
  var l1 = 0, s0, s1;
  l0 |= 0;
  L0: {
    L1: for (;;) {
      if (l0 === 0) {
        break L0;
      }
      l1 = ((l1 + l0) | 0);
      l0 = ((l0 - 1) | 0);
      continue L1;
      break L1;
    }
  }
  return l1;
}
function f1(l0) {
  var s0;
  L0: {
    L1: {
      switch (l0) {
        case 1:
          break L1;
        default:
          break L0;
      }
    }
    return 2;
  }
  return 1;
}
function f2$p(l0) {
  var s0, s0h, s1, s1h;
  if (l0) {
    s0 = 1;
    s1 = 2; s1h = 0;
  } else {
    s0 = 3;
    s1 = 4; s1h = 0;
  }
  H.R[0] = s1; H.R[1] = s1h; return s0;
}
function f2(a0) {
  return rt.tuple(f2$p(a0), H.j(H.R[0], H.R[1]));
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

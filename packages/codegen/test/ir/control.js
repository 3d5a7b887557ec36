(function (rt, vmctx) {
"use strict";
function f0(l0) {
  var b1 = 0, b2 = 0, b3 = 0;
  L0: {
    L1: {
      L2: {
        switch (l0) {
          case 0:
            b1 = 10;
            break L2;
          case 1:
            b2 = 10;
            break L1;
          default:
            b3 = 10;
            break L0;
        }
      }
      return ((b1 + 1) | 0);
    }
    b3 = ((b2 + 2) | 0);
  }
  return b3;
}
function f1(l0, l1) {
  var b2 = 0, b3 = 0, b4 = 0, b5 = 0, s0 = 0, s1 = 0;
  b2 = l0;
  b3 = l1;
  L0: for (;;) {
    s0 = b2;
    s1 = b3;
    l0 = ((l0 - 1) | 0);
    if (l0) {
      b2 = s0;
      b3 = s1;
      continue L0;
    } else {
      b4 = s0;
    }
    s0 = b4;
    break L0;
  }
  return ((s0 + (!(l0) ? 7 : l1)) | 0);
}
return {
  funcs: [f0, f1],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

(function (rt, vmctx) {
"use strict";
var ep0 = vmctx[5];
var lim1 = vmctx[1];
var ea2 = 0;
var er3 = { __proto__: null, toString() { const c = ea2; ea2 = rt.newEpoch(vmctx) ? -1 : c; return ''; } };
var F4 = vmctx[7];
function f1(l0) {
  var s0, s1, epv = ep0, ec = -1;
  return (((Math.imul(l0, 3)) + 1) | 0);
}
function f2(l0) {
  var l1 = 0, s0, s1, epv = ep0, ec = -1;
  l1 = l0;
  s0 = (((Math.imul(l1, 3)) + 1) | 0);
  l1 = s0;
  s0 = (((Math.imul(l1, 3)) + 1) | 0);
  return s0;
}
function f3(l0) {
  var s0, s1, epv = ep0, ec = -1;
  l0 |= 0;
  ec = -1;
  PL0: for (;;) {
    if (ec < 0) { ec = 1024; if (epv[0] >= lim1.epochDeadline) { ea2 = ec; `${er3}`; ec = ea2; } }
    L0: for (;;) {
      l0 = ((l0 - 1) | 0);
      if (l0 > 0) {
        if (--ec < 0) continue PL0;
        continue L0;
      }
      break PL0;
    }
  }
  return l0;
}
function f4(l0) {
  var l1 = 0, s0, s1, epv = ep0, ec = -1;
  l0 |= 0;
  ec = -1;
  PL0: for (;;) {
    if (ec < 0) { ec = 1024; if (epv[0] >= lim1.epochDeadline) { ea2 = ec; `${er3}`; ec = ea2; } }
    L0: for (;;) {
      l1 = ((l1 + f2(l0)) | 0);
      l0 = ((l0 - 1) | 0);
      if (l0 > 0) {
        if (--ec < 0) continue PL0;
        continue L0;
      }
      break PL0;
    }
  }
  return l1;
}
function f5(l0) {
  var l1 = 0, s0, s1, epv = ep0, ec = -1;
  l0 |= 0;
  ec = -1;
  PL0: for (;;) {
    if (ec < 0) { ec = 1024; if (epv[0] >= lim1.epochDeadline) { ea2 = ec; `${er3}`; ec = ea2; } }
    L0: for (;;) {
      s1 = f3(l0);
      ec = -1;
      s0 = (l1 + s1) | 0;
      l1 = s0;
      F4.fn();
      ec = -1;
      l0 = ((l0 - 1) | 0);
      if (l0 > 0) {
        if (--ec < 0) continue PL0;
        continue L0;
      }
      break PL0;
    }
  }
  return l1;
}
return {
  funcs: [f1, f2, f3, f4, f5],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

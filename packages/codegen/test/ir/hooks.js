(function (rt, vmctx) {
"use strict";
var fl0 = vmctx[1].fuelWindow;
var fa1 = 0;
var fb2 = 0;
var fr3 = { __proto__: null, toString() { fl0[0] = fa1 - fb2; rt.outOfGas(vmctx); fa1 = fl0[0]; return ''; } };
var lim4 = vmctx[1];
var F5 = vmctx[7];
var m6 = vmctx[9];
var t7 = vmctx[8];
var T8 = vmctx[4];
var ty9 = T8[0];
var ep10 = vmctx[5];
function f1(l0) {
  var s0 = 0, z0 = 0n, qf = null, qi = 0, fu = 0, fq = fl0[0], edl = lim4.epochDeadline, epv = ep10, ec = 1024;
  try {
    if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; edl = lim4.epochDeadline; ec = -1; }
    if (epv[0] >= edl) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; edl = lim4.epochDeadline; }
    L0: for (;;) {
      if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; edl = lim4.epochDeadline; ec = -1; }
      if (--ec < 0) { ec = 1024; if (epv[0] >= edl) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; edl = lim4.epochDeadline; } }
      fu += 3;
      fl0[0] = fq - fu; fu = 0;
      F5.fn(H.j(l0, 0));
      fq = fl0[0]; edl = lim4.epochDeadline; ec = -1;
      l0 = ((l0 - 1) | 0);
      fu += 5;
      if (l0) {
        continue L0;
      }
      break L0;
    }
    rt.memoryFill(m6, 0, 1, 16);
    fu += 6;
    fl0[0] = fq - fu; fu = 0;
    qf = (qi = 0 >>> 0) < t7.elements.length ? t7.elements[qi] : rt.trap(19);
    if (qf === null) rt.trap(4);
    if (qf.typeId !== ty9 && !rt.isSubtypeId(qf.typeId, ty9)) rt.trap(5);
    s0 = qf.fn();
    fq = fl0[0]; edl = lim4.epochDeadline; ec = -1;
    return s0;
  } finally { fl0[0] -= fu; }
}
return {
  funcs: [f1],
  globalInit: [],
  tableInit: [null],
  elemOffset: {},
  elemItems: {},
  dataOffset: []
};
})

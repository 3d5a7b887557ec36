(function (rt, vmctx) {
"use strict";
var lim0 = vmctx[1];
var F1 = vmctx[7];
var m2 = vmctx[9];
var t3 = vmctx[8];
var T4 = vmctx[4];
var ty5 = T4[0];
var ep6 = vmctx[5];
function f1(l0) {
  var s0 = 0, z0 = 0n, qf = null, qi = 0, fu = 0, fq = -lim0.fuelConsumed, edl = lim0.epochDeadline, epv = ep6, ec = 1024;
  try {
    if (fu >= fq) { lim0.fuelConsumed += fu; fu = 0; rt.outOfGas(vmctx); fq = -lim0.fuelConsumed; edl = lim0.epochDeadline; ec = -1; }
    if (epv[0] >= edl) { lim0.fuelConsumed += fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = -lim0[0]; edl = lim0[1]; }
    L0: for (;;) {
      if (fu >= fq) { lim0.fuelConsumed += fu; fu = 0; rt.outOfGas(vmctx); fq = -lim0.fuelConsumed; edl = lim0.epochDeadline; ec = -1; }
      if (--ec < 0) { ec = 1024; if (epv[0] >= edl) { lim0.fuelConsumed += fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = -lim0[0]; edl = lim0[1]; } }
      fu += 3;
      lim0.fuelConsumed += fu; fu = 0;
      F1.fn(H.j(l0, 0));
      fq = -lim0.fuelConsumed; edl = lim0.epochDeadline; ec = -1;
      l0 = ((l0 - 1) | 0);
      fu += 5;
      if (l0) {
        continue L0;
      }
      break L0;
    }
    rt.memoryFill(m2, 0, 1, 16);
    fu += 6;
    lim0.fuelConsumed += fu; fu = 0;
    qf = (qi = 0 >>> 0) < t3.elements.length ? t3.elements[qi] : rt.trap(19);
    if (qf === null) rt.trap(4);
    if (qf.typeId !== ty5 && !rt.isSubtypeId(qf.typeId, ty5)) rt.trap(5);
    s0 = qf.fn();
    fq = -lim0.fuelConsumed; edl = lim0.epochDeadline; ec = -1;
    return s0;
  } finally { lim0.fuelConsumed += fu; }
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

(function (rt, vmctx) {
"use strict";
var fl0 = vmctx[1].fuelWindow;
var lim1 = vmctx[1];
var F2 = vmctx[7];
var m3 = vmctx[9];
var t4 = vmctx[8];
var T5 = vmctx[4];
var ty6 = T5[0];
var ep7 = vmctx[5];
function f1(l0) {
  var s0 = 0, z0 = 0n, qf = null, qi = 0, fu = 0, fq = fl0[0], edl = lim1.epochDeadline, epv = ep7, ec = 1024;
  try {
    if (fu >= fq) { fl0[0] = fq - fu; fu = 0; rt.outOfGas(vmctx); fq = fl0[0]; edl = lim1.epochDeadline; ec = -1; }
    if (epv[0] >= edl) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; edl = lim1.epochDeadline; }
    L0: for (;;) {
      if (fu >= fq) { fl0[0] = fq - fu; fu = 0; rt.outOfGas(vmctx); fq = fl0[0]; edl = lim1.epochDeadline; ec = -1; }
      if (--ec < 0) { ec = 1024; if (epv[0] >= edl) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; edl = lim1.epochDeadline; } }
      fu += 3;
      fl0[0] = fq - fu; fu = 0;
      F2.fn(H.j(l0, 0));
      fq = fl0[0]; edl = lim1.epochDeadline; ec = -1;
      l0 = ((l0 - 1) | 0);
      fu += 5;
      if (l0) {
        continue L0;
      }
      break L0;
    }
    rt.memoryFill(m3, 0, 1, 16);
    fu += 6;
    fl0[0] = fq - fu; fu = 0;
    qf = (qi = 0 >>> 0) < t4.elements.length ? t4.elements[qi] : rt.trap(19);
    if (qf === null) rt.trap(4);
    if (qf.typeId !== ty6 && !rt.isSubtypeId(qf.typeId, ty6)) rt.trap(5);
    s0 = qf.fn();
    fq = fl0[0]; edl = lim1.epochDeadline; ec = -1;
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

(function (rt, vmctx) {
"use strict";
var lim0 = vmctx[1];
var m1 = vmctx[8];
var m1_dv = m1.dv;
m1.watch(() => { m1_dv = m1.dv; });
var ep2 = vmctx[5];
var F3 = vmctx[7];
function f1(l0, l1) {
  var l2 = 0, s0, s1, fu = 0, fq = -lim0.fuelConsumed, epv = ep2, ec = -1;
  l0 |= 0; l1 |= 0;
  try {
    if (fu >= fq) { lim0.fuelConsumed = fu - fq; fu = 0; rt.outOfGas(vmctx); fq = -lim0.fuelConsumed; ec = -1; }
    PL0: for (;;) {
      if (fu >= fq) { lim0.fuelConsumed = fu - fq; fu = 0; rt.outOfGas(vmctx); fq = -lim0.fuelConsumed; ec = -1; }
      if (ec < 0) { ec = 1024; if (epv[0] >= lim0.epochDeadline) { lim0.fuelConsumed = fu - fq; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = -lim0.fuelConsumed; } }
      L0: for (;;) {
        l2 = ((l2 + m1_dv.getInt32((l0>>>0),1)) | 0);
        l0 = ((l0 + 4) | 0);
        l1 = ((l1 - 1) | 0);
        fu += 14;
        if (l1) {
          if (fu >= fq || --ec < 0) continue PL0;
          continue L0;
        }
        break PL0;
      }
    }
    fu += 1;
    lim0.fuelConsumed = fu - fq; fu = 0; return l2;
  } catch (e) { lim0.fuelConsumed += fu; throw e; }
}
function f2(l0) {
  var s0, s1, fu = 0, fq = -lim0.fuelConsumed, epv = ep2, ec = 1024;
  if (fu >= fq) { lim0.fuelConsumed = fu - fq; fu = 0; rt.outOfGas(vmctx); fq = -lim0.fuelConsumed; ec = -1; }
  if (epv[0] >= lim0.epochDeadline) { lim0.fuelConsumed = fu - fq; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = -lim0.fuelConsumed; }
  fu += 1;
  lim0.fuelConsumed = fu - fq; fu = 0;
  F3.fn();
  fq = -lim0.fuelConsumed; ec = -1;
  fu += 3;
  lim0.fuelConsumed = fu - fq; return ((l0 + 1) | 0);
}
return {
  funcs: [f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: []
};
})

(function (rt, vmctx) {
"use strict";
var fl0 = vmctx[1].fuelWindow;
var fa1 = 0;
var fb2 = 0;
var fr3 = { __proto__: null, toString() { fl0[0] = fa1 - fb2; rt.outOfGas(vmctx); fa1 = fl0[0]; return ''; } };
var lim4 = vmctx[1];
var m5 = vmctx[8];
var D5 = m5.dv;
m5.watch(() => { D5 = m5.dv; });
var ep6 = vmctx[5];
var F7 = vmctx[7];
function f1(l0, l1) {
  var l2 = 0, s0, s1, fu = 0, fq = fl0[0], epv = ep6, ec = -1;
  l0 |= 0; l1 |= 0;
  try {
    if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; ec = -1; }
    ec = -1;
    PL0: for (;;) {
      if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; ec = -1; }
      if (ec < 0) { ec = 1024; if (epv[0] >= lim4.epochDeadline) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; } }
      L0: for (;;) {
        l2 = ((l2 + D5.getInt32((l0>>>0),1)) | 0);
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
    fl0[0] = fq - fu; fu = 0; return l2;
  } catch (e) { fl0[0] -= fu; throw e; }
}
function f2(l0) {
  var s0, s1, fu = 0, fq = fl0[0], epv = ep6, ec = 1024;
  if (fu >= fq) { fa1 = fq; fb2 = fu; fu = 0; `${fr3}`; fq = fa1; ec = -1; }
  if (epv[0] >= lim4.epochDeadline) { fl0[0] = fq - fu; fu = 0; if (rt.newEpoch(vmctx)) ec = -1; fq = fl0[0]; }
  fu += 1;
  fl0[0] = fq - fu; fu = 0;
  F7.fn();
  fq = fl0[0]; ec = -1;
  fu += 3;
  fl0[0] = fq - fu; return ((l0 + 1) | 0);
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

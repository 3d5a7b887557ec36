(function (rt, vmctx) {
"use strict";
var fa0 = 0;
var fb1 = 0;
var fl2 = vmctx[1].fuelWindow;
var fr3 = { __proto__: null, toString() { fl2[0] = fa0 - fb1; rt.outOfGas(vmctx); fa0 = fl2[0]; return ''; } };
var lim4 = vmctx[1];
var ea5 = 0;
var er6 = { __proto__: null, toString() { fl2[0] = fa0 - fb1; const c = ea5, n = rt.newEpoch(vmctx); fa0 = fl2[0]; ea5 = n ? -1 : c; return ''; } };
var m7 = vmctx[8];
var D7 = m7.dv;
m7.watch(() => { D7 = m7.dv; });
var ep8 = vmctx[5];
var F9 = vmctx[7];
function f1(l0, l1) {
  var l2 = 0, s0, s1, fu = 0, fq = fl2[0], epv = ep8, ec = -1;
  l0 |= 0; l1 |= 0;
  try {
    if (fu >= fq) { fa0 = fq; fb1 = fu; fu = 0; `${fr3}`; fq = fa0; ec = -1; }
    ec = -1;
    PL0: for (;;) {
      if (fu >= fq) { fa0 = fq; fb1 = fu; fu = 0; `${fr3}`; fq = fa0; ec = -1; }
      if (ec < 0) { ec = 1024; if (epv[0] >= lim4.epochDeadline) { fa0 = fq; fb1 = fu; fu = 0; ea5 = ec; `${er6}`; fq = fa0; ec = ea5; } }
      L0: for (;;) {
        l2 = ((l2 + D7.getInt32((l0>>>0),1)) | 0);
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
    fl2[0] = fq - fu; fu = 0; return l2;
  } catch (e) { fl2[0] -= fu; throw e; }
}
function f2(l0) {
  var s0, s1, fu = 0, fq = fl2[0], epv = ep8, ec = 1024;
  if (fu >= fq) { fa0 = fq; fb1 = fu; fu = 0; `${fr3}`; fq = fa0; ec = -1; }
  if (epv[0] >= lim4.epochDeadline) { fa0 = fq; fb1 = fu; fu = 0; ea5 = ec; `${er6}`; fq = fa0; ec = ea5; }
  fu += 1;
  fl2[0] = fq - fu; fu = 0;
  F9.fn();
  fq = fl2[0]; ec = -1;
  fu += 3;
  fl2[0] = fq - fu; return ((l0 + 1) | 0);
}
return {
  funcs: [f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

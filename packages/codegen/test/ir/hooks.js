(function (rt, vmctx) {
"use strict";
var fa0 = 0;
var fb1 = 0;
var fl2 = vmctx[1].fuelWindow;
var fr3 = { __proto__: null, toString() { fl2[0] = fa0 - fb1; rt.outOfGas(vmctx); fa0 = fl2[0]; return ''; } };
var lim4 = vmctx[1];
var ea5 = 0;
var er6 = { __proto__: null, toString() { fl2[0] = fa0 - fb1; const c = ea5, n = rt.newEpoch(vmctx); fa0 = fl2[0]; ea5 = n ? -1 : c; return ''; } };
var F7 = vmctx[7];
var m8 = vmctx[9];
var t9 = vmctx[8];
var T10 = vmctx[4];
var ty11 = T10[0];
var ep12 = vmctx[5];
function f1(l0) {
  var s0 = 0, z0 = 0n, qf = null, qi = 0, fu = 0, fq = fl2[0], epv = ep12, ec = 1024;
  try {
    if (fu >= fq) { fa0 = fq; fb1 = fu; fu = 0; `${fr3}`; fq = fa0; ec = -1; }
    if (epv[0] >= lim4.epochDeadline) { fa0 = fq; fb1 = fu; fu = 0; ea5 = ec; `${er6}`; fq = fa0; ec = ea5; }
    L0: for (;;) {
      if (fu >= fq) { fa0 = fq; fb1 = fu; fu = 0; `${fr3}`; fq = fa0; ec = -1; }
      if (--ec < 0) { ec = 1024; if (epv[0] >= lim4.epochDeadline) { fa0 = fq; fb1 = fu; fu = 0; ea5 = ec; `${er6}`; fq = fa0; ec = ea5; } }
      fu += 3;
      fl2[0] = fq - fu; fu = 0;
      F7.fn(H.j(l0, 0));
      fq = fl2[0]; ec = -1;
      l0 = ((l0 - 1) | 0);
      fu += 5;
      if (l0) {
        continue L0;
      }
      break L0;
    }
    rt.memoryFill(m8, 0, 1, 16);
    fu += 6;
    fl2[0] = fq - fu; fu = 0;
    qf = (qi = 0 >>> 0) < t9.elements.length ? t9.elements[qi] : rt.trap(19);
    if (qf === null) rt.trap(4);
    if (qf.typeId !== ty11 && !rt.isSubtypeId(qf.typeId, ty11)) rt.trap(5);
    s0 = qf.fn();
    fq = fl2[0]; ec = -1;
    return s0;
  } finally { fl2[0] -= fu; }
}
return {
  funcs: [f1],
  globalInit: [],
  tableInit: [null],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

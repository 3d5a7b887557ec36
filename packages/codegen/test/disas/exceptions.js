(function (rt, vmctx) {
"use strict";
var tg0 = vmctx[7];
var WE1 = rt.WasmException;
function f0(l0) {
  var s0;
  s0 = l0;
  throw rt.newException(tg0, rt.tuple(s0));
  return;
}
function f1(l0) {
  var s0, dlg = -1;
  L0: {
    L1: try {
      f0(l0);
    } catch (eL1) {
      if (!(eL1 instanceof WE1)) throw eL1;
      if (dlg >= 0 && dlg < 2) throw eL1; dlg = -1;
      if (eL1.tag === tg0) {
        s0 = eL1.values[0];
        break L0;
      }
      throw eL1;
    }
    s0 = (-1);
  }
  return s0;
}
function f2(l0) {
  var s0, dlg = -1;
  L0: try {
    f0(l0);
    s0 = 0;
  } catch (eL0) {
    if (!(eL0 instanceof WE1)) throw eL0;
    if (dlg >= 0 && dlg < 1) throw eL0; dlg = -1;
    if (eL0.tag === tg0) {
      s0 = eL0.values[0];
    } else {
      s0 = (-2);
    }
  }
  return s0;
}
return {
  funcs: [f0, f1, f2],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

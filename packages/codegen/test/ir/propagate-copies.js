(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0(l0) {
  l0 = ((l0 + D0.getInt32((l0 >>> 0), true)) | 0);
  return (l0 ^ l0);
}
function f1() {
  var l0 = 0;
  l0 = 5;
  L0: for (;;) {
    l0 = ((l0 - 1) | 0);
    if (l0) {
      continue L0;
    }
    break L0;
  }
  return l0;
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

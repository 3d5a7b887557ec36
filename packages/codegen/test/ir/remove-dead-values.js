(function (rt, vmctx) {
"use strict";
var m0 = vmctx[7];
var D0 = m0.dv;
m0.watch(() => { D0 = m0.dv; });
function f0(l0) {
  var l1 = 0, s0 = 0;
  D0.getInt32((l0 >>> 0), true);
  return l0;
}
return {
  funcs: [f0],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: {}
};
})

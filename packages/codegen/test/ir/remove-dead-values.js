(function (rt, vmctx) {
"use strict";
const m0 = vmctx[7];
let m0_dv = m0.dv;
m0.watch(() => { m0_dv = m0.dv; });
function f0(l0) {
  let l1 = 0, s0 = 0;
  m0_dv.getInt32((l0 >>> 0), true);
  return l0;
}
return {
  funcs: [f0],
  globalInit: [],
  tableInit: [],
  elemOffset: {},
  elemItems: {},
  dataOffset: []
};
})

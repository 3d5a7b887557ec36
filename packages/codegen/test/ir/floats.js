(function (rt, vmctx) {
"use strict";
const k0 = H.f32FromBits(2141192192);
const m1 = vmctx[7];
let m1_dv = m1.dv;
m1.watch(() => { m1_dv = m1.dv; });
function f0(l0, l1) {
  H.storeF32(m1_dv, 8, (Math.fround(l0 + k0)));
  return (((+(H.loadF32(m1_dv, 8)))) + (l1 * (-0.5)));
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

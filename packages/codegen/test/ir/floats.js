(function (rt, vmctx) {
"use strict";
const k0 = H.f32FromBits(2141192192);
const m1 = vmctx[7];
let m1_dv = m1.dv;
m1.watch(() => { m1_dv = m1.dv; });
function f0(l0, l1) {
  let sa = 0, sv = 0, ma = 0, mf = 0;
  sa = 8; sv = (Math.fround(l0 + k0)); if (typeof sv === 'number' && sv === sv) m1_dv.setFloat32(sa, sv, true); else H.storeF32(m1_dv, sa, sv);
  return (((+(((mf = m1_dv.getFloat32(ma = 8, true)) === mf ? mf : H.loadF32(m1_dv, ma))))) + (l1 * (-0.5)));
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

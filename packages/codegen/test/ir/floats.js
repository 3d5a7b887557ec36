(function (rt, vmctx) {
"use strict";
var k0 = H.f32FromBits(2141192192);
var m1 = vmctx[7];
var m1_dv = m1.dv;
m1.watch(() => { m1_dv = m1.dv; });
function f0(l0, l1) {
  var sa = 0, sv = 0, ma = 0, mf = 0;
  sa = 8; sv = (Math.fround(l0 + (-0 + k0))); if (typeof sv === 'number' && sv === sv) m1_dv.setFloat32(sa,sv,1); else H.storeF32(m1_dv, sa, sv);
  return (((+(((mf = m1_dv.getFloat32(ma = 8,1)) === mf ? mf : H.loadF32(m1_dv, ma))))) + (l1 * (-0.5)));
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

(function (rt, vmctx) {
"use strict";
var k0 = H.f32FromBits(2141192192);
var m1 = vmctx[7];
var D1 = m1.dv;
m1.watch(() => { D1 = m1.dv; });
function f0(l0, l1) {
  var sa = 0, sv = 0, ma = 0, mf = 0;
  sa = 8; sv = (Math.fround(l0 + (-0 + k0))); if (typeof sv === 'number' && sv === sv) D1.setFloat32(sa,sv,1); else H.storeF32(D1, sa, sv);
  return ((((-0 + ((mf = D1.getFloat32(ma = 8,1)) === mf ? mf : H.loadF32(D1, ma))))) + (l1 * (-0.5)));
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

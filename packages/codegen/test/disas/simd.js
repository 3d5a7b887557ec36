(function (rt, vmctx) {
"use strict";
const v0 = new rt.V128(1, 2, 3, 4);
const m1 = vmctx[7];
let m1_dv = m1.dv;
m1.watch(() => { m1_dv = m1.dv; });
function f0(l0v, l1v) {
  let l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d;
  s0 = (((l0 & 0x7f7f7f7f) + (l1 & 0x7f7f7f7f)) ^ ((l0 ^ l1) & 0x80808080)); s0b = (((l0b & 0x7f7f7f7f) + (l1b & 0x7f7f7f7f)) ^ ((l0b ^ l1b) & 0x80808080)); s0c = (((l0c & 0x7f7f7f7f) + (l1c & 0x7f7f7f7f)) ^ ((l0c ^ l1c) & 0x80808080)); s0d = (((l0d & 0x7f7f7f7f) + (l1d & 0x7f7f7f7f)) ^ ((l0d ^ l1d) & 0x80808080));
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f1(l0v) {
  let l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d;
  return l0c;
}
function f2() {
  return v0;
}
function f3(l0) {
  let s0, s0b, s0c, s0d;
  s0d = m1_dv.getInt32((l0 >>> 0) + 16 + 12, true); s0c = m1_dv.getInt32((l0 >>> 0) + 16 + 8, true); s0b = m1_dv.getInt32((l0 >>> 0) + 16 + 4, true); s0 = m1_dv.getInt32((l0 >>> 0) + 16, true);
  return new rt.V128(s0, s0b, s0c, s0d);
}
function f4(l0v, l1v) {
  let l0 = l0v.a, l0b = l0v.b, l0c = l0v.c, l0d = l0v.d, l1 = l1v.a, l1b = l1v.b, l1c = l1v.c, l1d = l1v.d, s0, s0b, s0c, s0d;
  s0 = (l0 & 16711935) | (l1 & -16711936); s0b = (l0b & 16711935) | (l1b & -16711936); s0c = (l0c & 16711935) | (l1c & -16711936); s0d = (l0d & 16711935) | (l1d & -16711936);
  return new rt.V128(s0, s0b, s0c, s0d);
}
return {
  funcs: [f0, f1, f2, f3, f4],
  globalInit: [],
  tableInit: [],
  elemOffset: [],
  elemItems: [],
  dataOffset: []
};
})

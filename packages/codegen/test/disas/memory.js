(function (rt, vmctx) {
"use strict";
const m0 = vmctx[7];
const LE1 = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let m0_dv, m0_u8, m0_i8, m0_i16, m0_u16, m0_i32, m0_len = 0, m0_la = 0;
m0.watch(() => {
  const b = m0.buffer, n = m0.byteLength;
  m0_dv = m0.dv; m0_u8 = m0.u8; m0_i8 = new Int8Array(b, 0, n);
  m0_i16 = new Int16Array(b, 0, Math.floor(n / 2)); m0_u16 = new Uint16Array(b, 0, Math.floor(n / 2));
  m0_i32 = new Int32Array(b, 0, Math.floor(n / 4));
  m0_len = n; m0_la = LE1 ? Math.min(n, 4294967296) : 0;
});
function m0_sf32(a, v) { H.storeF32(m0_dv, a, v); }
function f0(l0) {
  let ma = 0;
  return BigInt((ma = (l0 >>> 0) + 8, ((ma & 3) === 0 && ma + 4 <= m0_la ? m0_i32[ma >>> 2] : m0_dv.getInt32(ma, true))) >>> 0);
}
function f1(l0, l1) {
  m0_sf32((l0 >>> 0), l1);
  return;
}
function f2(l0) {
  let s0;
  s0 = rt.memoryGrow(m0, l0);
  return s0;
}
function f3(l0, l1, l2) {
  rt.memoryFill(m0, l0, l1, l2);
  return;
}
return {
  funcs: [f0, f1, f2, f3],
  globalInit: [],
  tableInit: [],
  elemOffset: [],
  elemItems: [],
  dataOffset: []
};
})

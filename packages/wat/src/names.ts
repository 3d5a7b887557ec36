// The name section, so backtraces and tools can name functions and locals.

import { ByteWriter, encodeUtf8 } from '@wasmts/environ';

/** Appends the name section: module, function and local names from symbolic identifiers (without `$`). */
export function encodeNameSection(
  out: ByteWriter,
  moduleName: string | undefined,
  funcNames: ReadonlyMap<string, number>,
  localNames: ReadonlyMap<number, ReadonlyMap<string, number>>,
): void {
  const nameBytes = (id: string): Uint8Array => encodeUtf8(id.slice(1));
  const nameMap = (w: ByteWriter, names: ReadonlyMap<string, number>): void => {
    const entries = [...names].sort((a, b) => a[1] - b[1]);
    w.u32(entries.length);
    for (const [id, idx] of entries) {
      w.u32(idx);
      w.nameBytes(nameBytes(id));
    }
  };
  const body = new ByteWriter();
  const sub = (id: number, fill: (w: ByteWriter) => void): void => {
    const w = new ByteWriter();
    fill(w);
    body.u8(id);
    body.u32(w.length);
    body.append(w);
  };
  if (moduleName !== undefined) sub(0, (w) => w.nameBytes(nameBytes(moduleName)));
  if (funcNames.size > 0) sub(1, (w) => nameMap(w, funcNames));
  if (localNames.size > 0) {
    sub(2, (w) => {
      const funcs = [...localNames].sort((a, b) => a[0] - b[0]);
      w.u32(funcs.length);
      for (const [idx, names] of funcs) {
        w.u32(idx);
        nameMap(w, names);
      }
    });
  }
  if (body.length === 0) return;
  const w = new ByteWriter();
  w.name('name');
  w.append(body);
  out.u8(0);
  out.u32(w.length);
  out.append(w);
}

import { describe, expect, it } from 'vitest';
import { decodeModule, recGroupKey, TypeRegistry } from '../src/index.js';
import { functype, section, vec, wasm } from './wasm-bytes.js';

const i32 = 0x7f;

describe('TypeRegistry', () => {
  it('gives equivalent types of different modules the same id', () => {
    const a = decodeModule(
      wasm(
        section(
          1,
          vec([
            functype([i32], []), // 0
            [0x4e, 2, 0x50, 0, 0x5f, 1, 0x63, 1, 0, 0x50, 1, 1, 0x5f, 2, 0x63, 2, 0, i32, 0], // 1, 2 <: 1
          ]),
        ),
      ),
    );
    const b = decodeModule(
      wasm(
        section(
          1,
          vec([
            functype([], []), // 0: new
            functype([i32], []), // 1 == a.0
            [0x4e, 2, 0x50, 0, 0x5f, 1, 0x63, 2, 0, 0x50, 1, 2, 0x5f, 2, 0x63, 3, 0, i32, 0], // 2, 3 == a.1, a.2
          ]),
        ),
      ),
    );
    const reg = new TypeRegistry();
    const ia = reg.register(a);
    const ib = reg.register(b);
    expect(ib[1]).toBe(ia[0]);
    expect(ib[2]).toBe(ia[1]);
    expect(ib[3]).toBe(ia[2]);
    expect(ib[0]).not.toBe(ia[0]);
    expect(reg.size).toBe(4);
    expect(reg.isSubtype(ia[2], ia[1])).toBe(true);
    expect(reg.isSubtype(ib[3], ia[1])).toBe(true);
    expect(reg.isSubtype(ia[1], ia[2])).toBe(false);
    expect(reg.isFunc(ia[0])).toBe(true);
    expect(reg.isFunc(ia[1])).toBe(false);
    // registering again hands out no new ids
    expect([...reg.register(a)]).toEqual([...ia]);
    expect(reg.size).toBe(4);
  });

  it('keys groups structurally', () => {
    const m = decodeModule(wasm(section(1, vec([functype([i32], []), functype([i32], [])]))));
    const id = (i: number) => i;
    expect(recGroupKey(m.types, 0, 1, id)).toBe(recGroupKey(m.types, 1, 1, id));
  });
});

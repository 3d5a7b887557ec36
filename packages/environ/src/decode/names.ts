// The `name` custom section, including the extended-name-section subsections. Parsed leniently:
// a malformed subsection is skipped, and nothing here can make a module fail to decode.

import { CompileError } from '../errors.js';
import type { NameSection } from '../module.js';
import { BinaryReader } from '../reader.js';

const Sub = {
  Module: 0,
  Function: 1,
  Local: 2,
  Label: 3,
  Type: 4,
  Table: 5,
  Memory: 6,
  Global: 7,
  Elem: 8,
  Data: 9,
  Field: 10,
  Tag: 11,
} as const;

function nameMap(r: BinaryReader, into: Map<number, string>): void {
  const n = r.vecLength(2);
  for (let i = 0; i < n; i++) {
    const index = r.u32();
    into.set(index, r.name());
  }
}

function indirectNameMap(r: BinaryReader, into: Map<number, Map<number, string>>): void {
  const n = r.vecLength(2);
  for (let i = 0; i < n; i++) {
    const index = r.u32();
    const inner = new Map<number, string>();
    nameMap(r, inner);
    into.set(index, inner);
  }
}

/** Reads the payload of a `name` section into `names`, skipping any subsection that does not decode. */
export function readNameSection(bytes: Uint8Array, start: number, end: number, names: NameSection): void {
  const r = new BinaryReader(bytes, start, end);
  while (!r.eof()) {
    let subEnd: number;
    let id: number;
    try {
      id = r.u8();
      const size = r.u32();
      if (size > r.remaining()) return;
      subEnd = r.pos + size;
    } catch (e) {
      if (e instanceof CompileError) return;
      throw e;
    }
    const sub = new BinaryReader(bytes, r.pos, subEnd);
    try {
      switch (id) {
        case Sub.Module:
          names.module = sub.name();
          break;
        case Sub.Function:
          nameMap(sub, names.functions);
          break;
        case Sub.Local:
          indirectNameMap(sub, names.locals);
          break;
        case Sub.Label:
          indirectNameMap(sub, names.labels);
          break;
        case Sub.Type:
          nameMap(sub, names.types);
          break;
        case Sub.Table:
          nameMap(sub, names.tables);
          break;
        case Sub.Memory:
          nameMap(sub, names.memories);
          break;
        case Sub.Global:
          nameMap(sub, names.globals);
          break;
        case Sub.Elem:
          nameMap(sub, names.elements);
          break;
        case Sub.Data:
          nameMap(sub, names.data);
          break;
        case Sub.Field:
          indirectNameMap(sub, names.fields);
          break;
        case Sub.Tag:
          nameMap(sub, names.tags);
          break;
        default:
          break; // unknown subsections are skipped
      }
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
    }
    r.pos = subEnd;
  }
}

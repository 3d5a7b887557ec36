// `WebAssembly.Module`: a compiled module, with the static `exports`, `imports` and `customSections`.

import type { ExternType } from '../types.js';
import { isBuiltinImport, readCompileOptions } from './compile-options.js';
import type { Realm } from './realm.js';
import { bufferSourceBytes, setLength, toDOMString, webidlInterface } from './webidl.js';

/** The JS API's name of an extern kind. */
function externKindName(kind: ExternType['kind']): string {
  return kind === 'func' ? 'function' : kind;
}

/** Defines `WebAssembly.Module` over `realm`. */
export function defineModule(realm: Realm): abstract new (...args: never[]) => object {
  class Module {
    constructor(bytes: unknown, options?: unknown) {
      const b = bufferSourceBytes(bytes, 'WebAssembly.Module argument');
      realm.modules.set(this, realm.compileBytes(b, readCompileOptions(options)));
    }
    static exports(moduleObject: unknown): { name: string; kind: string }[] {
      return realm
        .moduleOf(moduleObject, 'WebAssembly.Module.exports argument')
        .exports()
        .map((e) => ({ name: e.name, kind: externKindName(e.type.kind) }));
    }
    static imports(moduleObject: unknown): { module: string; name: string; kind: string }[] {
      const m = realm.moduleOf(moduleObject, 'WebAssembly.Module.imports argument');
      const options = realm.optionsOf(m);
      // imports that builtins provide are not imports to JS (JS String Builtins)
      return m
        .imports()
        .filter((i) => !isBuiltinImport(options, i))
        .map((i) => ({ module: i.module, name: i.name, kind: externKindName(i.type.kind) }));
    }
    static customSections(moduleObject: unknown, ...rest: unknown[]): ArrayBuffer[] {
      const m = realm.moduleOf(moduleObject, 'WebAssembly.Module.customSections argument');
      if (rest.length < 1) throw new TypeError('WebAssembly.Module.customSections needs a section name');
      const name = toDOMString(rest[0]);
      const out: ArrayBuffer[] = [];
      for (const s of m.module.customSections) {
        if (s.name !== name) continue;
        const bytes = m.bytes.slice(s.data.start, s.data.end);
        out.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      }
      return out;
    }
  }
  setLength(Module, 1);
  setLength(Module.customSections, 2);
  webidlInterface(Module, 'WebAssembly.Module');
  realm.modulePrototype = Module.prototype;
  return Module;
}

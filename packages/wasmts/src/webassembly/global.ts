// `WebAssembly.Global`: made from a descriptor and a value, `value` (get and set) and `valueOf`.

import { V128 } from '@wasmts/environ';
import { Global as RuntimeGlobal } from '@wasmts/runtime';
import { Global as ApiGlobal } from '../externals.js';
import type { Realm } from './realm.js';
import { defaultValue, parseValueType, toJSValue, toWebAssemblyValue } from './values.js';
import { dictionary, setLength, toDOMString, webidlInterface } from './webidl.js';

/** Defines `WebAssembly.Global` over `realm`. */
export function defineGlobal(realm: Realm): abstract new (...args: never[]) => object {
  const { store, cx, globals } = realm;
  const globalValue = (g: unknown): unknown => {
    const raw = globals.of(g).raw;
    return toJSValue(cx, raw.value, raw.type);
  };
  class Global {
    constructor(descriptor: unknown, v?: unknown) {
      const d = dictionary(descriptor, 'WebAssembly.Global descriptor');
      const mutable = Boolean(d.mutable);
      const typeRaw = d.value;
      if (typeRaw === undefined) throw new TypeError('WebAssembly.Global needs a value type');
      const type = parseValueType(toDOMString(typeRaw), 'WebAssembly.Global value');
      if (type === V128) throw new TypeError('a v128 global cannot be made from JavaScript');
      const value = v === undefined ? defaultValue(cx, type) : toWebAssemblyValue(cx, v, type);
      globals.register(this, new ApiGlobal(store, new RuntimeGlobal({ type, mutable }, value)));
    }
    valueOf(): unknown {
      return globalValue(this);
    }
    get value(): unknown {
      return globalValue(this);
    }
    set value(v: unknown) {
      const raw = globals.of(this).raw;
      if (!raw.mutable) throw new TypeError('the global is immutable');
      raw.value = toWebAssemblyValue(cx, v, raw.type);
    }
  }
  setLength(Global, 1);
  webidlInterface(Global, 'WebAssembly.Global');
  globals.prototype = Global.prototype;
  return Global;
}

// `WebAssembly.Tag` and `WebAssembly.Exception` (`is`, `getArg`, `traceStack`).

import { WasmException } from '@wasmts/runtime';
import { Tag as ApiTag } from '../tag.js';
import type { Realm } from './realm.js';
import { parseValueType, toJSValue, toWebAssemblyValue } from './values.js';
import { dictionary, enforceRange, sequence, setLength, toDOMString, webidlInterface } from './webidl.js';

type Interface = abstract new (...args: never[]) => object;

/** Defines `WebAssembly.Tag` and `WebAssembly.Exception` over `realm`. */
export function defineTagAndException(realm: Realm): { Tag: Interface; Exception: Interface } {
  const { store, cx, tags, exceptions, jsTag } = realm;

  class Tag {
    constructor(type: unknown) {
      const d = dictionary(type, 'WebAssembly.Tag descriptor');
      const ps = d.parameters;
      if (ps === undefined) throw new TypeError('WebAssembly.Tag needs parameters');
      const params = sequence(ps, 'WebAssembly.Tag parameters').map((p) =>
        parseValueType(toDOMString(p), 'WebAssembly.Tag parameter'),
      );
      tags.register(this, new ApiTag(store, { kind: 'func', params, results: [] }));
    }
  }
  setLength(Tag, 1);
  webidlInterface(Tag, 'WebAssembly.Tag');
  tags.prototype = Tag.prototype;

  class Exception {
    constructor(exceptionTag: unknown, payload: unknown, options?: unknown) {
      const tag = tags.of(exceptionTag, 'WebAssembly.Exception tag');
      if (tag.raw === jsTag.raw) throw new TypeError('a WebAssembly.Exception cannot be made with WebAssembly.JSTag');
      const values = sequence(payload, 'WebAssembly.Exception payload');
      const opts = dictionary(options, 'WebAssembly.Exception options');
      const traceStack = Boolean(opts.traceStack);
      const params = tag.raw.params;
      if (values.length !== params.length)
        throw new TypeError(`the tag takes ${params.length} values, the payload has ${values.length}`);
      const raw = values.map((v, i) => toWebAssemblyValue(cx, v, params[i]));
      exceptions.register(this, new WasmException(tag.raw, raw));
      if (traceStack) {
        Object.defineProperty(this, 'stack', {
          value: new Error().stack ?? '',
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    }
    is(exceptionTag: unknown): boolean {
      const e = exceptions.of(this);
      return e.tag === tags.of(exceptionTag, 'WebAssembly.Exception.is argument').raw;
    }
    getArg(exceptionTag: unknown, index: unknown): unknown {
      const e = exceptions.of(this);
      const tag = tags.of(exceptionTag, 'WebAssembly.Exception.getArg tag');
      const i = enforceRange(index, 'WebAssembly.Exception.getArg index');
      if (e.tag !== tag.raw) throw new TypeError('the exception was not thrown with this tag');
      if (i >= e.values.length) throw new RangeError(`index ${i} is out of range`);
      return toJSValue(cx, e.values[i], e.tag.params[i]);
    }
  }
  setLength(Exception, 2);
  webidlInterface(Exception, 'WebAssembly.Exception');
  exceptions.prototype = Exception.prototype;
  return { Tag, Exception };
}

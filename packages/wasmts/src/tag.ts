// `Tag`, as in wasmtime: an exception tag of a store.

import type { FuncType } from '@wasmts/environ';
import { Tag as RuntimeTag } from '@wasmts/runtime';
import { registerFuncType } from './engine.js';
import type { Store } from './store.js';
import { WrongStoreError } from './wrong-store.js';

/** An exception tag (wasmtime's `Tag`). */
export class Tag {
  /** The runtime tag. */
  readonly raw: RuntimeTag;
  /** The store the tag belongs to. */
  readonly store: Store<unknown>;

  /** Creates a tag with parameter types of `type`, or wraps a runtime tag of `store`. */
  constructor(store: Store<unknown>, type: FuncType | RuntimeTag) {
    this.store = store;
    this.raw =
      type instanceof RuntimeTag ? type : new RuntimeTag(registerFuncType(store.engine, type), type.params, store);
  }
  /** The tag's function type (`store` must be the tag's). */
  ty(store: Store<unknown>): FuncType {
    if (store !== this.store) throw new WrongStoreError('tag');
    return store.typeRegistry.funcType(this.raw.typeId);
  }
}

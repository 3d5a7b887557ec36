// Sending a namespace's `WebAssembly.Module` and shared `WebAssembly.Memory` to another thread. A host's own
// objects of these two kinds survive `postMessage` (structured clone); this namespace's are JS objects, which
// a clone would turn into empty ones. `toShareable` makes a cloneable description of one, and `fromShareable`
// the matching object of another namespace (in the Worker): the same bytes for a memory, the same module
// compiled again for a module (each thread compiles its own; browsers share the compiled code instead).

import { Memory as ApiMemory, type SharedMemoryHandle } from '../memory.js';
import type { Realm } from './realm.js';

/** A module or a shared memory as it crosses threads (structured-cloneable), from `toShareable`. */
export type Shareable =
  | {
      readonly kind: 'module';
      /** The module's bytes. */
      readonly bytes: Uint8Array;
      /** The JS String Builtins' compile options it was compiled with. */
      readonly builtins: readonly string[];
      readonly importedStringConstants: string | null;
    }
  | { readonly kind: 'memory'; readonly memory: SharedMemoryHandle };

/** The shareable form of a `WebAssembly.Module` or a shared `WebAssembly.Memory` of `realm`. */
export function toShareable(realm: Realm, value: unknown): Shareable {
  const module = typeof value === 'object' && value !== null ? realm.modules.get(value) : undefined;
  if (module !== undefined) {
    const o = realm.optionsOf(module);
    return {
      kind: 'module',
      bytes: module.module.bytes.slice(),
      builtins: [...o.builtins],
      importedStringConstants: o.importedStringConstants,
    };
  }
  const memory = realm.memories.get(value);
  if (memory !== undefined) return { kind: 'memory', memory: memory.share() };
  throw new TypeError('only a WebAssembly.Module or a shared WebAssembly.Memory of this namespace can be shared');
}

/** The `WebAssembly.Module` or `WebAssembly.Memory` of `realm` for what `toShareable` made (in any namespace). */
export function fromShareable(realm: Realm, data: Shareable): object {
  if (data.kind === 'module')
    return realm.moduleObject(
      realm.compileBytes(data.bytes, {
        builtins: new Set(data.builtins),
        importedStringConstants: data.importedStringConstants,
      }),
    );
  if (data.kind === 'memory') return realm.memories.object(ApiMemory.fromShared(realm.store, data.memory).raw);
  throw new TypeError('not a shareable WebAssembly object');
}

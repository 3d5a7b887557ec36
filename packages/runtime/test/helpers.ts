import { DEFAULT_TUNABLES, decodeModule, type Module, VMOffsets, VMRuntimeLimits } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import {
  type Builtins,
  createBuiltins,
  ExternRefActivationsTable,
  GcHeapAccount,
  type Imports,
  type Instance,
  type ModuleRuntimeInfo,
  OnDemandInstanceAllocator,
  type Store,
  TypeRegistry,
} from '../src/index.js';

/** Decodes a module from text. */
export function wat(text: string): Module {
  return decodeModule(parseWat(text));
}

/** A minimal store over a fresh engine (registry + builtins). */
export function makeStore(
  registry = new TypeRegistry(),
  builtins: Builtins = createBuiltins(registry),
): Store & { readonly builtins: Builtins } {
  const limits = new VMRuntimeLimits();
  return {
    builtins,
    typeRegistry: registry,
    runtimeLimits: limits,
    epochCounter: new Float64Array(1),
    tunables: DEFAULT_TUNABLES,
    externRefActivations: new ExternRefActivationsTable(),
    instances: [],
    resourceLimiter: null,
    gcHeap: new GcHeapAccount(DEFAULT_TUNABLES.maxGcHeapBytes),
  };
}

/** Instantiates the runtime side of a module (no code) in `store`. */
export function instantiate(store: Store, module: Module, imports?: Partial<Imports>): Instance {
  const info: ModuleRuntimeInfo = {
    module,
    offsets: new VMOffsets(module),
    typeIds: store.typeRegistry.register(module),
  };
  return new OnDemandInstanceAllocator().allocate({
    runtimeInfo: info,
    imports: { functions: [], tables: [], memories: [], globals: [], tags: [], ...imports },
    hostState: null,
    store,
  });
}

// The two sides: wasmts (decode + validate in @wasmts/environ) and the host engine's WebAssembly.validate.
import type { Contender } from './harness.js';

// lib ES2022 and @types/node 20 do not declare WebAssembly; only what is used here.
declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

/** V8's (or the host's) own validator. Throws when it rejects a module, so a disagreement is visible. */
export const hostValidate: Contender = {
  name: 'v8',
  run(modules) {
    for (const bytes of modules) {
      if (!WebAssembly.validate(bytes)) throw new Error('WebAssembly.validate rejected the module');
    }
  },
};

type Fn = (...args: unknown[]) => unknown;

/**
 * wasmts' decoder and validator, looked up by name on the package's exports so that the harness runs (and the host
 * side is measured) while @wasmts/environ is still being written. Returns why it is unavailable otherwise.
 */
export async function wasmtsValidate(): Promise<{ contender?: Contender; api: string; unavailable?: string }> {
  let environ: Record<string, unknown>;
  try {
    environ = (await import('@wasmts/environ')) as Record<string, unknown>;
  } catch (error) {
    return { api: '-', unavailable: `cannot load @wasmts/environ: ${String(error)}` };
  }
  const fn = (name: string): Fn | undefined =>
    typeof environ[name] === 'function' ? (environ[name] as Fn) : undefined;
  const decode = fn('decodeModule');
  const validate = fn('validate') ?? fn('validateModule');
  if (decode) {
    // What `wasmts wast` and `inspect` do: decode the whole module and validate every function body.
    return {
      api: 'decodeModule(bytes, { validateBodies: true })',
      contender: {
        name: 'wasmts',
        run(modules) {
          for (const bytes of modules) decode(bytes, { validateBodies: true });
        },
      },
    };
  }
  if (validate) {
    return {
      api: 'validate(bytes)',
      contender: {
        name: 'wasmts',
        run(modules) {
          for (const bytes of modules) {
            if (validate(bytes) === false) throw new Error('wasmts validate returned false');
          }
        },
      },
    };
  }
  return { api: '-', unavailable: '@wasmts/environ exports neither decodeModule nor validate yet' };
}

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
  const validate = fn('validate') ?? fn('validateModule');
  const decode = fn('decodeModule');
  if (validate) {
    // validate(bytes) decodes as it validates; it must throw (or return false) on an invalid module.
    return {
      api: 'validate(bytes)',
      contender: {
        name: 'wasmts',
        run(modules) {
          for (const bytes of modules) {
            const result = validate(bytes);
            if (result === false) throw new Error('wasmts validate returned false');
          }
        },
      },
    };
  }
  if (decode) {
    return {
      api: 'decodeModule(bytes)',
      contender: {
        name: 'wasmts',
        run(modules) {
          for (const bytes of modules) decode(bytes);
        },
      },
    };
  }
  return { api: '-', unavailable: '@wasmts/environ exports neither validate nor decodeModule yet' };
}

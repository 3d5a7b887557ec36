// The modules of the bench's npm packages of 1 MB or more (`pnpm bench ttfc`, `pnpm bench compile`).

/** The modules of the bench's packages of 1 MB or more, by name. */
export const MODULES: Record<string, string> = {
  ruby: '@ruby/3.4-wasm-wasi/dist/ruby.wasm',
  lightningcss: 'lightningcss-wasm/lightningcss_node.wasm',
  esbuild: 'esbuild-wasm/esbuild.wasm',
  tiktoken: 'tiktoken/tiktoken_bg.wasm',
  'avif-encode': '@jsquash/avif/codec/enc/avif_enc.wasm',
  'clang-format': '@wasm-fmt/clang-format/clang-format.wasm',
  resvg: '@resvg/resvg-wasm/index_bg.wasm',
  rapier2d: '@dimforge/rapier2d-compat/dist/rapier_wasm2d_bg.wasm',
  'avif-decode': '@jsquash/avif/codec/dec/avif_dec.wasm',
  brotli: 'brotli-wasm/pkg.node/brotli_wasm_bg.wasm',
};

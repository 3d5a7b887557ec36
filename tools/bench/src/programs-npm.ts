// Real programs from npm packages, each run through the package's own JS glue (src/glue.ts): a tokenizer
// (tiktoken), a JavaScript parser (rollup's, from swc), a TypeScript type stripper (swc), a compressor (brotli), an
// SVG renderer (resvg) and a physics engine (rapier). The inputs are fixed files of pinned packages or generated
// deterministically; each run's checksum is a hash of the package's output.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadCommonJs, perSession, webAssemblyFor } from './glue.js';
import { type Category, type Program, type Session, wasm2jsOf } from './program.js';

const require = createRequire(import.meta.url);

/**
 * The path of a file inside an installed package, whatever its `exports` allow (`require.resolve` refuses files a
 * package does not export): the package's directory is found in the usual node_modules search path.
 */
export function packageFile(id: string): string {
  const parts = id.split('/');
  const name = id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const rest = parts.slice(name.split('/').length).join('/');
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name, rest);
  }
  throw new Error(`package ${name} is not installed (a devDependency of tools/bench)`);
}

/** FNV-1a over bytes, as hex. */
export function fnv(bytes: Uint8Array, h = 2166136261): string {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A fixed JavaScript source: polywasm 0.2.0's index.js (100 KB; the version is pinned by the lockfile). */
export function javascriptSource(): string {
  return readFileSync(packageFile('polywasm/index.js'), 'utf8');
}

/** A fixed English text: the READMEs of pinned packages (tiktoken's, polywasm's, hash-wasm's). */
export function englishText(): string {
  return ['tiktoken/README.md', 'polywasm/README.md', 'hash-wasm/README.md']
    .map((f) => readFileSync(packageFile(f), 'utf8'))
    .join('\n');
}

type Api = Record<string, unknown>;

interface GlueProgram {
  name: string;
  kind: string;
  categories: Category[];
  origin: string;
  n: number;
  smokeN: number;
  wasm: () => Uint8Array;
  /** The package's API over a session's instance. */
  load: (session: Session) => Promise<Api> | Api;
  run: (api: Api, n: number) => string;
}

function glueProgram(spec: GlueProgram): Program {
  const apis = perSession(spec.load);
  return {
    name: spec.name,
    kind: spec.kind,
    categories: spec.categories,
    origin: spec.origin,
    n: spec.n,
    smokeN: spec.smokeN,
    wasm: spec.wasm,
    wasm2js: wasm2jsOf(spec.name),
    timeInstantiation: false,
    init: (session) => apis.init(session),
    run: (session, n) => spec.run(apis.get(session), n),
  };
}

const file = (id: string) => () => new Uint8Array(readFileSync(packageFile(id)));
const cjs = (id: string) => (session: Session) => loadCommonJs(packageFile(id), webAssemblyFor(session));

/** tiktoken (Rust, wasm-bindgen): cl100k_base BPE over English text, n times. */
const tiktoken = glueProgram({
  name: 'tiktoken',
  kind: 'tokenizer (Rust)',
  categories: [],
  origin: 'npm tiktoken',
  n: 1,
  smokeN: 1,
  wasm: file('tiktoken/tiktoken_bg.wasm'),
  load: (session) => {
    const api = cjs('tiktoken/tiktoken.cjs')(session) as { get_encoding(name: string): Api };
    return api.get_encoding('cl100k_base');
  },
  run: (encoder, n) => {
    const text = englishText();
    const encode = encoder.encode as (text: string) => Uint32Array;
    let h = 2166136261;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const tokens = encode.call(encoder, `${i} ${text.replaceAll('<|', '< |')}`);
      count += tokens.length;
      h = Number.parseInt(fnv(new Uint8Array(tokens.buffer, tokens.byteOffset, tokens.byteLength), h), 16);
    }
    return `${count}:${h.toString(16)}`;
  },
});

/** rollup's parser (swc's, Rust, wasm-bindgen): a 100 KB JavaScript file to rollup's binary AST, n times. */
const rollupParse = glueProgram({
  name: 'rollup-parse',
  kind: 'JS parser (Rust, swc)',
  categories: [],
  origin: 'npm @rollup/wasm-node',
  n: 1,
  smokeN: 1,
  wasm: file('@rollup/wasm-node/dist/wasm-node/bindings_wasm_bg.wasm'),
  load: cjs('@rollup/wasm-node/dist/wasm-node/bindings_wasm.js'),
  run: (api, n) => {
    const source = javascriptSource();
    const parse = api.parse as (code: string, ret: boolean, jsx: boolean, swap: boolean) => Uint8Array;
    let out = '';
    for (let i = 0; i < n; i++) {
      const ast = parse(`// ${i}\n${source}`, false, false, false);
      out = `${ast.length}:${fnv(ast)}`;
    }
    return out;
  },
});

/** swc's TypeScript type stripper (Rust, wasm-bindgen; its wasm is base64 in wasm.js). */
const swcWasm = () => {
  const js = readFileSync(packageFile('@swc/wasm-typescript/wasm.js'), 'utf8');
  const match = /Buffer\.from\('(AGFzbQ[A-Za-z0-9+/=]+)', 'base64'\)/.exec(js);
  if (!match) throw new Error('@swc/wasm-typescript: no embedded module found in wasm.js');
  return new Uint8Array(Buffer.from(match[1], 'base64'));
};
let swcBytes: Uint8Array | undefined;
const swc = glueProgram({
  name: 'swc-strip-types',
  kind: 'TS transform (Rust, swc)',
  categories: [],
  origin: 'npm @swc/wasm-typescript',
  n: 1,
  smokeN: 1,
  wasm: () => {
    swcBytes ??= swcWasm();
    return swcBytes;
  },
  load: cjs('@swc/wasm-typescript/wasm.js'),
  run: (api, n) => {
    const source = javascriptSource();
    const transform = api.transformSync as (code: string, options: object) => { code: string };
    let out = '';
    for (let i = 0; i < n; i++) {
      const typed = `const run${i}: number = ${i} as number;\ninterface I${i} { a: string }\n${source}`;
      const { code } = transform(typed, { mode: 'strip-only' });
      out = `${code.length}:${fnv(Buffer.from(code))}`;
    }
    return out;
  },
});

/** brotli (C, wasm-bindgen): compress a 100 KB JavaScript file at quality 6 and decompress it. */
const brotli = glueProgram({
  name: 'brotli',
  kind: 'compressor (C via Rust)',
  categories: [],
  origin: 'npm brotli-wasm',
  n: 1,
  smokeN: 1,
  wasm: file('brotli-wasm/pkg.node/brotli_wasm_bg.wasm'),
  load: cjs('brotli-wasm/pkg.node/brotli_wasm.js'),
  run: (api, n) => {
    const input = Buffer.from(javascriptSource());
    const compress = api.compress as (buf: Uint8Array, options: object) => Uint8Array;
    const decompress = api.decompress as (buf: Uint8Array) => Uint8Array;
    let out = '';
    for (let i = 0; i < n; i++) {
      const packed = compress(input, { quality: 6 });
      const back = decompress(packed);
      if (Buffer.compare(Buffer.from(back), input) !== 0) throw new Error('brotli: the round trip changed the data');
      out = `${packed.length}:${fnv(packed)}`;
    }
    return out;
  },
});

/** A generated SVG: gradients, paths with curves, strokes, opacity, transforms (no text: no fonts needed). */
export function svgScene(): string {
  const shapes: string[] = [];
  let s = 12345;
  const rnd = (k: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  for (let i = 0; i < 120; i++) {
    const [x, y, r] = [rnd(800), rnd(600), 10 + rnd(80)];
    const fill = i % 3 === 0 ? 'url(#g1)' : i % 3 === 1 ? 'url(#g2)' : `rgb(${rnd(256)},${rnd(256)},${rnd(256)})`;
    if (i % 2 === 0)
      shapes.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" opacity="0.${1 + rnd(9)}" stroke="#123" />`);
    else
      shapes.push(
        `<path d="M${x} ${y} C ${x + r} ${y - r}, ${x + 2 * r} ${y + r}, ${x + 3 * r} ${y} S ${x + 4 * r} ${y - 2 * r}, ${x} ${y + 2 * r} Z" fill="${fill}" stroke="#${rnd(4096).toString(16).padStart(3, '0')}" stroke-width="${1 + rnd(6)}" transform="rotate(${rnd(360)} ${x} ${y})" />`,
      );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
<defs><linearGradient id="g1" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f80"/><stop offset="1" stop-color="#08f"/></linearGradient>
<radialGradient id="g2"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#0a0" stop-opacity="0.3"/></radialGradient></defs>
<rect width="800" height="600" fill="#eee"/>${shapes.join('\n')}</svg>`;
}

/** resvg (Rust, wasm-bindgen): render the generated SVG to a 400-pixel-wide PNG, n times. */
const resvg = glueProgram({
  name: 'resvg',
  kind: 'SVG renderer (Rust)',
  categories: [],
  origin: 'npm @resvg/resvg-wasm',
  n: 1,
  smokeN: 1,
  wasm: file('@resvg/resvg-wasm/index_bg.wasm'),
  load: async (session) => {
    const api = cjs('@resvg/resvg-wasm/index.js')(session) as Api & { initWasm(bytes: Uint8Array): Promise<void> };
    await api.initWasm(file('@resvg/resvg-wasm/index_bg.wasm')());
    return api;
  },
  run: (api, n) => {
    const Resvg = api.Resvg as new (
      svg: string,
      options: object,
    ) => { render(): { asPng(): Uint8Array; free(): void }; free(): void };
    const svg = svgScene();
    let out = '';
    for (let i = 0; i < n; i++) {
      const r = new Resvg(svg, { fitTo: { mode: 'width', value: 400 + i } });
      const image = r.render();
      const png = image.asPng();
      out = `${png.length}:${fnv(png)}`;
      image.free();
      r.free();
    }
    return out;
  },
});

/**
 * rapier (Rust, wasm-bindgen; f32 physics): 300 balls and boxes falling on a ground, 60 steps per n. The `-simd`
 * package is the same engine built with wasm SIMD (its f32x4 math), at an older version than the plain one.
 */
function rapierProgram(simd: boolean): Program {
  const dir = simd ? '@dimforge/rapier2d-simd-compat' : '@dimforge/rapier2d-compat/dist';
  return glueProgram({
    name: simd ? 'rapier2d-simd' : 'rapier2d',
    kind: simd ? 'physics engine (Rust, f32x4 SIMD)' : 'physics engine (Rust, f32)',
    categories: simd ? ['simd'] : [],
    origin: `npm ${simd ? '@dimforge/rapier2d-simd-compat' : '@dimforge/rapier2d-compat'}`,
    n: 2,
    smokeN: 1,
    wasm: file(`${dir}/rapier_wasm2d_bg.wasm`),
    load: async (session) => {
      const api = cjs(`${dir}/rapier.cjs`)(session) as Api & { init(): Promise<void> };
      await api.init();
      return api;
    },
    run: (api, n) => {
      // rapier's API, typed by its own .d.ts we do not import here
      const R = api as any;
      const world = new R.World({ x: 0, y: -9.81 });
      world.createCollider(R.ColliderDesc.cuboid(60, 1));
      world.createCollider(R.ColliderDesc.cuboid(1, 40).setTranslation(-60, 40));
      world.createCollider(R.ColliderDesc.cuboid(1, 40).setTranslation(60, 40));
      const bodies: { translation(): { x: number; y: number } }[] = [];
      for (let i = 0; i < 300; i++) {
        const body = world.createRigidBody(
          R.RigidBodyDesc.dynamic().setTranslation(-50 + (i % 30) * 3.3, 5 + (i / 30) * 4),
        );
        world.createCollider(i % 2 ? R.ColliderDesc.ball(1) : R.ColliderDesc.cuboid(0.9, 0.9), body);
        bodies.push(body);
      }
      for (let step = 0; step < 60 * n; step++) world.step();
      const f = new Float32Array(bodies.length * 2);
      bodies.forEach((b, i) => {
        const t = b.translation();
        f[2 * i] = t.x;
        f[2 * i + 1] = t.y;
      });
      world.free();
      return fnv(new Uint8Array(f.buffer));
    },
  });
}

/** The npm programs driven through their own glue. */
export const npmPrograms: readonly Program[] = [
  tiktoken,
  rollupParse,
  swc,
  brotli,
  resvg,
  rapierProgram(false),
  rapierProgram(true),
];

// More real programs from npm packages, each driven as its package drives it (its own JS glue where it has one,
// src/glue.ts): interpreters (QuickJS), a database (SQLite), compressors (zstd), a regular-expression engine
// (Oniguruma), a markdown compiler (md4c), a Go formatter (TinyGo), C++ clang-format, image codecs, a mesh codec
// with and without SIMD, and AssemblyScript crypto with and without SIMD. The inputs are fixed or generated
// deterministically; each run's checksum is a digest of the package's output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { loadCommonJs, loadEmscriptenEsm, perSession, webAssemblyFor } from './glue.js';
import type { Category, Program, RawExports, Session } from './program.js';
import { programsDir } from './program.js';
import { englishText, fnv, javascriptSource, packageFile } from './programs-npm.js';

const require = createRequire(import.meta.url);

type Api = Record<string, unknown>;
/** The packages' own APIs, typed by .d.ts files we do not import here. */
type Any = any;

interface RealProgram {
  name: string;
  kind: string;
  categories: Category[];
  origin: string;
  n: number;
  smokeN: number;
  wasm: () => Uint8Array;
  /** The package's API over a session's instance (made once per session, untimed but in time to first call). */
  load: (session: Session) => Promise<Api> | Api;
  run: (api: Api, n: number) => string;
  /** Why binaryen's wasm2js cannot be given this one (default: no wasm2js output built for glue programs). */
  noWasm2js?: string;
}

/** The API `load` made for a session of a program of this file (for tests: known answers through the package). */
const apiGetters = new WeakMap<Program, (session: Session) => Api>();
export function peek(program: Program, session: Session): Any {
  const get = apiGetters.get(program);
  if (!get) throw new Error(`${program.name} is not a program of programs-real.ts`);
  return get(session);
}

function realProgram(spec: RealProgram): Program {
  const apis = perSession(spec.load);
  const program: Program = {
    name: spec.name,
    kind: spec.kind,
    categories: spec.categories,
    origin: spec.origin,
    n: spec.n,
    smokeN: spec.smokeN,
    wasm: spec.wasm,
    wasm2js: {
      unavailable:
        spec.noWasm2js ??
        'no wasm2js output (the package runs through its own glue; programs/build.sh does not convert it)',
    },
    timeInstantiation: false,
    init: (session) => apis.init(session),
    run: (session, n) => spec.run(apis.get(session), n),
  };
  apiGetters.set(program, (session) => apis.get(session));
  return program;
}

const bytesOf = (id: string) => {
  let cached: Uint8Array | undefined;
  return () => {
    cached ??= new Uint8Array(readFileSync(packageFile(id)));
    return cached;
  };
};
const cjs = (id: string, session: Session) => loadCommonJs(packageFile(id), webAssemblyFor(session)) as Any;

/** Deterministic pseudo-random integers (xorshift32). */
export function xorshift(seed: number): (k: number) => number {
  let s = seed >>> 0 || 1;
  return (k) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % k;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Interpreters

/**
 * The JavaScript program QuickJS runs: objects, closures, strings, arrays and sorting, a Map, JSON, a regular
 * expression and some integer arithmetic; it returns a string. V8 gives the same string (the known answer).
 */
export function quickjsScript(n: number): string {
  return `(function () {
  let h = 0;
  const rows = [];
  for (let i = 0; i < ${n} * 100; i++) {
    const o = { id: i, name: 'item' + (i % 97), tags: [i % 3, i % 5, i % 7], score: (i * 7919) % 1000 };
    rows.push(o);
    h = (Math.imul(h, 31) + o.score) | 0;
  }
  rows.sort((a, b) => a.score - b.score || a.id - b.id);
  const byName = new Map();
  for (const r of rows) byName.set(r.name, (byName.get(r.name) || 0) + r.tags.reduce((s, t) => s + t, 0));
  const json = JSON.stringify(rows.slice(0, 200));
  const back = JSON.parse(json);
  let words = 0;
  const text = rows.slice(0, 2000).map((r) => r.name + ':' + r.score).join(' ');
  for (const m of text.matchAll(/item(\\d+):(\\d+)/g)) words += (m[1] | 0) ^ (m[2] | 0);
  const fib = (k) => (k < 2 ? k : fib(k - 1) + fib(k - 2));
  let parts = [];
  for (const [k, v] of byName) parts.push(k + '=' + v);
  return [h, rows[0].id, rows[rows.length - 1].id, byName.size, json.length, back.length, words, fib(15 + (${n} % 3)),
    parts.sort().join(',').length].join(':');
})()`;
}

/** QuickJS (quickjs-emscripten's release build, C, emscripten): a fresh runtime and context per run. */
const quickjs = realProgram({
  name: 'quickjs',
  kind: 'JS interpreter (C, emscripten)',
  categories: ['interpreter'],
  origin: 'npm @jitl/quickjs-wasmfile-release-sync',
  // 15,000 rows: native takes about 200 ms, so the run, not the runtime's start-up, is measured (at n = 2, 10 ms)
  n: 150,
  smokeN: 1,
  wasm: bytesOf('@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm'),
  load: async (session) => {
    const factory = cjs('@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.cjs', session);
    const module = await factory({});
    const { QuickJSFFI } = require(packageFile('@jitl/quickjs-wasmfile-release-sync/dist/ffi.js'));
    return { module, ffi: new QuickJSFFI(module) };
  },
  run: (api, n) => quickjsEval(api, quickjsScript(n)),
});

/** Evaluates `code` in a fresh QuickJS runtime and context; returns the result as a string. */
function quickjsEval(api: Api, code: string): string {
  const { module, ffi } = api as Any;
  const rt = ffi.QTS_NewRuntime();
  const ctx = ffi.QTS_NewContext(rt, 0);
  const length = module.lengthBytesUTF8(code);
  const ptr = module._malloc(length + 1);
  module.stringToUTF8(code, ptr, length + 1);
  const value = ffi.QTS_Eval(ctx, ptr, length, 'bench.js', 0, 0);
  module._free(ptr);
  const error = ffi.QTS_ResolveException(ctx, value);
  const shown = ffi.QTS_Dump(ctx, error || value);
  const text = module.UTF8ToString(shown);
  ffi.QTS_FreeCString(ctx, shown);
  if (error) ffi.QTS_FreeValuePointer(ctx, error);
  ffi.QTS_FreeValuePointer(ctx, value);
  ffi.QTS_FreeContext(ctx);
  ffi.QTS_FreeRuntime(rt);
  if (error) throw new Error(`QuickJS threw: ${text}`);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// A database, a compressor, a regular-expression engine, a markdown compiler

/** SQLite (sql.js, C, emscripten): a table filled in a transaction, an index, joins, grouping, LIKE, ORDER BY. */
const sqlite = realProgram({
  name: 'sqlite',
  kind: 'database (C, emscripten)',
  categories: ['alloc'],
  origin: 'npm sql.js',
  n: 5,
  smokeN: 1,
  wasm: bytesOf('sql.js/dist/sql-wasm.wasm'),
  load: async (session) => {
    const init = cjs('sql.js/dist/sql-wasm.js', session);
    return { SQL: await init({ locateFile: () => packageFile('sql.js/dist/sql-wasm.wasm') }) };
  },
  run: (api, n) => sqliteRun(api, n),
});

/** The SQL workload; returns the query results joined (known answer: the same computed in JS, in the test). */
export function sqliteRun(api: Api, n: number): string {
  const db = new (api as Any).SQL.Database();
  try {
    db.run('CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, city INTEGER, age INTEGER, score REAL)');
    db.run('CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT)');
    db.run('BEGIN');
    const city = db.prepare('INSERT INTO city VALUES (?, ?)');
    for (let i = 0; i < 50; i++) city.run([i, `city${i}`]);
    city.free();
    const insert = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?)');
    const rnd = xorshift(42);
    for (let i = 0; i < n * 1000; i++) insert.run([i, `name${rnd(10000)}`, rnd(50), 18 + rnd(60), rnd(100000) / 100]);
    insert.free();
    db.run('COMMIT');
    db.run('CREATE INDEX person_age ON person (age)');
    const out: string[] = [];
    const query = (sql: string) => {
      for (const r of db.exec(sql)) out.push(r.values.map((row: unknown[]) => row.join('|')).join(';'));
    };
    query(
      'SELECT c.name, COUNT(*), SUM(p.age), ROUND(AVG(p.score), 2) FROM person p JOIN city c ON c.id = p.city GROUP BY c.id ORDER BY c.id',
    );
    query("SELECT COUNT(*) FROM person WHERE name LIKE 'name1%' AND age BETWEEN 30 AND 40");
    query('SELECT id, name FROM person WHERE age = 42 ORDER BY score DESC, id LIMIT 20');
    query('SELECT age, COUNT(*) FROM person GROUP BY age HAVING COUNT(*) > 10 ORDER BY age');
    const text = out.join('\n');
    return `${text.length}:${fnv(Buffer.from(text))}`;
  } finally {
    db.close();
  }
}

/** The text the compressors and the regex engine see: the 100 KB JavaScript file, `copies` times over. */
const repeated = (copies: number) => Buffer.from(javascriptSource().repeat(copies));

/** zstd (@bokuweb/zstd-wasm, C, emscripten): compress at level 3 and 9, decompress, round trip checked. */
const zstd = realProgram({
  name: 'zstd',
  kind: 'compressor (C, emscripten)',
  categories: [],
  origin: 'npm @bokuweb/zstd-wasm',
  n: 1,
  smokeN: 1,
  wasm: bytesOf('@bokuweb/zstd-wasm/dist/common/zstd.wasm'),
  load: async (session) => {
    const api = cjs('@bokuweb/zstd-wasm/dist/common/index.node.js', session);
    await api.init();
    return api;
  },
  run: (api, n) => {
    const input = repeated(n);
    const { compress, decompress } = api as Any;
    let out = '';
    for (const level of [3, 9]) {
      const packed: Uint8Array = compress(input, level);
      const back: Uint8Array = decompress(packed);
      if (Buffer.compare(Buffer.from(back), input) !== 0) throw new Error('zstd: the round trip changed the data');
      out += `${packed.length}:${fnv(packed)};`;
    }
    return out;
  },
});

/** The patterns the Oniguruma program scans with: a small JavaScript tokenizer (as a TextMate grammar would). */
export const ONIG_PATTERNS = [
  '\\b(?:const|let|var|function|return|if|else|for|while|new|class|this)\\b',
  '[A-Za-z_$][\\w$]*',
  '0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?',
  '"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'',
  '//[^\\n]*|/\\*[\\s\\S]*?\\*/',
  '[{}()\\[\\];,.<>=!+\\-*/%&|^~?:]+',
];

/** Oniguruma (vscode-oniguruma, C, emscripten): an OnigScanner tokenizing a JavaScript file, as TextMate does. */
const oniguruma = realProgram({
  name: 'oniguruma',
  kind: 'regex engine (C, emscripten)',
  categories: [],
  origin: 'npm vscode-oniguruma',
  n: 1,
  smokeN: 1,
  wasm: bytesOf('vscode-oniguruma/release/onig.wasm'),
  load: async (session) => {
    const api = cjs('vscode-oniguruma/release/main.js', session);
    await api.loadWASM(readFileSync(packageFile('vscode-oniguruma/release/onig.wasm')));
    return api;
  },
  run: (api, n) => onigTokenize(api, javascriptSource().slice(0, 40_000 * n)),
});

/** Counts of each pattern's matches scanning `text` line by line; the string of counts. */
export function onigTokenize(api: Api, text: string): string {
  const { OnigScanner, OnigString } = api as Any;
  const scanner = new OnigScanner(ONIG_PATTERNS);
  const counts = new Array(ONIG_PATTERNS.length).fill(0);
  let h = 2166136261;
  for (const line of text.split('\n')) {
    const str = new OnigString(line);
    let pos = 0;
    while (pos < line.length) {
      const match = scanner.findNextMatchSync(str, pos);
      if (!match) break;
      const [{ start, end }] = match.captureIndices;
      counts[match.index]++;
      h = Math.imul(h ^ (start * 31 + end), 16777619) >>> 0;
      pos = end > pos ? end : pos + 1;
    }
    str.dispose();
  }
  scanner.dispose();
  return `${counts.join(',')}:${h.toString(16)}`;
}

/** markdown-wasm's module: brotli-compressed, base64, in its node build. */
function markdownWasm(): Uint8Array {
  const js = readFileSync(packageFile('markdown-wasm/dist/markdown.node.js'), 'utf8');
  const match = /brotliDecompressSync\(Buffer\.from\("([A-Za-z0-9+/=]+)"/.exec(js);
  if (!match) throw new Error('markdown-wasm: no embedded module found in markdown.node.js');
  return new Uint8Array(require('node:zlib').brotliDecompressSync(Buffer.from(match[1], 'base64')));
}

/** md4c (markdown-wasm, C): markdown to HTML. */
const markdown = realProgram({
  name: 'markdown',
  kind: 'markdown compiler (C, md4c)',
  categories: [],
  origin: 'npm markdown-wasm',
  n: 220,
  smokeN: 1,
  wasm: (() => {
    let cached: Uint8Array | undefined;
    return () => (cached ??= markdownWasm());
  })(),
  load: async (session) => {
    const api = cjs('markdown-wasm/dist/markdown.node.js', session);
    await api.ready;
    return api;
  },
  run: (api, n) => {
    // n documents, each the whole text under a heading of its own (at n = 220 native takes about 200 ms: run time,
    // not start-up); the checksum digests every document's HTML
    // (node:crypto's digest: a JS loop over megabytes of HTML would be a large part of every configuration's time)
    const text = englishText();
    const digest = createHash('sha256');
    let length = 0;
    for (let i = 0; i < n; i++) {
      const html: string = (api as Any).parse(`# Part ${i}\n\n${text}`);
      length += html.length;
      digest.update(html);
    }
    return `${length}:${digest.digest('hex').slice(0, 16)}`;
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Go (TinyGo) and C++

/** A generated Go source file, unformatted (odd spacing, no indentation): gofmt's input. */
export function goSource(functions: number): string {
  const rnd = xorshift(7);
  const lines = ['package bench', '', 'import ("fmt"', '"strings")', ''];
  for (let f = 0; f < functions; f++) {
    lines.push(`type T${f} struct{A int;B string`, `C []float64}`);
    lines.push(`func (t *T${f}) Sum${f}(xs []int,  k int)(int,error){`);
    lines.push('total:=0', 'for i,x:=range xs{ if x%2==0{total+=x*k}else{', `total-=i+${rnd(100)}}`, '}');
    lines.push(`switch k{case ${rnd(10)}:return total,nil`, `default: s:=strings.Repeat("x",k)`);
    lines.push(`if len(s)>${rnd(50)}{return 0,fmt.Errorf("too long %d",len(s))}}`);
    lines.push(`m:=map[string]int{"a":1,"b":${rnd(9)}}`, 'for k,v:=range m{_=k;total+=v}', 'return total,nil}');
    lines.push('');
  }
  return lines.join('\n');
}

/** gofmt (Go's formatter, TinyGo, wasm-unknown): driven by the package's own binding. */
const gofmt = realProgram({
  name: 'gofmt',
  kind: 'Go formatter (Go, TinyGo)',
  categories: [],
  origin: 'npm @wasm-fmt/gofmt',
  n: 2,
  smokeN: 1,
  wasm: bytesOf('@wasm-fmt/gofmt/gofmt.wasm'),
  load: async (session) => {
    const exports = session.instantiateRaw({});
    (exports._initialize as () => void)();
    const binding = await import(packageFile('@wasm-fmt/gofmt/gofmt_binding.js'));
    return { exports, format: binding.format };
  },
  run: (api, n) => {
    const { exports, format } = api as Any;
    const source = goSource(20 * n);
    const formatted: string = format(exports, source);
    return `${formatted.length}:${fnv(Buffer.from(formatted))}`;
  },
});

// ---------------------------------------------------------------------------------------------------------------
// AssemblyScript crypto (ChainSafe's, as used by Ethereum clients), with and without SIMD

/** as-sha256's module (its build: plain, or with SIMD). */
const asSha256Wasm = (simd: boolean) => bytesOf(`@chainsafe/as-sha256/build/optimized${simd ? '.simd' : ''}.wasm`);

const asImports = {
  env: {
    abort: () => {
      throw new Error('AssemblyScript abort');
    },
  },
};
const globalValue = (exports: RawExports, name: string) => Number((exports[name] as { value: unknown }).value);

/**
 * as-sha256 as its index.js drives it, n times: SHA-256 of a 64 KiB message by init/update/final through its input
 * buffer, then a Merkle tree of 1024 leaves, four 64-byte nodes at a time (`batchHash4UintArray64s`: SIMD lanes in
 * the SIMD build).
 */
export function asSha256Run(exports: RawExports, n: number): string {
  const memory = () => new Uint8Array((exports.memory as { buffer: ArrayBuffer }).buffer);
  const input = globalValue(exports, 'input');
  const output = globalValue(exports, 'output');
  const inputLength = globalValue(exports, 'INPUT_LENGTH');
  const fn = (name: string) => exports[name] as (...args: number[]) => number;
  const data = repeated(1).subarray(0, 64 << 10);
  let out = '';
  for (let round = 0; round < n; round++) {
    fn('init')();
    for (let at = 0; at < data.length; at += inputLength) {
      const chunk = data.subarray(at, at + inputLength);
      memory().set(chunk, input);
      fn('update')(input, chunk.length);
    }
    fn('final')(output);
    out = Buffer.from(memory().subarray(output, output + 32)).toString('hex');
    // a Merkle tree over 1024 leaves of 32 bytes: parents of pairs, four pairs per call
    let level: Uint8Array = data.subarray(0, 1024 * 32);
    while (level.length > 32 * 4) {
      const next = new Uint8Array(level.length / 2);
      for (let i = 0; i < level.length; i += 256) {
        memory().set(level.subarray(i, i + 256), input);
        fn('batchHash4UintArray64s')(output);
        next.set(memory().subarray(output, output + 128), i / 2);
      }
      level = next;
    }
    out += `:${Buffer.from(level).toString('hex').slice(0, 16)}`;
  }
  return out;
}

function asSha256(simd: boolean): Program {
  return realProgram({
    name: simd ? 'as-sha256-simd' : 'as-sha256',
    kind: `SHA-256, Merkle tree (AssemblyScript${simd ? ', SIMD' : ''})`,
    categories: simd ? ['simd'] : [],
    origin: 'npm @chainsafe/as-sha256',
    n: 12,
    smokeN: 1,
    wasm: asSha256Wasm(simd),
    load: (session) => ({ exports: session.instantiateRaw(asImports) }),
    run: (api, n) => asSha256Run((api as Any).exports, n),
  });
}

/**
 * @phi-ag/argon2: the Argon2 reference code built with -msimd128 (its BlaMka rounds on i64x2 lanes: 64-bit adds,
 * 32x32->64 products, rotations by shuffles), driven by the package's own class: Argon2id of a password with 4 MiB
 * of memory, 2 passes, one lane, n times (a new salt each time: the checksum is the last encoded hash).
 */
const argon2 = realProgram({
  name: 'argon2-simd',
  kind: 'password hash (C, i64x2 SIMD)',
  categories: ['simd', 'i64-crypto'],
  origin: 'npm @phi-ag/argon2',
  n: 4,
  smokeN: 1,
  wasm: bytesOf('@phi-ag/argon2/dist/argon2.wasm'),
  load: async (session) => {
    const { default: Argon2 } = await import(packageFile('@phi-ag/argon2/dist/index.js'));
    return { argon2: new Argon2({ exports: session.instantiateRaw({}) }) };
  },
  run: (api, n) => {
    const argon2 = (api as Any).argon2;
    let out = '';
    for (let i = 0; i < n; i++) {
      const salt = new Uint8Array(16).map((_, k) => (k * 31 + i) & 255);
      const { encoded } = argon2.hash(`correct horse battery staple ${i}`, {
        salt,
        memoryCost: 4096,
        timeCost: 2,
        parallelism: 1,
        hashLength: 32,
      });
      out = encoded;
    }
    return out;
  },
});

/** as-chacha20poly1305: ChaCha20-Poly1305 seal and open of 64 KiB, n times (the package's class over the instance). */
const asChacha = realProgram({
  name: 'as-chacha20poly1305',
  kind: 'AEAD (AssemblyScript)',
  categories: ['i64-crypto'],
  origin: 'npm @chainsafe/as-chacha20poly1305',
  n: 16,
  smokeN: 1,
  wasm: () => require(packageFile('@chainsafe/as-chacha20poly1305/lib/src/wasmCode.js')).wasmCode as Uint8Array,
  load: (session) => {
    const { ChaCha20Poly1305 } = require(packageFile('@chainsafe/as-chacha20poly1305/lib/src/chacha20poly1305.js'));
    return { aead: new ChaCha20Poly1305(session.instantiateRaw(asImports)) };
  },
  run: (api, n) => {
    const aead = (api as Any).aead;
    const key = Buffer.alloc(32, 7);
    const data = repeated(1).subarray(0, 64 << 10);
    let out = '';
    for (let i = 0; i < n; i++) {
      const nonce = Buffer.alloc(12, i);
      const sealed: Uint8Array = aead.seal(key, nonce, data, Buffer.from('header'));
      const opened: Uint8Array | null = aead.open(key, nonce, sealed, Buffer.from('header'));
      if (!opened || Buffer.compare(Buffer.from(opened), data) !== 0) throw new Error('chacha20poly1305: open failed');
      out = `${sealed.length}:${fnv(sealed)}`;
    }
    return out;
  },
});

/** Our own C and C++ sources (programs/src, committed): clang-format's input. */
export function cSources(): string {
  const dir = resolve(programsDir, 'src');
  return readdirSync(dir)
    .filter((f) => /\.(c|cpp|h)$/.test(f))
    .sort()
    .map((f) => readFileSync(resolve(dir, f), 'utf8'))
    .join('\n');
}

/** clang-format (LLVM, C++, emscripten with embind): our C sources reformatted in Google style. */
const clangFormat = realProgram({
  name: 'clang-format',
  kind: 'C++ formatter (C++, LLVM)',
  categories: [],
  origin: 'npm @wasm-fmt/clang-format',
  n: 1,
  smokeN: 1,
  wasm: bytesOf('@wasm-fmt/clang-format/clang-format.wasm'),
  load: (session) => {
    const createModule = loadEmscriptenEsm(
      packageFile('@wasm-fmt/clang-format/clang-format.js'),
      webAssemblyFor(session),
      'createModule',
    ) as (arg: object) => Any;
    return { module: createModule({ wasm: bytesOf('@wasm-fmt/clang-format/clang-format.wasm')() }) };
  },
  run: (api, n) => {
    const { module } = api as Any;
    const source = cSources().slice(0, 8_000 * n);
    const formatter = new module.ClangFormat();
    formatter.with_style('Google');
    const { status, content } = formatter.format(source, 'bench.cpp');
    formatter.delete();
    if (status === module.ResultStatus.Error) throw new Error(`clang-format: ${content}`);
    return `${content.length}:${fnv(Buffer.from(content))}`;
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Image codecs: AVIF (libavif with libaom and dav1d, C, emscripten; Squoosh's build as @jsquash/avif ships it)

/** A generated RGBA image: gradients, rings and noise (deterministic). */
export function rgbaImage(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  const rnd = xorshift(99);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = Math.hypot(x - width / 2, y - height / 3);
      data[i] = (x * 255) / width;
      data[i + 1] = 128 + 127 * Math.sin(r / 6);
      data[i + 2] = ((x ^ y) & 0x3f) * 4 + rnd(8);
      data[i + 3] = 255;
    }
  return data;
}

const avifFactory = (session: Session, file: string) =>
  loadEmscriptenEsm(packageFile(file), webAssemblyFor(session)) as (arg: object) => Promise<Any>;
const avifOptions = {
  quality: 50,
  qualityAlpha: -1,
  denoiseLevel: 0,
  tileColsLog2: 0,
  tileRowsLog2: 0,
  speed: 8,
  subsample: 1,
  chromaDeltaQ: false,
  sharpness: 0,
  tune: 0,
  enableSharpYUV: false,
  bitDepth: 8,
  lossless: false,
};

/** The AVIF encoder: a 96x96 generated image at speed 8. */
const avifEncode = realProgram({
  name: 'avif-encode',
  kind: 'AVIF encoder (C, libaom)',
  categories: [],
  origin: 'npm @jsquash/avif',
  n: 1,
  smokeN: 0,
  wasm: bytesOf('@jsquash/avif/codec/enc/avif_enc.wasm'),
  load: async (session) => ({
    module: await avifFactory(
      session,
      '@jsquash/avif/codec/enc/avif_enc.js',
    )({
      noInitialRun: true,
      wasmBinary: bytesOf('@jsquash/avif/codec/enc/avif_enc.wasm')(),
    }),
  }),
  run: (api, n) => {
    const image = rgbaImage(64 + 32 * n, 64 + 32 * n);
    const out: Uint8Array = (api as Any).module.encode(
      new Uint8Array(image.buffer),
      64 + 32 * n,
      64 + 32 * n,
      avifOptions,
    );
    return `${out.length}:${fnv(out)}`;
  },
});

/** An AVIF file to decode: the generated image encoded once, natively, by the same package. */
let avifFile: Promise<Uint8Array> | undefined;
export function avifInput(): Promise<Uint8Array> {
  avifFile ??= (async () => {
    const factory = loadEmscriptenEsm(packageFile('@jsquash/avif/codec/enc/avif_enc.js'), WebAssemblyHost) as (
      arg: object,
    ) => Promise<Any>;
    const module = await factory({
      noInitialRun: true,
      wasmBinary: bytesOf('@jsquash/avif/codec/enc/avif_enc.wasm')(),
    });
    return new Uint8Array(module.encode(new Uint8Array(rgbaImage(256, 256).buffer), 256, 256, avifOptions));
  })();
  return avifFile;
}
/** The host's WebAssembly, untyped here (lib ES2022 declares none). */
const WebAssemblyHost = (globalThis as any).WebAssembly as Record<string, unknown>;

/** The AVIF decoder (dav1d): a 256x256 image decoded n times. */
const avifDecode = realProgram({
  name: 'avif-decode',
  kind: 'AVIF decoder (C, dav1d)',
  categories: [],
  origin: 'npm @jsquash/avif',
  n: 2,
  smokeN: 1,
  wasm: bytesOf('@jsquash/avif/codec/dec/avif_dec.wasm'),
  load: async (session) => ({
    module: await avifFactory(
      session,
      '@jsquash/avif/codec/dec/avif_dec.js',
    )({
      noInitialRun: true,
      wasmBinary: bytesOf('@jsquash/avif/codec/dec/avif_dec.wasm')(),
    }),
    file: await avifInput(),
  }),
  run: (api, n) => {
    const { module, file } = api as Any;
    let out = '';
    for (let i = 0; i < n; i++) {
      const image = module.decode(file, 8);
      if (!image) throw new Error('avif: decoding failed');
      out = `${image.width}x${image.height}:${fnv(new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength))}`;
    }
    return out;
  },
});

// ---------------------------------------------------------------------------------------------------------------
// meshoptimizer's decoder (C++, clang -O3 for wasm, with and without -msimd128: the package picks by feature test)

/** The decoder's module as meshopt_decoder.cjs unpacks it, SIMD or not (its own feature test answered). */
function meshoptWasm(simd: boolean): () => Uint8Array {
  let cached: Uint8Array | undefined;
  return () => {
    if (cached) return cached;
    let bytes: Uint8Array | undefined;
    const capture = {
      validate: () => simd,
      instantiate: (source: ArrayBuffer) => {
        bytes = new Uint8Array(source);
        return new Promise(() => {});
      },
    };
    loadCommonJs(packageFile('meshoptimizer/meshopt_decoder.cjs'), capture);
    if (!bytes) throw new Error('meshoptimizer: the decoder instantiated nothing');
    cached = bytes;
    return bytes;
  };
}

/** A grid mesh (positions and normals, 16-bit, 12 bytes a vertex; triangles), encoded once by meshopt's encoder. */
let meshFile:
  | Promise<{
      vertices: Uint8Array;
      indices: Uint8Array;
      count: number;
      triangles: number;
      /** The mesh before encoding (the codec is lossless: decoding gives these bytes back). */
      raw: { vertices: Uint8Array; indices: Uint8Array };
    }>
  | undefined;
export function meshInput() {
  meshFile ??= (async () => {
    const { MeshoptEncoder } = await import(packageFile('meshoptimizer/meshopt_encoder.js'));
    await MeshoptEncoder.ready;
    const side = 128;
    const count = side * side;
    const vertex = new Uint16Array(count * 6);
    const rnd = xorshift(5);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const i = (y * side + x) * 6;
        const h = Math.sin(x / 9) * Math.cos(y / 7);
        vertex.set([x * 256, y * 256, (h + 1) * 30000 + rnd(64), 32768 + h * 2000, 32768 - h * 3000, 60000], i);
      }
    const index = new Uint32Array((side - 1) * (side - 1) * 6);
    let k = 0;
    for (let y = 0; y < side - 1; y++)
      for (let x = 0; x < side - 1; x++) {
        const a = y * side + x;
        index.set([a, a + 1, a + side, a + 1, a + side + 1, a + side], k);
        k += 6;
      }
    return {
      vertices: MeshoptEncoder.encodeVertexBuffer(new Uint8Array(vertex.buffer), count, 12) as Uint8Array,
      indices: MeshoptEncoder.encodeIndexBuffer(new Uint8Array(index.buffer), index.length, 4) as Uint8Array,
      count,
      triangles: index.length,
      raw: { vertices: new Uint8Array(vertex.buffer), indices: new Uint8Array(index.buffer) },
    };
  })();
  return meshFile;
}

function meshopt(simd: boolean): Program {
  return realProgram({
    name: simd ? 'meshopt-decode-simd' : 'meshopt-decode',
    kind: `mesh codec (C++${simd ? ', SIMD' : ''})`,
    categories: simd ? ['simd'] : [],
    origin: 'npm meshoptimizer',
    n: 10,
    smokeN: 1,
    wasm: meshoptWasm(simd),
    load: async (session) => {
      const webAssembly = { ...webAssemblyFor(session), validate: () => simd };
      const decoder = loadCommonJs(packageFile('meshoptimizer/meshopt_decoder.cjs'), webAssembly) as Any;
      await decoder.ready;
      return { decoder, mesh: await meshInput() };
    },
    run: (api, n) => {
      const { decoder, mesh } = api as Any;
      const vertices = new Uint8Array(mesh.count * 12);
      const indices = new Uint8Array(mesh.triangles * 4);
      let h = 2166136261;
      for (let i = 0; i < n; i++) {
        decoder.decodeVertexBuffer(vertices, mesh.count, 12, mesh.vertices);
        decoder.decodeIndexBuffer(indices, mesh.triangles, 4, mesh.indices);
        h = Number.parseInt(fnv(vertices, h), 16);
      }
      return `${fnv(vertices)}:${fnv(indices)}:${h.toString(16)}`;
    },
  });
}

/** The real programs of this file. */
export const realPrograms: readonly Program[] = [
  quickjs,
  sqlite,
  zstd,
  oniguruma,
  markdown,
  gofmt,
  asSha256(false),
  asSha256(true),
  asChacha,
  clangFormat,
  avifEncode,
  avifDecode,
  meshopt(false),
  meshopt(true),
  argon2,
];

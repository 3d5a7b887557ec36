// `pnpm soak`: load tests for leaks (issue 11). Each configuration makes many short-lived instances (one store
// each, disposed, as a server with one store per request does) or compiles many distinct modules and drops them,
// and compares the heap and RSS after a warm-up (a fifth of the run; half for compilations) with the end of the run, both measured after
// forced collections. Not part of `pnpm test` (minutes, and figures, not assertions): run it by hand.
//
//   node --expose-gc --conditions=source --import tsx src/soak.ts [instances] [compilations] [only]
//
// Prints a table; a configuration whose heap or RSS grew by more than 10% after warm-up is marked (RSS is also
// shown half-way between: the host engine's code space for compiled wasm settles later).
//
// Each configuration runs in a child process of its own (a row neither pays for the process's own warm-up nor
// inherits another row's RSS), with glibc's `MALLOC_MMAP_THRESHOLD_` at 64 KiB. Why: the JS backend's on-demand
// instances each allocate a 64 KiB ArrayBuffer, freed only when V8 collects it; V8 collects when ~64 MB of
// such external memory is outstanding, and glibc keeps what it freed from its heap (its dynamic mmap threshold
// had risen above 64 KiB), so RSS rose by up to 60 MB at a random point of the run (+13.7% and +37.5% in two
// runs) while the heap, V8's external memory and the ArrayBuffer bytes stayed flat. With buffers of 64 KiB and
// more mmapped, a freed buffer leaves RSS at once, and RSS measures what is alive; the table also shows V8's
// external memory (ArrayBuffers included), which a leak of memories would raise.

import { spawnSync } from 'node:child_process';
import { setImmediate as tick } from 'node:timers/promises';
import { Config, Engine, Linker, Module, Store } from 'wasmts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (pnpm soak does)');

const INSTANCES = Number(process.argv[2] ?? 200_000);
const COMPILATIONS = Number(process.argv[3] ?? 10_000);

/** A tenant with a memory, a tag it throws and catches, and a table: runs on both backends. */
const TAG_MODULE = `(module
  (memory (export "memory") 1 2)
  (table 2 funcref)
  (tag $t (export "t") (param i32))
  (func $thrower (param i32) (throw $t (local.get 0)))
  (func (export "run") (param i32) (result i32)
    (i32.store (i32.const 16) (local.get 0))
    (try (result i32) (do (call $thrower (local.get 0)) (i32.const 0))
      (catch $t (i32.add (i32.load (i32.const 16)))))))`;

/** A tenant with a GC heap (structs and an array it keeps in a global) and a tag: the JS backend only on Node 20. */
const GC_MODULE = `(module
  (type $node (struct (field i32) (field (ref null $node))))
  (type $arr (array (mut i32)))
  (tag $t (param i32))
  (global $keep (mut (ref null $node)) (ref.null $node))
  (func (export "run") (param i32) (result i32) (local $a (ref $arr))
    (global.set $keep (struct.new $node (local.get 0) (struct.new $node (i32.const 1) (ref.null $node))))
    (local.set $a (array.new $arr (local.get 0) (i32.const 64)))
    (block $h (result i32)
      (try_table (catch $t $h) (throw $t (array.get $arr (local.get $a) (i32.const 3))))
      (i32.const 0))))`;

interface Row {
  readonly configuration: string;
  readonly count: number;
  readonly seconds: number;
  readonly heapWarm: number;
  readonly heapEnd: number;
  /** V8's external memory (ArrayBuffer backing stores included). */
  readonly externalWarm: number;
  readonly externalEnd: number;
  readonly rssWarm: number;
  /** RSS half-way from the warm-up to the end: RSS settling late (the host engine's code space) shows as mid close to end. */
  readonly rssMid: number;
  readonly rssEnd: number;
}

const MB = 1024 * 1024;

async function settle(): Promise<{ heap: number; rss: number; external: number }> {
  for (let i = 0; i < 4; i++) {
    await tick();
    gc!();
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss, external: m.external };
}

/**
 * Runs `step(i)` `count` times; measures after the warm-up (`warmupShare` of them), half-way between it and the
 * end, and at the end.
 */
async function soak(
  configuration: string,
  count: number,
  step: (i: number) => void,
  warmupShare = 1 / 5,
): Promise<Row> {
  const warmup = Math.max(1, Math.floor(count * warmupShare));
  const start = performance.now();
  for (let i = 0; i < warmup; i++) {
    step(i);
    if ((i & 4095) === 4095) await tick(); // let finalizers run, as a server's event loop would
  }
  const warm = await settle();
  const half = Math.floor((warmup + count) / 2);
  for (let i = warmup; i < half; i++) {
    step(i);
    if ((i & 4095) === 4095) await tick();
  }
  const mid = await settle();
  for (let i = half; i < count; i++) {
    step(i);
    if ((i & 4095) === 4095) await tick();
  }
  const end = await settle();
  const seconds = (performance.now() - start) / 1000;
  const row = {
    configuration,
    count,
    seconds,
    heapWarm: warm.heap,
    heapEnd: end.heap,
    externalWarm: warm.external,
    externalEnd: end.external,
    rssWarm: warm.rss,
    rssMid: mid.rss,
    rssEnd: end.rss,
  };
  console.error(`done: ${configuration} (${seconds.toFixed(1)} s)`);
  return row;
}

function instances(backend: 'js' | 'wasm', pooled: boolean, text: string, label: string): Promise<Row> {
  const engine = new Engine(
    new Config({ backend, ...(pooled ? { allocationStrategy: { pooling: { totalCoreInstances: 16 } } } : {}) }),
  );
  const module = new Module(engine, text);
  if (module.backend !== backend) throw new Error(`${label}: runs on ${module.backend}, not ${backend}`);
  const pre = new Linker<null>(engine).instantiatePre(module);
  return soak(`${label}, ${backend}, ${pooled ? 'pooled' : 'on-demand'}`, INSTANCES, (i) => {
    const store = new Store(engine, null);
    const r = pre
      .instantiate(store)
      .getTypedFunc<[number], number>('run')
      .call(i & 0xffff);
    if (r !== 2 * (i & 0xffff) && r !== (i & 0xffff)) throw new Error(`${label}: wrong result ${r}`);
    store.dispose();
  });
}

function compilations(backend: 'js' | 'wasm'): Promise<Row> {
  const engine = new Engine(new Config({ backend }));
  // each module has types of its own (a struct on the JS backend, a function type everywhere); one in 16 is
  // instantiated (in a store of its own, disposed: a long-lived store keeps its instances, and they their modules)
  return soak(
    `${COMPILATIONS} distinct modules, ${backend}`,
    COMPILATIONS,
    (i) => {
      const params = 'i32 '.repeat((i % 50) + 1);
      const struct =
        backend === 'js' ? `(type (struct (field i64) (field (mut i32)) ${'(field f32)'.repeat(i % 97)}))` : '';
      const text = `(module ${struct} (type (func (param ${params}) (result i64)))
      (func (export "k") (result i64) (i64.const ${i})))`;
      const module = new Module(engine, text);
      if (module.backend !== backend) throw new Error(`compiled for ${module.backend}`);
      if (i % 16 === 0) {
        const store = new Store(engine, null);
        new Linker<null>(engine).instantiate(store, module).getTypedFunc('k').call();
        store.dispose();
      }
      // the host engine's code space for compiled wasm settles late: over 10,000 compilations RSS rose 146 ->
      // 165 MB from a fifth to the end, over 40,000 it was 174 MB after a fifth and 179 MB at the end
    },
    1 / 2,
  );
}

// a fourth argument runs only the configurations whose name contains it
const only = process.argv[4];
const runs: [string, () => Promise<Row>][] = [];
for (const backend of ['js', 'wasm'] as const)
  for (const pooled of [false, true])
    runs.push([
      `tag ${backend} ${pooled ? 'pooled' : 'on-demand'}`,
      () => instances(backend, pooled, TAG_MODULE, 'tag + memory'),
    ]);
for (const pooled of [false, true])
  runs.push([`gc js ${pooled ? 'pooled' : 'on-demand'}`, () => instances('js', pooled, GC_MODULE, 'GC heap + tag')]);
for (const backend of ['js', 'wasm'] as const) runs.push([`compile ${backend}`, () => compilations(backend)]);
// in a child (SOAK_CHILD names its configuration): run it and print its row as JSON
const child = process.env.SOAK_CHILD;
if (child !== undefined) {
  const run = runs.find(([name]) => name === child);
  if (run === undefined) throw new Error(`no configuration ${child}`);
  console.log(JSON.stringify(await run[1]()));
  process.exit(0);
}
const rows: Row[] = [];
for (const [name] of runs) {
  if (only !== undefined && !name.includes(only)) continue;
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, SOAK_CHILD: name, MALLOC_MMAP_THRESHOLD_: String(64 * 1024) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${name}: the child failed (${r.status ?? r.signal})`);
  rows.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Row);
}

const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
const header = [
  'configuration',
  'count',
  's',
  'heap warm MB',
  'heap end MB',
  'heap',
  'external warm MB',
  'external end MB',
  'RSS warm MB',
  'RSS mid MB',
  'RSS end MB',
  'RSS',
  '',
];
const lines = rows.map((r) => {
  const flat = r.heapEnd <= r.heapWarm * 1.1 && r.externalEnd <= r.externalWarm * 1.1 && r.rssEnd <= r.rssWarm * 1.1;
  return [
    r.configuration,
    String(r.count),
    r.seconds.toFixed(1),
    (r.heapWarm / MB).toFixed(1),
    (r.heapEnd / MB).toFixed(1),
    pct(r.heapWarm, r.heapEnd),
    (r.externalWarm / MB).toFixed(1),
    (r.externalEnd / MB).toFixed(1),
    (r.rssWarm / MB).toFixed(1),
    (r.rssMid / MB).toFixed(1),
    (r.rssEnd / MB).toFixed(1),
    pct(r.rssWarm, r.rssEnd),
    flat ? 'flat' : 'GREW',
  ];
});
const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
const fmt = (cells: string[]) =>
  `| ${cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join(' | ')} |`;
console.log(fmt(header));
console.log(`|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const l of lines) console.log(fmt(l));

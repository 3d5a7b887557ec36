// Packs every publishable workspace package as `pnpm publish` would, installs the tarballs with npm in an empty
// folder outside the workspace, and uses them there: imports, types, and the `wasmts` bin. Needs the packages built
// (`pnpm test:pack` builds them first through turbo).

import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const work = mkdtempSync(join(tmpdir(), 'wasmts-pack-'));
afterAll(() => {
  if (!process.env.WASMTS_KEEP_PACK_TEST) rmSync(work, { recursive: true, force: true });
});

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  exports?: unknown;
  dependencies?: Record<string, string>;
  publishConfig?: { access?: string };
  [field: string]: unknown;
}

/** Publishable packages: every non-private package.json in the workspace's packages/ and apps/. */
function publishablePackages(): { dir: string; manifest: Manifest }[] {
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const file = join(root, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      if (!manifest.private) found.push({ dir: join(root, group, name), manifest });
    }
  }
  return found;
}

/** The environment for child npm/pnpm: without the variables of the pnpm run that started this test. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) && !keep.test(key)) continue;
    if (key === 'NODE_OPTIONS' || key.startsWith('VITEST') || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command and returns its stdout; throws with its output if it fails. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), timeout: 240_000, ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${String(options.cwd ?? process.cwd())}) exited with ${result.status ?? result.signal}\n` +
        `${String(result.stdout)}\n${String(result.stderr)}`,
    );
  }
  return String(result.stdout);
}

/** The packed package.json as it would be published. */
function packedManifest(tarball: string): Manifest {
  return JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'])) as Manifest;
}

// A module exporting `add: (i32, i32) -> i32`, in binary and in text.
const ADD_WASM = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x02,
  0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20,
  0x01, 0x6a, 0x0b,
];
const ADD_WAT = '(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))';

// Runs in the consumer folder as plain Node ESM: what a user of the published packages gets.
const CHECK_MJS = `
import assert from 'node:assert/strict';
import { decodeModule } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { runWast } from '@wasmts/wast';
import { createProgram } from '@wasmts/cli';

const binary = Uint8Array.from(${JSON.stringify(ADD_WASM)});
assert.ok(WebAssembly.validate(binary), 'fixture is valid for the host engine');
const module = decodeModule(binary, { validateBodies: true });
assert.deepEqual(module.exports.map((e) => [e.name, e.kind]), [['add', 'func']]);

const text = parseWat(${JSON.stringify(ADD_WAT)});
assert.ok(text instanceof Uint8Array, 'parseWat returns bytes');
assert.ok(WebAssembly.validate(text), 'parseWat output is valid for the host engine');
const { instance } = await WebAssembly.instantiate(text);
assert.equal(instance.exports.add(2, 3), 5);
assert.deepEqual(decodeModule(text, { validateBodies: true }).exports.map((e) => e.name), ['add']);

assert.equal(typeof runWast, 'function');
assert.equal(typeof createProgram, 'function');
console.log('imports ok');
`;

// Runs under `node --jitless` (no host WebAssembly) in the consumer folder: the drop-in from the one bundled file
// (`wasmts/bundle/polyfill`, which the published tarball must carry built) and from the compiled modules.
const JITLESS_MJS = (entry: string) => `
import assert from 'node:assert/strict';
assert.equal(typeof WebAssembly, 'undefined', 'no host WebAssembly under --jitless');
const { install } = await import(${JSON.stringify(entry)});
assert.equal(install(), WebAssembly, 'install() gives the namespace the import installed');
const bytes = Uint8Array.from(${JSON.stringify(ADD_WASM)});
const { instance } = await WebAssembly.instantiate(bytes);
assert.equal(instance.exports.add(2, '3'), 5);
assert.throws(() => new WebAssembly.Module(bytes.subarray(0, 12)), WebAssembly.CompileError);
console.log('drop-in ok');
`;

// Type-checked in the consumer folder with the workspace's tsc: the published .d.ts files resolve (NodeNext).
const CHECK_TS = `
import { decodeModule, type Module } from '@wasmts/environ';
import { parseWat } from '@wasmts/wat';
import { runWast } from '@wasmts/wast';
import { createProgram } from '@wasmts/cli';
import { Config, createWebAssembly } from 'wasmts/bundle';
import { install } from 'wasmts/bundle/polyfill';

export const ns = install({ force: true, config: new Config({ backend: 'js' }) });
export const own = createWebAssembly();
const bytes: Uint8Array = parseWat(${JSON.stringify(ADD_WAT)});
const module: Module = decodeModule(bytes, { validateBodies: true });
export const names: string[] = module.exports.map((e) => e.name);
export const run: typeof runWast = runWast;
export const program = createProgram();
`;

it('packs, installs outside the workspace and runs every publishable package', () => {
  const packages = publishablePackages();
  expect(packages.map((p) => p.manifest.name).sort()).toEqual(
    expect.arrayContaining(['@wasmts/cli', '@wasmts/environ', '@wasmts/wast', '@wasmts/wat']),
  );
  const names = new Set(packages.map((p) => p.manifest.name));

  // 1. Pack, as `pnpm publish` does (publishConfig applied, workspace: ranges rewritten).
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  const tarballs: string[] = [];
  for (const { dir, manifest } of packages) {
    for (const entry of ['dist/index.js', 'dist/index.d.ts']) {
      if (!existsSync(join(dir, entry))) {
        throw new Error(
          `${relative(root, dir)}/${entry} is missing: build first (pnpm test:pack builds through turbo)`,
        );
      }
    }
    const before = new Set(readdirSync(tarballDir));
    run('pnpm', ['pack', '--pack-destination', tarballDir], { cwd: dir });
    const added = readdirSync(tarballDir).filter((f) => !before.has(f));
    expect(added, `one tarball for ${manifest.name}`).toHaveLength(1);
    const tarball = join(tarballDir, added[0]);
    tarballs.push(tarball);

    // 2. What is published: real version ranges, no source condition, the built files, no tests.
    const packed = packedManifest(tarball);
    expect(packed.name).toBe(manifest.name);
    for (const [dep, range] of Object.entries(packed.dependencies ?? {})) {
      expect(range, `${manifest.name} -> ${dep}`).not.toMatch(/^workspace:/);
      if (names.has(dep)) expect(range, `${manifest.name} -> ${dep}`).toMatch(/^\^?\d+\.\d+\.\d+/);
    }
    expect(JSON.stringify(packed.exports), `${manifest.name} exports`).not.toContain('"source"');
    expect(packed.publishConfig?.access ?? 'public').toBe('public');
    for (const field of ['description', 'license', 'repository', 'engines', 'types']) {
      expect(packed[field], `${manifest.name} ${field}`).toBeTruthy();
    }
    expect(packed.license).toBe('Apache-2.0');
    const files = run('tar', ['-tzf', tarball]).split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/LICENSE');
    expect(files.filter((f) => /^package\/(test|node_modules)\//.test(f) || f.endsWith('.tsbuildinfo'))).toEqual([]);
    for (const bin of Object.values(packed.bin ?? {})) expect(files).toContain(`package/${bin.replace(/^\.\//, '')}`);
  }

  // 3. Install the tarballs in an empty folder outside the workspace (their other dependencies come from the registry).
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'wasmts-pack-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs], {
    cwd: consumer,
  });

  // 4. Use them: every package imports, and a real call into each layer that has one.
  const importAll = [...names].map((name) => `await import(${JSON.stringify(name)});`).join('\n');
  writeFileSync(join(consumer, 'import-all.mjs'), `${importAll}\nconsole.log('all imported');\n`);
  expect(run('node', ['import-all.mjs'], { cwd: consumer })).toContain('all imported');
  writeFileSync(join(consumer, 'check.mjs'), CHECK_MJS);
  expect(run('node', ['check.mjs'], { cwd: consumer })).toContain('imports ok');
  for (const [file, entry] of [
    ['jitless-bundle.mjs', 'wasmts/bundle/polyfill'],
    ['jitless-modules.mjs', 'wasmts/polyfill'],
  ]) {
    writeFileSync(join(consumer, file), JITLESS_MJS(entry));
    expect(run('node', ['--jitless', '--no-warnings', file], { cwd: consumer }), entry).toContain('drop-in ok');
  }

  // 5. The published types resolve for a NodeNext consumer.
  writeFileSync(join(consumer, 'check.ts'), CHECK_TS);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      },
      files: ['check.ts'],
    }),
  );
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer });

  // 6. The `wasmts` bin.
  const bin = join(consumer, 'node_modules/.bin/wasmts');
  const cliVersion = packages.find((p) => p.manifest.name === '@wasmts/cli')?.manifest.version;
  expect(run(bin, ['--version'], { cwd: consumer }).trim()).toBe(cliVersion);
  const help = run(bin, ['--help'], { cwd: consumer });
  expect(help).toContain('inspect');
  expect(help).toContain('wast');
  writeFileSync(join(consumer, 'add.wat'), ADD_WAT);
  expect(run(bin, ['inspect', 'add.wat'], { cwd: consumer })).toContain('add');
});

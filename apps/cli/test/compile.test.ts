// `wasmts compile` and loading its artifacts: in-process (with a spy on codegen's compileModule, to see
// that an artifact is not compiled again), and the command as a process (a few spawns, each ~1 s).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { Config, Engine, isArtifact, Module, type PrecompiledModule } from 'wasmts';
import { compileCommand, defaultOutput } from '../src/compile.js';
import { formatInspect, inspectFile } from '../src/inspect.js';
import { runCommand } from '../src/run.js';

// @wasmts/codegen is no dependency of the CLI: mock it by its source path, which `wasmts` resolves to
const codegen = vi.hoisted(() => ({ compiles: 0 }));
vi.mock('../../../packages/codegen/src/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../packages/codegen/src/index.js')>();
  return {
    ...original,
    compileModule: (...args: Parameters<typeof original.compileModule>) => {
      codegen.compiles++;
      return original.compileModule(...args);
    },
  };
});

const cliDir = join(import.meta.dirname, '..');
const hello = join(cliDir, 'examples', 'hello-wasi.wasm');
const dir = mkdtempSync(join(tmpdir(), 'wasmts-compile-'));

function wasmts(...args: string[]) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: cliDir,
    encoding: 'utf8',
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `file` in-process and collects the guest's stdout. */
async function runCaptured(file: string, options: Parameters<typeof runCommand>[2] = {}) {
  const chunks: Uint8Array[] = [];
  const code = await runCommand(
    file,
    [],
    { allowPrecompiled: true, ...options },
    { stdout: (c) => chunks.push(c.slice()) },
  );
  return { code, stdout: Buffer.concat(chunks).toString('utf8') };
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('compile and run in-process', () => {
  it('names the output after the input', () => {
    expect(defaultOutput(join('a', 'b', 'hello.wasm'))).toBe(join('a', 'b', 'hello.wasmts'));
    expect(defaultOutput('prog.wat')).toBe('prog.wasmts');
    expect(defaultOutput('noext')).toBe('noext.wasmts');
    expect(defaultOutput('prog.wasm', 'esm')).toBe('prog.wasmts.mjs');
    expect(defaultOutput('prog.wasm', 'cjs')).toBe('prog.wasmts.cjs');
  });

  it('--format esm writes the JS module an app bundles, which Module.fromPrecompiled loads without compiling', async () => {
    const out = join(dir, 'hello.wasmts.mjs');
    const before = codegen.compiles;
    // a JS module holds the js backend's code, whatever the host compiling it would run
    expect(await compileCommand(hello, { output: out, format: 'esm' })).toBe(out);
    expect(codegen.compiles).toBe(before + 1);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('// ')).toBe(true);
    expect(text).toContain('export default precompiled;');
    const pre = ((await import(pathToFileURL(out).href)) as { default: PrecompiledModule }).default;
    const engine = new Engine(new Config({ backend: 'js' }));
    const module = Module.fromPrecompiled(engine, pre);
    expect(codegen.compiles).toBe(before + 1);
    expect(module.exports().map((e) => e.name)).toContain('_start');
    await expect(compileCommand(hello, { output: join(dir, 'x.mjs'), format: 'esm', backend: 'wasm' })).rejects.toThrow(
      /--backend wasm/,
    );
  });

  it('runs an artifact without compiling it again (js backend)', async () => {
    const out = join(dir, 'hello-inproc.wasmts');
    const before = codegen.compiles;
    expect(await compileCommand(hello, { output: out, backend: 'js' })).toBe(out);
    expect(codegen.compiles).toBe(before + 1);
    expect(isArtifact(readFileSync(out))).toBe(true);

    expect(await runCaptured(out)).toEqual({ code: 0, stdout: 'hello from wasmts\n' });
    expect(codegen.compiles).toBe(before + 1);
    // the spy does see compilation: the .wasm itself is compiled when run
    expect(await runCaptured(hello, { backend: 'js' })).toEqual({ code: 0, stdout: 'hello from wasmts\n' });
    expect(codegen.compiles).toBe(before + 2);
  });

  it('compiles for the wasm backend: the artifact holds no code and loads without generating any', async () => {
    const out = join(dir, 'hello-wasm.wasmts');
    const before = codegen.compiles;
    await compileCommand(hello, { output: out, backend: 'wasm' });
    const info = await inspectFile(out);
    expect(info.artifact).toMatchObject({ backend: 'wasm', source: 0 });
    expect(await runCaptured(out)).toEqual({ code: 0, stdout: 'hello from wasmts\n' });
    expect(codegen.compiles).toBe(before);
  });

  it('refuses fuel mismatches, other versions and non-artifacts with one clear error', async () => {
    const plain = join(dir, 'plain.wasmts');
    const fueled = join(dir, 'fueled.wasmts');
    await compileCommand(hello, { output: plain });
    await compileCommand(hello, { output: fueled, consumeFuel: true });
    await expect(runCaptured(plain, { fuel: 1000 })).rejects.toThrow(
      /compiled without fuel metering.*wasmts compile --consume-fuel/,
    );
    await expect(runCaptured(fueled)).rejects.toThrow(/compiled with --consume-fuel; run it with --fuel N/);
    expect(await runCaptured(fueled, { fuel: 10_000_000 })).toEqual({ code: 0, stdout: 'hello from wasmts\n' });

    // another version, with a valid checksum: refused by the version check
    const bytes = new Uint8Array(readFileSync(plain));
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf('wasmts-js/1');
    expect(at).toBeGreaterThan(0);
    bytes[at + 'wasmts-js/'.length] = '9'.charCodeAt(0);
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
    const other = join(dir, 'other.wasmts');
    writeFileSync(other, bytes);
    await expect(runCaptured(other)).rejects.toThrow(/version mismatch: it was compiled by `wasmts-js\/9/);

    await expect(compileCommand(plain)).rejects.toThrow(/already a compiled wasmts artifact/);
  });

  it('inspects an artifact: version, settings and the module', async () => {
    const out = join(dir, 'hello-inspect.wasmts');
    await compileCommand(hello, { output: out, consumeFuel: true, backend: 'js' });
    const info = await inspectFile(out);
    expect(info.artifact).toMatchObject({ backend: 'js', consumeFuel: true, epochInterruption: false });
    expect(info.artifact?.version).toMatch(/^wasmts-js\//);
    expect(info.size).toBe(readFileSync(hello).length);
    expect(info.exports.map((e) => e.name)).toContain('_start');
    const text = formatInspect(info);
    expect(text).toMatch(/^.*hello-inspect\.wasmts: wasmts artifact, \d+ bytes \(module \d+ bytes/);
    expect(text).toContain('\nartifact version: wasmts-js/');
    expect(text).toContain('\ncompiled for: fuel metering on, epoch interruption off\n');
    expect(text).toContain('\nimports: ');
  });
});

describe('wasmts compile', () => {
  it('--js-target shapes the JS for another host: interpreter forms from Node (for Hermes), jit forms; bad names refused', () => {
    const input = join(dir, 'forms.wat');
    writeFileSync(
      input,
      `(module (memory (export "memory") 1)
        (func (export "f") (param i32) (result f64)
          (f64.add (f64.mul (f64.load (local.get 0)) (f64.const 1)) (f64.convert_i32_u (i32.load8_u (local.get 0))))))`,
    );
    const forms: Record<string, [boolean, boolean]> = {};
    for (const target of ['interpreter', 'jit']) {
      const out = join(dir, `forms-${target}.wasmts`);
      expect(wasmts('compile', '--backend', 'js', '--js-target', target, '-o', out, input)).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      const text = readFileSync(out).toString('latin1');
      // the Uint8Array byte load, and the f64 load quieted where V8's JIT could fold `* 1` (the interpreter's is plain)
      forms[target] = [text.includes('U0['), text.includes(' + -0)')];
    }
    expect(forms).toEqual({ interpreter: [true, false], jit: [false, true] });
    const bad = wasmts('compile', '--js-target', 'hermes', input);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/js-target/);
  });

  it('compiles hello-wasi to hello-wasi.wasmts, which run loads; a corrupted artifact never runs', () => {
    const input = join(dir, 'hello-wasi.wasm');
    copyFileSync(hello, input);
    const compiled = wasmts('compile', input);
    expect(compiled).toEqual({ code: 0, stdout: '', stderr: '' });
    const artifact = join(dir, 'hello-wasi.wasmts');
    expect(existsSync(artifact)).toBe(true);

    // an artifact's code runs as the host: refused without --allow-precompiled, as in wasmtime
    const refused = wasmts('run', artifact);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('precompiled artifact');
    expect(refused.stderr).toContain('--allow-precompiled');
    expect(wasmts('run', '--allow-precompiled', artifact)).toEqual({
      code: 0,
      stdout: 'hello from wasmts\n',
      stderr: '',
    });

    const bytes = readFileSync(artifact);
    bytes[bytes.length - 100] ^= 0x20;
    const bad = join(dir, 'bad.wasmts');
    writeFileSync(bad, bytes);
    expect(wasmts('run', '--allow-precompiled', bad)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: ${bad}: corrupted module artifact (checksum mismatch)\n`,
    });
  });
});

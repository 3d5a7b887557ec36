// Known answers for the real programs of src/programs-real.ts, checked on native (cheap: `pnpm test` stays fast;
// the bench checks every configuration's answer against native's, and test/programs.test.ts runs the small modules
// on the js backend).
import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Program, Session } from '../src/program.js';
import { type Configuration, js, native } from '../src/programs-configs.js';
import { esbuild } from '../src/programs-go.js';
import { fnv, javascriptSource } from '../src/programs-npm.js';
import {
  avifInput,
  meshInput,
  ONIG_PATTERNS,
  peek,
  quickjsScript,
  realPrograms,
  rgbaImage,
  xorshift,
} from '../src/programs-real.js';

const byName = (name: string): Program => {
  const program = realPrograms.find((p) => p.name === name);
  if (!program) throw new Error(`no program ${name}`);
  return program;
};
/** The package's API over a session of `name` (what the program's `load` made), and the session. */
async function open(name: string, config: Configuration = native) {
  const program = byName(name);
  const loaded = await config.load(program);
  if ('unavailable' in loaded) throw new Error(loaded.unavailable);
  await program.init?.(loaded.session);
  return { program, session: loaded.session as Session };
}
describe('real programs: known answers', () => {
  it('quickjs: QuickJS evaluates the script to what V8 does', async () => {
    const { program, session } = await open('quickjs');
    const v8 = new Function(`return ${quickjsScript(1)}`)() as string;
    expect(v8.split(':')).toHaveLength(9);
    expect(program.run(session, 1)).toBe(JSON.stringify(v8));
  });

  it('esbuild (Go): minifies the file (shorter, its export kept)', async () => {
    const loaded = await native.load(esbuild);
    if ('unavailable' in loaded) throw new Error(loaded.unavailable);
    const session = loaded.session;
    const { runEsbuild } = await import('../src/programs-go.js');
    const prepared = esbuild.prepare?.(session);
    const out = runEsbuild(prepared as Parameters<typeof runEsbuild>[0]);
    const source = readJs();
    expect(out.length).toBeGreaterThan(1000);
    expect(out.length).toBeLessThan(source.length * 0.6);
    // both are ES modules exporting WebAssembly: the minified one keeps its export names
    expect(out).toMatch(/export\s*\{[^}]*as WebAssembly/);
    expect(esbuild.run(session, 1, esbuild.prepare?.(session))).toMatch(new RegExp(`^${out.length}:`));
  });

  it('as-sha256 (both builds): the digest is SHA-256, the Merkle tree is SHA-256 of pairs', async () => {
    const data = Buffer.from(readJs()).subarray(0, 64 << 10);
    let level: Buffer = data.subarray(0, 1024 * 32);
    while (level.length > 128) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 64)
        next.push(
          createHash('sha256')
            .update(level.subarray(i, i + 64))
            .digest(),
        );
      level = Buffer.concat(next);
    }
    const expected = `${createHash('sha256').update(data).digest('hex')}:${level.toString('hex').slice(0, 16)}`;
    for (const name of ['as-sha256', 'as-sha256-simd']) {
      for (const config of [native, js]) {
        const { program, session } = await open(name, config);
        expect(program.run(session, 1), `${name} on ${config.name}`).toBe(expected);
      }
    }
  });

  // (test/programs.test.ts checks that the js backend computes native's answer)
  it("argon2-simd: the package's Argon2id (i64x2 SIMD) is hash-wasm's", async () => {
    const { argon2id } = await import('hash-wasm');
    const salt = new Uint8Array(16).map((_, k) => (k * 31) & 255);
    const expected = await argon2id({
      password: 'correct horse battery staple 0',
      salt,
      parallelism: 1,
      iterations: 2,
      memorySize: 4096,
      hashLength: 32,
      outputType: 'encoded',
    });
    expect(expected).toMatch(/^\$argon2id\$v=19\$m=4096,t=2,p=1\$/);
    const { program, session } = await open('argon2-simd');
    expect(program.run(session, 1)).toBe(expected);
  });

  it("as-chacha20poly1305: seal is node:crypto's ChaCha20-Poly1305", async () => {
    const { program, session } = await open('as-chacha20poly1305');
    const data = Buffer.from(readJs()).subarray(0, 64 << 10);
    const cipher = createCipheriv('chacha20-poly1305', Buffer.alloc(32, 7), Buffer.alloc(12, 0), { authTagLength: 16 });
    cipher.setAAD(Buffer.from('header'), { plaintextLength: data.length });
    const sealed = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
    expect(program.run(session, 1)).toBe(`${sealed.length}:${fnv(sealed)}`);
  });

  it('sqlite: SQLite answers a grouping query as JavaScript computes it', async () => {
    const { program, session } = await open('sqlite');
    const SQL = peek(program, session).SQL;
    const db = new SQL.Database();
    db.run('CREATE TABLE t (k INTEGER, v INTEGER)');
    const rnd = xorshift(3);
    const rows = Array.from({ length: 2000 }, () => [rnd(20), rnd(1000)]);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const row of rows) insert.run(row);
    insert.free();
    const [result] = db.exec('SELECT k, COUNT(*), SUM(v), MAX(v) FROM t WHERE v > 100 GROUP BY k ORDER BY k');
    db.close();
    const groups = new Map<number, number[]>();
    for (const [k, v] of rows) if (v > 100) groups.set(k, [...(groups.get(k) ?? []), v]);
    const expected = [...groups.keys()]
      .sort((a, b) => a - b)
      .map((k) => {
        const vs = groups.get(k) ?? [];
        return [k, vs.length, vs.reduce((a, b) => a + b, 0), Math.max(...vs)];
      });
    expect(result.values).toEqual(expected);
    expect(program.run(session, 1)).toMatch(/^\d+:[0-9a-f]{8}$/);
  });

  it('oniguruma: the scanner finds the matches JavaScript regular expressions find', async () => {
    const { program, session } = await open('oniguruma');
    const text = readJs().slice(0, 40_000);
    const res = ONIG_PATTERNS.map((p) => new RegExp(p, 'g'));
    const counts = new Array(ONIG_PATTERNS.length).fill(0);
    let h = 2166136261;
    for (const line of text.split('\n')) {
      let pos = 0;
      while (pos < line.length) {
        let best: { index: number; start: number; end: number } | undefined;
        res.forEach((re, index) => {
          re.lastIndex = pos;
          const m = re.exec(line);
          if (m && (!best || m.index < best.start)) best = { index, start: m.index, end: m.index + m[0].length };
        });
        if (!best) break;
        counts[best.index]++;
        // UTF-16 and UTF-8 offsets agree here: the file is ASCII
        h = Math.imul(h ^ (best.start * 31 + best.end), 16777619) >>> 0;
        pos = best.end > pos ? best.end : pos + 1;
      }
    }
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    expect(program.run(session, 1)).toBe(`${counts.join(',')}:${h.toString(16)}`);
  });

  it('markdown: md4c renders CommonMark as expected', async () => {
    const { program, session } = await open('markdown');
    const html = peek(program, session).parse('# Hi\n\n*a* `b` [c](d)\n\n- x\n- y\n');
    // markdown-wasm's defaults: headings get anchors (its option `parseFlags`)
    expect(html).toBe(
      '<h1><a id="hi" class="anchor" aria-hidden="true" href="#hi"></a>Hi</h1>\n' +
        '<p><em>a</em> <code>b</code> <a href="d">c</a></p>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n',
    );
  });

  it('gofmt: formats Go as gofmt does', async () => {
    const { program, session } = await open('gofmt');
    const { exports, format } = peek(program, session);
    expect(format(exports, 'package main\nfunc  main( ){x:=1\n_=x}')).toBe(
      'package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n',
    );
  });

  it('clang-format: formats C in Google style', async () => {
    const { program, session } = await open('clang-format');
    const { module } = peek(program, session);
    const formatter = new module.ClangFormat();
    formatter.with_style('Google');
    const { content } = formatter.format('int  main( ){if(x)\nreturn 0;}', 'a.c');
    formatter.delete();
    expect(content).toBe('int main() {\n  if (x) return 0;\n}');
  });

  it('avif-decode: the decoded image is close to the one encoded', async () => {
    const { program, session } = await open('avif-decode');
    const { module } = peek(program, session);
    const image = module.decode(await avifInput(), 8);
    expect([image.width, image.height]).toEqual([256, 256]);
    const original = rgbaImage(256, 256);
    let error = 0;
    for (let i = 0; i < original.length; i++) error += Math.abs(original[i] - image.data[i]);
    expect(error / original.length).toBeLessThan(12); // lossy (quality 50), but the same picture
    expect(error).toBeGreaterThan(0);
  });

  it('meshopt-decode (both builds): decoding gives the encoded mesh back (a lossless codec)', async () => {
    const mesh = await meshInput();
    for (const name of ['meshopt-decode', 'meshopt-decode-simd']) {
      const { program, session } = await open(name);
      const { decoder } = peek(program, session);
      const vertices = new Uint8Array(mesh.count * 12);
      const indices = new Uint8Array(mesh.triangles * 4);
      decoder.decodeVertexBuffer(vertices, mesh.count, 12, mesh.vertices);
      decoder.decodeIndexBuffer(indices, mesh.triangles, 4, mesh.indices);
      expect(Buffer.compare(vertices, mesh.raw.vertices), `${name} vertices`).toBe(0);
      // the index codec keeps the triangles and their order, but may rotate a triangle's corners
      const got = new Uint32Array(indices.buffer);
      const want = new Uint32Array(mesh.raw.indices.buffer);
      let same = 0;
      for (let t = 0; t < want.length; t += 3) {
        const [a, b, c] = want.subarray(t, t + 3);
        const g = got.subarray(t, t + 3).join();
        if (g === [a, b, c].join() || g === [b, c, a].join() || g === [c, a, b].join()) same++;
      }
      expect(same, `${name} triangles`).toBe(want.length / 3);
    }
  });
});

/** The fixed JavaScript file the programs use (polywasm's index.js, pinned by the lockfile). */
const readJs = javascriptSource;

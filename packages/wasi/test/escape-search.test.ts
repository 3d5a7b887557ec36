// An attacker's random walk: seeded sequences of directory, symlink, rename, link, open and close calls
// through the open directory descriptors, swaps of a name for a symlink, and host-made absolute symlinks,
// on both filesystems. After every step each open directory is probed: nothing above the preopen may ever
// be listed, read, created, changed or removed. (With dirPath's checks disabled, seeds 8 and 16 find the
// issue-11 escape on the Node filesystem.)

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MemoryFilesystem,
  NodeFilesystem,
  Oflags,
  Rights,
  type WasiFilesystem,
  type WasiOptions,
} from '../src/index.js';
import { tempDir, writeTree } from './backends.js';
import { setup } from './harness.js';

const ALL = (1n << 30n) - 1n;
/** Names that exist only outside the sandbox: a guest seeing one has escaped. */
const OUTSIDE_NAMES = ['secret.txt', 'outside', 'sandbox'];
const NAMES = ['a', 'b', 'a/b'];
const TARGETS = ['..', '../..', 'a', 'b/..', '../outside', 'a/../..', '.', 'l/..'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  options: WasiOptions;
  fs: WasiFilesystem;
  at(rel: string): string;
}

const backends: { name: string; make(): World }[] = [
  {
    name: 'memory',
    make() {
      const fs = new MemoryFilesystem({
        'secret.txt': 'secret',
        outside: { 'secret.txt': 'secret' },
        sandbox: {},
      });
      return { options: { fs, preopens: { '/sandbox': '/sandbox' } }, fs, at: (r) => `/${r}` };
    },
  },
  {
    name: 'node',
    make() {
      const root = tempDir();
      writeTree(root, { 'secret.txt': 'secret', outside: { 'secret.txt': 'secret' }, sandbox: {} });
      return {
        options: { preopens: { '/sandbox': join(root, 'sandbox') } },
        fs: new NodeFilesystem(),
        at: (r) => join(root, r),
      };
    },
  },
];

function outsideState(w: World): string {
  const st = (r: string) => {
    const s = w.fs.lstat(w.at(r));
    return `${r}:${s.filetype}:${s.size}:${s.mtim}:${s.nlink}`;
  };
  return [st('secret.txt'), st('outside'), st('outside/secret.txt'), w.fs.readdir(w.at('outside')).join(',')].join(' ');
}

describe.each(backends)('an attacker walking at random ($name)', (backend) => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: 50 calls never reach outside the preopen', (seed) => {
    const w = backend.make();
    const h = setup(w.options);
    const before = outsideState(w);
    const random = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const dirs = [3];
    const s = (x: string) => h.str(x);
    const names = (fd: number): string[] => {
      const buf = h.alloc(4096);
      const used = h.alloc(4);
      if (h.call('fd_readdir', fd, buf, 4096, 0n, used) !== 0) return [];
      const out: string[] = [];
      for (let off = 0; off + 24 <= h.u32(used); ) {
        const len = h.u32(buf + off + 16);
        out.push(h.text(buf + off + 24, Math.min(len, h.u32(used) - off - 24)));
        off += 24 + len;
      }
      return out;
    };
    /** Removes `path` under `fd` and everything below it, as a guest can; returns the last errno. */
    const remove = (fd: number, path: string): number => {
      const out = h.alloc(4);
      const e = h.call('path_open', fd, 0, ...s(path), Oflags.DIRECTORY, ALL & ~Rights.FD_WRITE, ALL, 0, out);
      if (e !== 0) return h.path('path_unlink_file', fd, path);
      const sub = h.u32(out);
      for (const n of names(sub)) if (n !== '.' && n !== '..') remove(fd, `${path}/${n}`);
      h.call('fd_close', sub);
      return h.path('path_remove_directory', fd, path);
    };
    const log: string[] = [];
    for (let step = 0; step < 50; step++) {
      h.reset();
      const fd = pick(dirs);
      const name = pick(NAMES);
      // Weighted towards what builds an attack: directories made, opened, removed and replaced by symlinks.
      const op = pick([0, 0, 0, 0, 1, 2, 2, 3, 4, 4, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12]);
      let what = '';
      switch (op) {
        case 0:
          what = `mkdir ${fd} ${name} -> ${h.path('path_create_directory', fd, name)}`;
          break;
        case 1:
          what = `rmdir ${fd} ${name} -> ${h.path('path_remove_directory', fd, name)}`;
          break;
        case 2: {
          const target = pick(TARGETS);
          what = `symlink ${target} ${fd} ${name} -> ${h.call('path_symlink', ...s(target), fd, ...s(name))}`;
          break;
        }
        case 3:
          what = `unlink ${fd} ${name} -> ${h.path('path_unlink_file', fd, name)}`;
          break;
        case 4: {
          const [fd2, name2] = [pick(dirs), pick(NAMES)];
          what = `rename ${fd} ${name} ${fd2} ${name2} -> ${h.call('path_rename', fd, ...s(name), fd2, ...s(name2))}`;
          break;
        }
        case 5: {
          const follow = random() < 0.7 ? 1 : 0;
          const out = h.alloc(4);
          const e = h.call('path_open', fd, follow, ...s(name), Oflags.DIRECTORY, ALL & ~Rights.FD_WRITE, ALL, 0, out);
          if (e === 0) dirs.push(h.u32(out));
          // At most 6 open at once (the oldest below the preopen is closed), so probing stays cheap.
          if (dirs.length > 6) h.call('fd_close', dirs.splice(1, 1)[0]);
          what = `opendir ${fd} ${name} ${follow} -> ${e}${e === 0 ? ` fd ${h.u32(out)}` : ''}`;
          break;
        }
        case 6: {
          if (dirs.length > 1) {
            const i = 1 + Math.floor(random() * (dirs.length - 1));
            what = `close ${dirs[i]} -> ${h.call('fd_close', dirs[i])}`;
            dirs.splice(i, 1);
          }
          break;
        }
        case 7: {
          const [e, f] = h.open(fd, `${name}/new.txt`, Oflags.CREAT, Rights.FD_WRITE | Rights.FD_READ, 0, 1);
          if (e === 0) {
            h.write(f, 'guest');
            h.call('fd_close', f);
          }
          what = `create ${fd} ${name}/new.txt -> ${e}`;
          break;
        }
        case 8: {
          for (const p of ['secret.txt', `${name}/secret.txt`, `${name}/../secret.txt`]) {
            const [e, f] = h.open(fd, p, 0, Rights.FD_READ, 0, 1);
            const text = e === 0 ? h.read(f, 16)[1] : '';
            if (e === 0) h.call('fd_close', f);
            expect(text, `read ${fd} ${p} after:\n${log.join('\n')}`).not.toBe('secret');
          }
          what = `read ${fd} ${name}`;
          break;
        }
        case 9: {
          const listed = names(fd);
          for (const n of OUTSIDE_NAMES) expect(listed, `readdir ${fd} after:\n${log.join('\n')}`).not.toContain(n);
          what = `readdir ${fd}`;
          break;
        }
        case 10: {
          const [fd2, name2] = [pick(dirs), pick(NAMES)];
          const e = h.call('path_link', fd, random() < 0.5 ? 1 : 0, ...s(name), fd2, ...s(name2));
          what = `link ${fd} ${name} ${fd2} ${name2} -> ${e}`;
          break;
        }
        case 12: {
          // The attack's core: what is at a name is removed and a symlink put in its place.
          const target = pick(TARGETS);
          const e = remove(fd, name);
          what = `swap ${fd} ${name} (${e}) for a symlink to ${target} -> ${h.call('path_symlink', ...s(target), fd, ...s(name))}`;
          break;
        }
        default: {
          // The host plants an absolute symlink to outside at the sandbox's top (below it, its own path
          // could go through the guest's symlinks).
          const top = name.split('/')[0];
          try {
            w.fs.symlink(w.at('outside'), w.at(`sandbox/${top}`));
            what = `host symlink sandbox/${top}`;
          } catch {
            what = `host symlink sandbox/${top} failed`;
          }
        }
      }
      log.push(what);
      expect(outsideState(w), `after:\n${log.join('\n')}`).toBe(before);
      // Every open directory, probed: it lists and reads only what is inside.
      for (const d of dirs) {
        h.reset();
        const listed = names(d);
        for (const n of OUTSIDE_NAMES) expect(listed, `readdir ${d} after:\n${log.join('\n')}`).not.toContain(n);
        const [e, f] = h.open(d, 'secret.txt', 0, Rights.FD_READ, 0, 1);
        expect(e === 0 ? h.read(f, 16)[1] : '', `read ${d} after:\n${log.join('\n')}`).not.toBe('secret');
        if (e === 0) h.call('fd_close', f);
      }
    }
  });
});

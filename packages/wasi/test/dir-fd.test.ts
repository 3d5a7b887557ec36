// A directory descriptor stays confined to the directory it was opened on, whatever the guest (or the host)
// did to the path since: every use re-walks it from its preopen without following symlinks and checks the
// directory's identity (device and inode). Both filesystems run every case.

import { readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config, Engine, Linker, Module, Store } from 'wasmts';
import {
  Errno,
  Fstflags,
  MemoryFilesystem,
  MemorySymlink,
  type MemoryTree,
  NodeFilesystem,
  Oflags,
  Rights,
  WASI,
  type WasiFilesystem,
  type WasiOptions,
} from '../src/index.js';
import { tempDir, writeTree } from './backends.js';
import { setup } from './harness.js';

const ALL = (1n << 30n) - 1n;

/** What every directory holds, inside the sandbox and out: an escaped call would find these names. */
const mirror = (text: string): MemoryTree => ({ 'f.txt': text, sub: {}, l: new MemorySymlink('f.txt') });

/** The host tree: the preopen `sandbox` (fd 3), and outside it the root itself and `outside`. */
const tree = (): MemoryTree => ({
  ...mirror('secret'),
  sandbox: { a: mirror('f'), b: mirror('b'), 'file.txt': 'file', p: { q: mirror('q') } },
  outside: mirror('secret'),
});

interface World {
  /** WASI options with `sandbox` preopened as fd 3 (and `extra` preopens after it). */
  options: WasiOptions;
  /** The backend, to act as the host does (paths from `at`). */
  fs: WasiFilesystem;
  /** The backend path of a path relative to the tree's root. */
  at(rel: string): string;
}

const backends: { name: string; make(extra?: Record<string, string>): World }[] = [
  {
    name: 'memory',
    make(extra = {}) {
      const fs = new MemoryFilesystem(tree());
      const preopens = {
        '/sandbox': '/sandbox',
        ...Object.fromEntries(Object.entries(extra).map(([g, p]) => [g, `/${p}`])),
      };
      return { options: { fs, preopens }, fs, at: (rel) => (rel === '' ? '/' : `/${rel}`) };
    },
  },
  {
    name: 'node',
    make(extra = {}) {
      const root = tempDir();
      writeTree(root, tree());
      const preopens = {
        '/sandbox': join(root, 'sandbox'),
        ...Object.fromEntries(Object.entries(extra).map(([g, p]) => [g, join(root, p)])),
      };
      return { options: { preopens }, fs: new NodeFilesystem(), at: (rel) => join(root, rel) };
    },
  },
  {
    // As on hosts without /proc/self/fd (macOS, Windows): paths checked by lstat, then used.
    name: 'node, unpinned',
    make(extra = {}) {
      const root = tempDir();
      writeTree(root, tree());
      const preopens = {
        '/sandbox': join(root, 'sandbox'),
        ...Object.fromEntries(Object.entries(extra).map(([g, p]) => [g, join(root, p)])),
      };
      const fs = new (class extends NodeFilesystem {
        override pin() {
          return null;
        }
      })();
      return { options: { preopens, fs }, fs, at: (rel) => join(root, rel) };
    },
  },
];

/** Everything outside the sandbox that a call could change: names, types, contents, targets, mtimes. */
function snapshot(w: World): string[] {
  const out: string[] = [];
  const dec = new TextDecoder();
  const walk = (rel: string) => {
    const st = w.fs.lstat(w.at(rel));
    let what = `${rel} type=${st.filetype} mtim=${st.mtim} size=${st.size}`;
    if (st.filetype === 4) {
      const f = w.fs.open(w.at(rel), { create: false, exclusive: false, truncate: false, write: false });
      const buf = new Uint8Array(64);
      what += ` text=${dec.decode(buf.subarray(0, w.fs.read(f, buf, 0n)))}`;
      w.fs.close(f);
    } else if (st.filetype === 7) {
      what += ` target=${w.fs.readlink(w.at(rel))}`;
    }
    out.push(what);
    if (st.filetype === 3) {
      for (const n of w.fs.readdir(w.at(rel))) if (rel !== '' || n !== 'sandbox') walk(rel === '' ? n : `${rel}/${n}`);
    }
  };
  walk('');
  return out;
}

type H = ReturnType<typeof setup>;

/** Opens the directory `path` under `fd` with every right to pass on; returns [errno, fd]. */
function openDir(h: H, fd: number, path: string): [number, number] {
  const out = h.alloc(4);
  const e = h.call('path_open', fd, 1, ...h.str(path), Oflags.DIRECTORY, ALL & ~Rights.FD_WRITE, ALL, 0, out);
  return [e, e === 0 ? h.u32(out) : -1];
}

/** Every call that takes a directory descriptor, through `fd`; each returns its errno. */
function fdCalls(h: H, fd: number): Record<string, () => number> {
  const s = (x: string) => h.str(x);
  const out = () => h.alloc(64);
  // Ordered so that, where the calls work, none takes away what a later one needs.
  return {
    path_open: () => h.open(fd, 'f.txt', 0, Rights.FD_READ)[0],
    'path_open O_CREAT': () => h.open(fd, 'new.txt', Oflags.CREAT, Rights.FD_READ | Rights.FD_WRITE)[0],
    'path_open O_DIRECTORY': () => openDir(h, fd, 'sub')[0],
    'path_open symlink': () => h.open(fd, 'l', 0, Rights.FD_READ, 0, 1)[0],
    path_filestat_get: () => h.call('path_filestat_get', fd, 0, ...s('f.txt'), out()),
    path_filestat_set_times: () =>
      h.call('path_filestat_set_times', fd, 0, ...s('f.txt'), 0n, 1_000_000_000n, Fstflags.MTIM),
    path_create_directory: () => h.path('path_create_directory', fd, 'newdir'),
    path_readlink: () => h.call('path_readlink', fd, ...s('l'), h.alloc(64), 64, out()),
    fd_readdir: () => h.call('fd_readdir', fd, h.alloc(1024), 1024, 0n, out()),
    fd_filestat_get: () => h.call('fd_filestat_get', fd, out()),
    fd_filestat_set_times: () => h.call('fd_filestat_set_times', fd, 0n, 1_000_000_000n, Fstflags.MTIM),
    'path_link (source)': () => h.call('path_link', fd, 0, ...s('f.txt'), 3, ...s('linked.txt')),
    'path_link (target)': () => h.call('path_link', 3, 0, ...s('file.txt'), fd, ...s('linked.txt')),
    path_symlink: () => h.call('path_symlink', ...s('f.txt'), fd, ...s('sym')),
    'path_rename (target)': () => h.call('path_rename', 3, ...s('file.txt'), fd, ...s('moved.txt')),
    'path_rename (source)': () => h.call('path_rename', fd, ...s('l'), 3, ...s('moved-l')),
    path_remove_directory: () => h.path('path_remove_directory', fd, 'sub'),
    path_unlink_file: () => h.path('path_unlink_file', fd, 'f.txt'),
  };
}

/** Runs every call through `fd`; returns name -> errno. */
function runAll(h: H, fd: number): Record<string, number> {
  return Object.fromEntries(Object.entries(fdCalls(h, fd)).map(([n, f]) => [n, f()]));
}

const allAre = (errno: number) =>
  Object.fromEntries(Object.keys(fdCalls(null as unknown as H, 0)).map((n) => [n, errno]));

/** Empties and removes `dir` (relative to fd 3) as a guest can. */
function guestRemove(h: H, dir: string): void {
  expect(h.path('path_unlink_file', 3, `${dir}/f.txt`)).toBe(0);
  expect(h.path('path_unlink_file', 3, `${dir}/l`)).toBe(0);
  expect(h.path('path_remove_directory', 3, `${dir}/sub`)).toBe(0);
  expect(h.path('path_remove_directory', 3, dir)).toBe(0);
}

function guestSymlink(h: H, target: string, path: string, fd = 3): void {
  expect(h.call('path_symlink', ...h.str(target), fd, ...h.str(path))).toBe(0);
}

function guestRename(h: H, from: string, to: string, fromFd = 3, toFd = 3): number {
  return h.call('path_rename', fromFd, ...h.str(from), toFd, ...h.str(to));
}

describe.each(backends)('directory descriptors ($name)', (backend) => {
  const make = (extra?: Record<string, string>) => {
    const w = backend.make(extra);
    const h = setup(w.options);
    const [e, fd] = openDir(h, 3, 'a');
    expect(e).toBe(0);
    return { w, h, fd, before: snapshot(w) };
  };

  it('issue 11: a directory fd whose path became a symlink to .. does not reach the parent', () => {
    const { w, h, fd, before } = make();
    guestRemove(h, 'a');
    guestSymlink(h, '..', 'a');
    // Reading the secret beside the preopen, listing the parent, creating and deleting files there.
    expect(h.open(fd, 'f.txt', 0, Rights.FD_READ)[0]).toBe(Errno.ENOENT);
    expect(h.call('fd_readdir', fd, h.alloc(1024), 1024, 0n, h.alloc(4))).toBe(Errno.ENOENT);
    expect(h.open(fd, 'planted', Oflags.CREAT, Rights.FD_READ | Rights.FD_WRITE)[0]).toBe(Errno.ENOENT);
    expect(h.path('path_unlink_file', fd, 'f.txt')).toBe(Errno.ENOENT);
    expect(snapshot(w)).toEqual(before);
  });

  // Each way the guest can swap what is at the descriptor's path: every call is ENOENT, nothing outside moves.
  const swaps: [string, (h: H, w: World) => void][] = [
    ['removed', (h) => guestRemove(h, 'a')],
    [
      'replaced by a symlink to ..',
      (h) => {
        guestRemove(h, 'a');
        guestSymlink(h, '..', 'a');
      },
    ],
    [
      'replaced by a symlink to ../outside',
      (h) => {
        guestRemove(h, 'a');
        guestSymlink(h, '../outside', 'a');
      },
    ],
    [
      'replaced by a symlink chain b/../..',
      (h) => {
        guestRemove(h, 'a');
        guestSymlink(h, 'b/../..', 'a');
      },
    ],
    [
      'replaced by a symlink to a sibling inside',
      (h) => {
        guestRemove(h, 'a');
        guestSymlink(h, 'b', 'a');
      },
    ],
    [
      'replaced by another directory',
      (h) => {
        // Made before the old one goes, so it cannot get the old inode number back.
        expect(guestRename(h, 'b', 'b2')).toBe(0);
        guestRemove(h, 'a');
        expect(guestRename(h, 'b2', 'a')).toBe(0);
      },
    ],
    ['renamed by the host', (_h, w) => w.fs.rename(w.at('sandbox/a'), w.at('sandbox/c'))],
    [
      'replaced by the host with a symlink to an absolute path',
      (_h, w) => {
        w.fs.rename(w.at('sandbox/a'), w.at('sandbox/c'));
        w.fs.symlink(w.at('outside'), w.at('sandbox/a'));
      },
    ],
    [
      'replaced by the host with a symlink to the directory itself',
      (_h, w) => {
        w.fs.rename(w.at('sandbox/a'), w.at('sandbox/c'));
        w.fs.symlink('c', w.at('sandbox/a'));
      },
    ],
  ];
  it.each(swaps)('a directory %s: every call through its fd is ENOENT', (_name, swap) => {
    const { w, h, fd } = make();
    swap(h, w);
    const before = snapshot(w);
    expect(runAll(h, fd)).toEqual(allAre(Errno.ENOENT));
    expect(snapshot(w)).toEqual(before);
    // The preopen itself is untouched and still works.
    expect(h.open(3, 'file.txt', 0, Rights.FD_READ)[0]).toBe(0);
  });

  it('a directory whose parent was replaced by a symlink (inside or out) is ENOENT', () => {
    const { w, h } = make();
    const [, q] = openDir(h, 3, 'p/q');
    w.fs.rename(w.at('sandbox/p'), w.at('sandbox/p2'));
    w.fs.symlink('p2', w.at('sandbox/p'));
    expect(h.open(q, 'f.txt', 0, Rights.FD_READ)[0]).toBe(Errno.ENOENT);
    w.fs.unlink(w.at('sandbox/p'));
    w.fs.symlink('../outside', w.at('sandbox/p'));
    const before = snapshot(w);
    expect(runAll(h, q)).toEqual(allAre(Errno.ENOENT));
    expect(snapshot(w)).toEqual(before);
  });

  it('a directory renamed by the guest is followed by its descriptors', () => {
    const { h, fd } = make();
    const [, q] = openDir(h, 3, 'p/q');
    const [, p] = openDir(h, 3, 'p');
    expect(guestRename(h, 'a', 'c')).toBe(0);
    expect(guestRename(h, 'p', 'b/p')).toBe(0);
    // New symlinks at the old names lead elsewhere; the descriptors stay where their directories went.
    guestSymlink(h, '..', 'a');
    guestSymlink(h, 'b', 'p');
    expect(h.read(h.open(fd, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'f']);
    expect(h.read(h.open(q, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'q']);
    expect(h.path('path_create_directory', p, 'made')).toBe(0);
    expect(openDir(h, 3, 'b/p/made')[0]).toBe(0);
    // Renamed through the descriptor that is itself being followed, and from an fd below the preopen.
    expect(guestRename(h, 'q', 'q2', p, p)).toBe(0);
    expect(h.read(h.open(q, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'q']);
    expect(h.open(3, 'b/p/q2/f.txt', 0, Rights.FD_READ)[0]).toBe(0);
    // Every call works at the new place.
    expect(runAll(h, fd)).toEqual(allAre(0));
  });

  it('a directory moved to another preopen is followed there', () => {
    const { h, fd } = make({ '/outside': 'outside' });
    expect(guestRename(h, 'a', 'moved', 3, 4)).toBe(0);
    expect(h.read(h.open(fd, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'f']);
    expect(h.open(fd, '../secret', 0, Rights.FD_READ)[0]).toBe(Errno.EPERM);
    // And back again, under another name.
    expect(guestRename(h, 'moved', 'back', 4, 3)).toBe(0);
    expect(h.read(h.open(fd, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'f']);
    expect(h.open(3, 'back/f.txt', 0, Rights.FD_READ)[0]).toBe(0);
  });

  it('a nested preopen replaced through its outer preopen is ENOENT; renamed, it is followed', () => {
    const { w, h } = make({ '/q': 'sandbox/p/q' });
    expect(h.read(h.open(4, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'q']);
    expect(guestRename(h, 'p', 'p2')).toBe(0);
    guestSymlink(h, '../outside', 'p');
    expect(h.read(h.open(4, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'q']);
    // The nested preopen's own directory renamed through the outer one: followed too.
    expect(guestRename(h, 'p2/q', 'q2')).toBe(0);
    expect(h.read(h.open(4, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'q']);
    expect(guestRename(h, 'q2', 'p2/q')).toBe(0);
    guestRemove(h, 'p2/q');
    guestSymlink(h, '../../outside', 'p2/q');
    const before = snapshot(w);
    expect(runAll(h, 4)).toEqual(allAre(Errno.ENOENT));
    expect(snapshot(w)).toEqual(before);
  });

  it('symlinks that stay inside still work through a directory fd', () => {
    const { h, fd } = make();
    guestSymlink(h, '../b/f.txt', 'sibling', fd);
    guestSymlink(h, 'sub/../f.txt', 'dotted', fd);
    expect(h.read(h.open(fd, 'l', 0, Rights.FD_READ, 0, 1)[1], 10)).toEqual([0, 'f']);
    expect(h.read(h.open(fd, 'dotted', 0, Rights.FD_READ, 0, 1)[1], 10)).toEqual([0, 'f']);
    expect(h.open(fd, 'l', 0, Rights.FD_READ, 0, 0)[0]).toBe(Errno.ELOOP);
    // Relative to the descriptor, `..` leaves it: refused, from the preopen it is a sibling.
    expect(h.open(fd, 'sibling', 0, Rights.FD_READ, 0, 1)[0]).toBe(Errno.EPERM);
    expect(h.read(h.open(3, 'a/sibling', 0, Rights.FD_READ, 0, 1)[1], 10)).toEqual([0, 'b']);
  });

  it('an open file keeps reading its own file after its path is swapped', () => {
    const { w, h } = make();
    const [, f] = h.open(3, 'a/f.txt', 0, Rights.FD_READ | Rights.FD_WRITE | Rights.FD_FILESTAT_GET);
    expect(h.path('path_unlink_file', 3, 'a/f.txt')).toBe(0);
    guestSymlink(h, '../../outside/f.txt', 'a/f.txt');
    const before = snapshot(w);
    expect(h.read(f, 10)).toEqual([0, 'f']);
    expect(h.write(f, 'x')[0]).toBe(0);
    expect(h.call('fd_filestat_get', f, h.alloc(64))).toBe(0);
    expect(snapshot(w)).toEqual(before);
  });

  it('renumbering and reusing descriptors carries confinement with the directory', () => {
    const { w, h, fd } = make();
    const before = snapshot(w);
    // A subdirectory renumbered onto the preopen: fd 3 is now that subdirectory, and no preopen.
    expect(h.call('fd_renumber', fd, 3)).toBe(0);
    expect(h.call('fd_readdir', fd, h.alloc(64), 64, 0n, h.alloc(4))).toBe(Errno.EBADF);
    expect(h.call('fd_prestat_get', 3, h.alloc(8))).toBe(Errno.EBADF);
    expect(h.read(h.open(3, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'f']);
    expect(h.open(3, '../file.txt', 0, Rights.FD_READ)[0]).toBe(Errno.EPERM);
    expect(h.open(3, '../../f.txt', 0, Rights.FD_READ)[0]).toBe(Errno.EPERM);
    // A closed number, reused by another directory, is that directory only.
    const [, sub] = openDir(h, 3, 'sub');
    expect(h.call('fd_close', sub)).toBe(0);
    guestSymlink(h, '../../..', 'sub/up');
    const [, again] = openDir(h, 3, 'sub');
    expect(again).toBe(sub);
    expect(h.open(again, 'up/f.txt', 0, Rights.FD_READ, 0, 1)[0]).toBe(Errno.EPERM);
    expect(h.open(again, '..', 0, Rights.FD_READ)[0]).toBe(Errno.EPERM);
    expect(snapshot(w)).toEqual(before);
  });

  it('a preopen the host moved away and replaced is ENOENT', () => {
    const { w, h } = make();
    w.fs.rename(w.at('sandbox'), w.at('outside/moved'));
    w.fs.mkdir(w.at('sandbox'));
    w.fs.mkdir(w.at('sandbox/a'));
    expect(h.open(3, 'file.txt', 0, Rights.FD_READ)[0]).toBe(Errno.ENOENT);
    expect(openDir(h, 3, 'a')[0]).toBe(Errno.ENOENT);
    expect(h.call('fd_readdir', 3, h.alloc(64), 64, 0n, h.alloc(4))).toBe(Errno.ENOENT);
  });

  it('a removed preopen is ENOENT', () => {
    const { w, h } = make({ '/q': 'sandbox/p/q' });
    guestRemove(h, 'p/q');
    w.fs.symlink('../../outside', w.at('sandbox/p/q'));
    expect(h.open(4, 'f.txt', 0, Rights.FD_READ)[0]).toBe(Errno.ENOENT);
    expect(h.call('fd_readdir', 4, h.alloc(1024), 1024, 0n, h.alloc(4))).toBe(Errno.ENOENT);
  });
});

// Races made deterministic: a backend that lets a "host process" swap `a` for a symlink to `outside` right
// before the operation that follows the check. On Linux, lookups pin each directory they walk through
// (`/proc/self/fd`), so the operation still lands in the directory that was checked; elsewhere this is the
// documented window, and the test only runs on Linux.
describe.runIf(process.platform === 'linux')('a host process racing the checks (Linux)', () => {
  const OPS = ['open', 'mkdir', 'unlink', 'rmdir', 'rename', 'symlink', 'link', 'utimes', 'readdir'] as const;
  function racing(root: string) {
    class RacingFs extends NodeFilesystem {
      armed = '';
      swap(op: string) {
        if (this.armed !== op) return;
        this.armed = '';
        renameSync(join(root, 'sandbox/a'), join(root, 'sandbox/a-moved'));
        symlinkSync('../outside', join(root, 'sandbox/a'));
      }
    }
    const proto = RacingFs.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const base = NodeFilesystem.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const op of OPS) {
      proto[op] = function (this: RacingFs, ...args: unknown[]) {
        this.swap(op);
        return base[op].apply(this, args);
      };
    }
    return new RacingFs();
  }
  const cases: [string, (h: H, fd: number) => number][] = [
    ['open', (h, fd) => h.open(fd, 'f.txt', 0, Rights.FD_READ)[0]],
    ['open', (h, fd) => h.open(fd, 'new.txt', Oflags.CREAT | Oflags.TRUNC, Rights.FD_READ | Rights.FD_WRITE)[0]],
    ['mkdir', (h, fd) => h.path('path_create_directory', fd, 'newdir')],
    ['unlink', (h, fd) => h.path('path_unlink_file', fd, 'f.txt')],
    ['rmdir', (h, fd) => h.path('path_remove_directory', fd, 'sub')],
    ['rename', (h, fd) => h.call('path_rename', fd, ...h.str('f.txt'), fd, ...h.str('g.txt'))],
    ['symlink', (h, fd) => h.call('path_symlink', ...h.str('x'), fd, ...h.str('sym'))],
    ['link', (h, fd) => h.call('path_link', fd, 0, ...h.str('f.txt'), fd, ...h.str('hard'))],
    ['utimes', (h, fd) => h.call('path_filestat_set_times', fd, 0, ...h.str('f.txt'), 0n, 1_000_000_000n, 4)],
    ['utimes', (h, fd) => h.call('fd_filestat_set_times', fd, 0n, 1_000_000_000n, 4)],
    ['readdir', (h, fd) => h.call('fd_readdir', fd, h.alloc(1024), 1024, 0n, h.alloc(4))],
  ];
  it.each(cases)('%s through a directory fd acts on the directory it checked', (op, run) => {
    const root = tempDir();
    writeTree(root, tree());
    const fs = racing(root);
    const w: World = { options: {}, fs, at: (rel) => join(root, rel) };
    const h = setup({ fs, preopens: { '/sandbox': join(root, 'sandbox') } });
    const [, fd] = openDir(h, 3, 'a');
    const before = snapshot(w);
    fs.armed = op;
    expect(run(h, fd)).toBe(0);
    expect(fs.armed).toBe('');
    expect(snapshot(w)).toEqual(before);
  });
  it('every pinned directory is closed when the call ends, whatever the call answered', () => {
    const root = tempDir();
    writeTree(root, tree());
    const h = setup({ preopens: { '/sandbox': join(root, 'sandbox') } });
    const [, fd] = openDir(h, 3, 'p/q');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 50; i++) {
      h.reset();
      h.call('path_filestat_get', 3, 1, ...h.str('p/q/sub/../l'), h.alloc(64)); // 0
      h.open(3, 'p/q/../../../secret', 0, Rights.FD_READ); // EPERM mid-walk
      h.open(3, 'a/sub/missing/x', 0, Rights.FD_READ); // ENOENT mid-walk
      h.path('path_create_directory', fd, 'sub'); // EEXIST
      h.call('fd_readdir', fd, h.alloc(256), 256, 0n, h.alloc(4)); // 0
    }
    expect(open()).toBe(before);
  });

  it('a file read through a swapped path is the one that was checked', () => {
    const root = tempDir();
    writeTree(root, tree());
    const fs = racing(root);
    const h = setup({ fs, preopens: { '/sandbox': join(root, 'sandbox') } });
    fs.armed = 'open';
    const [e, f] = h.open(3, 'a/f.txt', 0, Rights.FD_READ);
    expect(e).toBe(0);
    expect(h.read(f, 10)).toEqual([0, 'f']);
    expect(readFileSync(join(root, 'sandbox/a-moved/f.txt'), 'utf8')).toBe('f');
  });
});

it('a preopen reached through a symlink on the host works', () => {
  const root = tempDir();
  writeTree(root, { real: { 'f.txt': 'f', d: {} }, via: new MemorySymlink('real') });
  const h = setup({ preopens: { '/s': join(root, 'via') } });
  expect(h.read(h.open(3, 'f.txt', 0, Rights.FD_READ)[1], 10)).toEqual([0, 'f']);
  const [, d] = openDir(h, 3, 'd');
  expect(h.path('path_create_directory', d, 'x')).toBe(0);
  expect(openDir(h, 3, 'd/x')[0]).toBe(0);
});

// The attack as a guest runs it, on both of wasmts's backends: exits with path_open(fd, "f.txt")'s errno,
// or 200 + the step that failed.
const ATTACK = `(module
  (import "wasi_snapshot_preview1" "path_create_directory" (func $mkdir (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_remove_directory" (func $rmdir (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_symlink" (func $symlink (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "x")
  (data (i32.const 104) "..")
  (data (i32.const 108) "f.txt")
  (func $step (param $n i32) (param $errno i32)
    (if (local.get $errno) (then (call $exit (i32.add (i32.const 200) (local.get $n))))))
  (func (export "_start")
    (call $step (i32.const 1) (call $mkdir (i32.const 3) (i32.const 100) (i32.const 1)))
    (call $step (i32.const 2) (call $open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 1)
      (i32.const 2) (i64.const 0x3fffffbf) (i64.const -1) (i32.const 0) (i32.const 0)))
    (call $step (i32.const 3) (call $rmdir (i32.const 3) (i32.const 100) (i32.const 1)))
    (call $step (i32.const 4) (call $symlink (i32.const 104) (i32.const 2) (i32.const 3) (i32.const 100) (i32.const 1)))
    (call $exit (call $open (i32.load (i32.const 0)) (i32.const 1) (i32.const 108) (i32.const 5)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 4)))))`;

describe.each(['js', 'wasm'] as const)('the attack from a wasm module (%s backend)', (kind) => {
  it.each(backends)('ends in ENOENT on the $name filesystem', (backend) => {
    const w = backend.make();
    const before = snapshot(w);
    const engine = new Engine(new Config({ backend: kind }));
    const module = new Module(engine, ATTACK);
    expect(module.backend).toBe(kind);
    const wasi = new WASI(w.options);
    const linker = new Linker<null>(engine);
    wasi.addToLinker(linker);
    expect(wasi.start(linker.instantiate(new Store(engine, null), module))).toBe(Errno.ENOENT);
    expect(snapshot(w)).toEqual(before);
  });
});

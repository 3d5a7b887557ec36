// No guest path leaves its directory: `..`, absolute paths and symlinks (absolute or relative, final or
// intermediate) are EPERM on both backends, as in wasmtime.

import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Errno,
  Filetype,
  Lookupflags,
  MemoryFilesystem,
  MemorySymlink,
  type MemoryTree,
  Oflags,
  Rights,
  type WasiOptions,
} from '../src/index.js';
import { tempDir, writeTree } from './backends.js';
import { setup } from './harness.js';

const READ = Rights.FD_READ | Rights.FD_SEEK;

/** The host tree: /sandbox (fd 3) and /other (fd 4) are preopened, /outside is not. */
function tree(root: string): MemoryTree {
  return {
    sandbox: {
      'a.txt': 'a',
      dir: { 'f.txt': 'f' },
      'abs-link': new MemorySymlink(`${root}/outside/secret`),
      'rel-link': new MemorySymlink('../outside/secret'),
      'up-dir': new MemorySymlink('..'),
      'deep-link': new MemorySymlink('dir/../../outside'),
      'ok-link': new MemorySymlink('dir/../a.txt'),
      dir2: { back: new MemorySymlink('../a.txt'), out: new MemorySymlink('../../outside/secret') },
    },
    outside: { secret: 'secret' },
    other: {},
  };
}

const backends: {
  name: string;
  make(): { options: WasiOptions; outside: () => string[]; secretLinks: () => number };
}[] = [
  {
    name: 'memory',
    make() {
      const fs = new MemoryFilesystem(tree(''));
      return {
        options: { fs, preopens: { '/sandbox': '/sandbox', '/other': '/other' } },
        outside: () => fs.readdir('/outside'),
        secretLinks: () => Number(fs.lstat('/outside/secret').nlink),
      };
    },
  },
  {
    name: 'node',
    make() {
      const root = tempDir();
      writeTree(root, tree(root));
      return {
        options: { preopens: { '/sandbox': join(root, 'sandbox'), '/other': join(root, 'other') } },
        outside: () => readdirSync(join(root, 'outside')).sort(),
        secretLinks: () => lstatSync(join(root, 'outside/secret')).nlink,
      };
    },
  },
];

describe.each(backends)('sandbox ($name)', (backend) => {
  const make = () => {
    const b = backend.make();
    return { h: setup(b.options), outside: b.outside, secretLinks: b.secretLinks };
  };

  it('refuses .. beyond the preopen', () => {
    const { h } = make();
    for (const p of [
      '..',
      '../outside/secret',
      'dir/../..',
      'dir/../../outside/secret',
      './..',
      'dir/../../sandbox/a.txt',
    ]) {
      expect(h.open(3, p, 0, READ)[0], p).toBe(Errno.EPERM);
    }
    expect(h.open(3, 'dir/..', 0, READ)[0]).toBe(0);
    expect(h.path('path_create_directory', 3, '../new')).toBe(Errno.EPERM);
    expect(h.path('path_unlink_file', 3, '../outside/secret')).toBe(Errno.EPERM);
    expect(h.path('path_remove_directory', 3, '../outside')).toBe(Errno.EPERM);
  });

  it('refuses absolute paths', () => {
    const { h } = make();
    expect(h.open(3, '/sandbox/a.txt', 0, READ)[0]).toBe(Errno.EPERM);
    expect(h.open(3, '/etc/passwd', 0, READ)[0]).toBe(Errno.EPERM);
    expect(h.path('path_create_directory', 3, '/tmp/x')).toBe(Errno.EPERM);
  });

  it('refuses symlinks that lead out, final or intermediate', () => {
    const { h } = make();
    for (const p of ['abs-link', 'rel-link', 'up-dir/outside/secret', 'deep-link/secret', 'dir2/out', 'up-dir']) {
      expect(h.open(3, p, 0, READ, 0, Lookupflags.SYMLINK_FOLLOW)[0], p).toBe(Errno.EPERM);
    }
    // Intermediate components are followed whatever the lookup flags say.
    expect(h.open(3, 'up-dir/outside/secret', 0, READ, 0, 0)[0]).toBe(Errno.EPERM);
    expect(h.open(3, 'deep-link/secret', 0, READ, 0, 0)[0]).toBe(Errno.EPERM);
    // Not following the final symlink: it is the link itself.
    expect(h.open(3, 'abs-link', 0, READ, 0, 0)[0]).toBe(Errno.ELOOP);
    const [p, l] = h.str('rel-link');
    const st = h.alloc(64);
    expect(h.call('path_filestat_get', 3, 0, p, l, st)).toBe(0);
    expect(h.call('path_filestat_get', 3, Lookupflags.SYMLINK_FOLLOW, p, l, st)).toBe(Errno.EPERM);
    // Symlinks that stay inside are fine.
    expect(h.read(h.open(3, 'ok-link', 0, READ, 0, 1)[1], 5)).toEqual([0, 'a']);
    expect(h.read(h.open(3, 'dir2/back', 0, READ, 0, 1)[1], 5)).toEqual([0, 'a']);
    // Creating through an escaping symlink is refused too.
    expect(h.open(3, 'up-dir/outside/new', Oflags.CREAT, READ | Rights.FD_WRITE, 0, 1)[0]).toBe(Errno.EPERM);
    expect(h.path('path_create_directory', 3, 'up-dir/x')).toBe(Errno.EPERM);
  });

  it('refuses creating absolute symlinks; escaping relative ones are inert', () => {
    const { h } = make();
    const symlink = (target: string, path: string) => {
      const [op, ol] = h.str(target);
      const [np, nl] = h.str(path);
      return h.call('path_symlink', op, ol, 3, np, nl);
    };
    expect(symlink('/etc/passwd', 'x')).toBe(Errno.EPERM);
    expect(symlink('../outside/secret', 'y')).toBe(0);
    expect(h.open(3, 'y', 0, READ, 0, 1)[0]).toBe(Errno.EPERM);
    expect(symlink('x', '../outside/z')).toBe(Errno.EPERM);
  });

  it('refuses rename and link out of the preopen; allows them across preopens', () => {
    const { h, outside } = make();
    const two = (name: string, fromFd: number, from: string, toFd: number, to: string) => {
      const [op, ol] = h.str(from);
      const [np, nl] = h.str(to);
      return name === 'path_link'
        ? h.call(name, fromFd, 0, op, ol, toFd, np, nl)
        : h.call(name, fromFd, op, ol, toFd, np, nl);
    };
    expect(two('path_rename', 3, 'a.txt', 3, '../outside/a.txt')).toBe(Errno.EPERM);
    expect(two('path_rename', 3, '../outside/secret', 3, 'stolen')).toBe(Errno.EPERM);
    expect(two('path_rename', 3, 'a.txt', 3, 'up-dir/outside/a.txt')).toBe(Errno.EPERM);
    expect(two('path_link', 3, 'a.txt', 3, '../outside/a.txt')).toBe(Errno.EPERM);
    expect(two('path_link', 3, '../outside/secret', 3, 'stolen')).toBe(Errno.EPERM);
    expect(two('path_link', 3, 'a.txt', 4, '../outside/a.txt')).toBe(Errno.EPERM);
    expect(outside()).toEqual(['secret']);
    // Between two preopens, both inside their roots: allowed.
    expect(two('path_rename', 3, 'a.txt', 4, 'moved.txt')).toBe(0);
    expect(h.read(h.open(4, 'moved.txt', 0, READ)[1], 5)).toEqual([0, 'a']);
    expect(two('path_link', 4, 'moved.txt', 3, 'again.txt')).toBe(0);
  });

  it('a hard link of an escaping symlink is a symlink, never the file it points at', () => {
    const { h, outside, secretLinks } = make();
    for (const [from, to] of [
      ['rel-link', 'hard1'],
      ['abs-link', 'hard2'],
      ['dir2/out', 'hard3'],
    ]) {
      expect(h.call('path_link', 3, 0, ...h.str(from), 3, ...h.str(to))).toBe(0);
      const st = h.alloc(64);
      expect(h.call('path_filestat_get', 3, 0, ...h.str(to), st)).toBe(0);
      expect(h.u8(st + 16)).toBe(Filetype.SYMBOLIC_LINK);
      expect(h.open(3, to, 0, READ, 0, Lookupflags.SYMLINK_FOLLOW)[0]).toBe(Errno.EPERM);
      // Following the symlink while linking is refused like any other escape.
      expect(h.call('path_link', 3, Lookupflags.SYMLINK_FOLLOW, ...h.str(from), 3, ...h.str(`${to}-f`))).toBe(
        Errno.EPERM,
      );
    }
    expect(secretLinks()).toBe(1);
    expect(outside()).toEqual(['secret']);
  });

  it('bounds paths at 4,095 bytes; long symlink chains still resolve', () => {
    const { h } = make();
    const longest = `${'./'.repeat(2045)}a.txt`;
    expect(longest.length).toBe(4095);
    expect(h.read(h.open(3, longest, 0, READ)[1], 5)).toEqual([0, 'a']);
    expect(h.open(3, `.${longest}`, 0, READ)[0]).toBe(Errno.ENAMETOOLONG);
    const [p] = h.str('x');
    expect(h.call('path_create_directory', 3, p, 0x1_0000)).toBe(Errno.ENAMETOOLONG);
    expect(h.call('path_create_directory', 3, p, 0xffff_ffff)).toBe(Errno.EFAULT);
    const target = `${'dir/../'.repeat(584)}./a.txt`;
    expect(target.length).toBe(4095);
    const [tp, tl] = h.str(`./${target}`);
    const [np, nl] = h.str('long-link');
    expect(h.call('path_symlink', tp, tl, 3, np, nl)).toBe(Errno.ENAMETOOLONG);
    expect(h.call('path_symlink', tp + 2, tl - 2, 3, np, nl)).toBe(0);
    // 40 links of about 1,160 components each: all followed (the limit is 40 links a lookup).
    const chain = Array.from({ length: 39 }, (_, i) => `l${i}`);
    for (let i = 1; i < chain.length; i++) {
      h.reset();
      const [cp, cl] = h.str(`${'dir/../'.repeat(580)}${chain[i - 1]}`);
      const [lp, ll] = h.str(chain[i]);
      expect(h.call('path_symlink', cp, cl, 3, lp, ll)).toBe(0);
    }
    h.reset();
    const [l0p, l0l] = h.str('long-link');
    const [l0n, l0nl] = h.str('l0');
    expect(h.call('path_symlink', l0p, l0l, 3, l0n, l0nl)).toBe(0);
    expect(h.read(h.open(3, 'l38', 0, READ, 0, 1)[1], 5)).toEqual([0, 'a']);
    expect(h.open(3, 'l38/', 0, READ, 0, 1)[0]).toBe(Errno.ENOTDIR);
  });

  it('confines an opened directory to itself', () => {
    const { h } = make();
    const [, d] = h.open(3, 'dir', Oflags.DIRECTORY, Rights.PATH_OPEN | READ);
    expect(h.open(d, 'f.txt', 0, READ)[0]).toBe(0);
    expect(h.open(d, '../a.txt', 0, READ)[0]).toBe(Errno.EPERM);
  });
});

it('the node backend leaves the host untouched by escape attempts', () => {
  const root = tempDir();
  writeTree(root, tree(root));
  const h = setup({ preopens: { '/sandbox': join(root, 'sandbox') } });
  const [p, l] = h.str('../outside/secret');
  expect(h.call('path_unlink_file', 3, p, l)).toBe(Errno.EPERM);
  expect(h.open(3, 'abs-link', Oflags.TRUNC, READ | Rights.FD_WRITE, 0, 1)[0]).toBe(Errno.EPERM);
  expect(readFileSync(join(root, 'outside/secret'), 'utf8')).toBe('secret');
  expect(existsSync(join(root, 'outside/new'))).toBe(false);
});

it('where link(2) follows symlinks (macOS, the BSDs), the node backend re-creates a linked symlink', () => {
  const root = tempDir();
  writeTree(root, tree(root));
  const h = setup({ preopens: { '/sandbox': join(root, 'sandbox') } });
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...real, value: 'darwin' });
  try {
    expect(h.call('path_link', 3, 0, ...h.str('rel-link'), 3, ...h.str('hard'))).toBe(0);
    expect(h.call('path_link', 3, 0, ...h.str('a.txt'), 3, ...h.str('a2.txt'))).toBe(0);
  } finally {
    Object.defineProperty(process, 'platform', real);
  }
  expect(lstatSync(join(root, 'sandbox/hard')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(root, 'sandbox/hard'))).toBe('../outside/secret');
  expect(lstatSync(join(root, 'sandbox/a2.txt')).nlink).toBe(2);
  expect(lstatSync(join(root, 'outside/secret')).nlink).toBe(1);
});

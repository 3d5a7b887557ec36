// path_* calls on both backends: open flags, directories, links, symlinks, rename, unlink, stat, times.

import { describe, expect, it } from 'vitest';
import { Errno, Fdflags, Filetype, Fstflags, Lookupflags, MemorySymlink, Oflags, Rights } from '../src/index.js';
import { BACKENDS } from './backends.js';
import { setup } from './harness.js';

const ALL = (1n << 30n) - 1n;
const READ = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_TELL | Rights.FD_FILESTAT_GET;

describe.each(BACKENDS)('path calls ($name)', (backend) => {
  const make = () =>
    setup(
      backend.options({
        'a.txt': 'hello',
        dir: { 'f.txt': 'f', inner: {} },
        empty: {},
        'link-a': new MemorySymlink('a.txt'),
        'link-dir': new MemorySymlink('dir'),
        dangling: new MemorySymlink('nowhere'),
        loop1: new MemorySymlink('loop2'),
        loop2: new MemorySymlink('loop1'),
      }),
    );
  const stat = (h: ReturnType<typeof make>, path: string, follow = true) => {
    const [p, l] = h.str(path);
    const out = h.alloc(64);
    const e = h.call('path_filestat_get', 3, follow ? Lookupflags.SYMLINK_FOLLOW : 0, p, l, out);
    return {
      e,
      type: h.u8(out + 16),
      size: h.u64(out + 32),
      nlink: h.u64(out + 24),
      ino: h.u64(out + 8),
      atim: h.u64(out + 40),
      mtim: h.u64(out + 48),
    };
  };

  it('opens with every oflag', () => {
    const h = make();
    expect(h.open(3, 'missing')[0]).toBe(Errno.ENOENT);
    const [e, fd] = h.open(3, 'new.txt', Oflags.CREAT);
    expect(e).toBe(0);
    expect(h.write(fd, 'abc')).toEqual([0, 3]);
    expect(h.open(3, 'new.txt', Oflags.CREAT | Oflags.EXCL)[0]).toBe(Errno.EEXIST);
    expect(h.open(3, 'dir', Oflags.CREAT | Oflags.EXCL)[0]).toBe(Errno.EEXIST);
    expect(h.open(3, 'dangling', Oflags.CREAT | Oflags.EXCL)[0]).toBe(Errno.EEXIST);
    const [, t] = h.open(3, 'new.txt', Oflags.TRUNC);
    expect(h.read(t, 10)).toEqual([0, '']);
    expect(h.open(3, 'a.txt', Oflags.DIRECTORY)[0]).toBe(Errno.ENOTDIR);
    expect(h.open(3, 'missing', Oflags.DIRECTORY)[0]).toBe(Errno.ENOENT);
    expect(h.open(3, 'dir', Oflags.DIRECTORY | Oflags.CREAT)[0]).toBe(Errno.EINVAL);
    expect(h.open(3, 'a.txt', 0x10)[0]).toBe(Errno.EINVAL);
    expect(h.open(3, 'dir', 0, READ)[0]).toBe(0);
    expect(h.open(3, 'dir', 0, ALL)[0]).toBe(Errno.EISDIR);
    expect(h.open(3, 'dir', Oflags.CREAT, READ)[0]).toBe(Errno.EISDIR);
    expect(h.open(3, 'a.txt/')[0]).toBe(Errno.ENOTDIR);
    expect(h.open(3, 'a.txt/x')[0]).toBe(Errno.ENOTDIR);
    expect(h.open(3, '')[0]).toBe(Errno.ENOENT);
    expect(h.open(3, 'a\0b')[0]).toBe(Errno.EINVAL);
    expect(h.open(3, 'dir/../a.txt')[0]).toBe(0);
    expect(h.open(3, './dir/./f.txt')[0]).toBe(0);
    expect(h.open(99, 'x')[0]).toBe(Errno.EBADF);
    const [, f] = h.open(3, 'a.txt');
    expect(h.open(f, 'x')[0]).toBe(Errno.ENOTDIR);
  });

  it('follows symlinks only when asked', () => {
    const h = make();
    const [e, fd] = h.open(3, 'link-a', 0, READ, 0, Lookupflags.SYMLINK_FOLLOW);
    expect(e).toBe(0);
    expect(h.read(fd, 10)).toEqual([0, 'hello']);
    expect(h.open(3, 'link-a', 0, READ, 0, 0)[0]).toBe(Errno.ELOOP);
    expect(h.open(3, 'link-dir', Oflags.DIRECTORY, READ, 0, 0)[0]).toBe(Errno.ENOTDIR);
    expect(h.open(3, 'link-dir', Oflags.DIRECTORY, READ, 0, 1)[0]).toBe(0);
    // Intermediate symlinks are always followed.
    expect(h.open(3, 'link-dir/f.txt', 0, READ, 0, 0)[0]).toBe(0);
    expect(h.open(3, 'loop1', 0, READ, 0, 1)[0]).toBe(Errno.ELOOP);
    expect(h.open(3, 'loop1/x', 0, READ, 0, 0)[0]).toBe(Errno.ELOOP);
    expect(h.open(3, 'dangling', 0, READ, 0, 1)[0]).toBe(Errno.ENOENT);
    // Creating through a dangling symlink creates its target.
    expect(h.open(3, 'dangling', Oflags.CREAT, ALL, 0, 1)[0]).toBe(0);
    expect(stat(h, 'nowhere').e).toBe(0);
    expect(stat(h, 'link-a').type).toBe(Filetype.REGULAR_FILE);
    expect(stat(h, 'link-a', false).type).toBe(Filetype.SYMBOLIC_LINK);
    expect(stat(h, 'link-a', false).size).toBe(5n);
  });

  it('creates and removes directories', () => {
    const h = make();
    expect(h.path('path_create_directory', 3, 'new')).toBe(0);
    expect(h.path('path_create_directory', 3, 'new')).toBe(Errno.EEXIST);
    expect(h.path('path_create_directory', 3, 'a.txt')).toBe(Errno.EEXIST);
    expect(h.path('path_create_directory', 3, '.')).toBe(Errno.EEXIST);
    expect(h.path('path_create_directory', 3, 'nope/new')).toBe(Errno.ENOENT);
    expect(h.path('path_create_directory', 3, 'new/sub/')).toBe(0);
    expect(stat(h, 'new/sub').type).toBe(Filetype.DIRECTORY);
    expect(h.path('path_remove_directory', 3, 'new')).toBe(Errno.ENOTEMPTY);
    expect(h.path('path_remove_directory', 3, 'new/sub')).toBe(0);
    expect(h.path('path_remove_directory', 3, 'new')).toBe(0);
    expect(h.path('path_remove_directory', 3, 'new')).toBe(Errno.ENOENT);
    expect(h.path('path_remove_directory', 3, 'a.txt')).toBe(Errno.ENOTDIR);
    expect(h.path('path_remove_directory', 3, 'link-dir')).toBe(Errno.ENOTDIR);
    expect(h.path('path_remove_directory', 3, 'link-dir/')).toBe(Errno.ENOTDIR);
    expect(stat(h, 'dir').type).toBe(Filetype.DIRECTORY);
    expect(h.path('path_remove_directory', 3, '.')).toBe(Errno.EINVAL);
  });

  it('unlinks files and symlinks, not directories', () => {
    const h = make();
    expect(h.path('path_unlink_file', 3, 'dir')).toBe(Errno.EISDIR);
    expect(h.path('path_unlink_file', 3, 'link-dir')).toBe(0);
    expect(stat(h, 'dir').type).toBe(Filetype.DIRECTORY);
    expect(h.path('path_unlink_file', 3, 'a.txt/')).toBe(Errno.ENOTDIR);
    expect(h.path('path_unlink_file', 3, 'a.txt')).toBe(0);
    expect(h.path('path_unlink_file', 3, 'a.txt')).toBe(Errno.ENOENT);
    expect(h.path('path_unlink_file', 3, 'dangling')).toBe(0);
  });

  it('makes hard links', () => {
    const h = make();
    const link = (from: string, to: string, flags = 0) => {
      const [op, ol] = h.str(from);
      const [np, nl] = h.str(to);
      return h.call('path_link', 3, flags, op, ol, 3, np, nl);
    };
    expect(link('a.txt', 'b.txt')).toBe(0);
    expect(stat(h, 'b.txt').nlink).toBe(2n);
    expect(stat(h, 'b.txt').ino).toBe(stat(h, 'a.txt').ino);
    expect(link('a.txt', 'b.txt')).toBe(Errno.EEXIST);
    expect(link('dir', 'd2')).toBe(Errno.EPERM);
    expect(link('missing', 'm')).toBe(Errno.ENOENT);
    expect(link('link-a', 'c.txt', Lookupflags.SYMLINK_FOLLOW)).toBe(0);
    expect(stat(h, 'c.txt', false).type).toBe(Filetype.REGULAR_FILE);
  });

  it('creates and reads symlinks, truncating into short buffers', () => {
    const h = make();
    const symlink = (target: string, path: string) => {
      const [op, ol] = h.str(target);
      const [np, nl] = h.str(path);
      return h.call('path_symlink', op, ol, 3, np, nl);
    };
    expect(symlink('dir/f.txt', 'ln')).toBe(0);
    expect(symlink('x', 'ln')).toBe(Errno.EEXIST);
    expect(symlink('x', 'a.txt')).toBe(Errno.EEXIST);
    expect(symlink('x', 'nope/ln')).toBe(Errno.ENOENT);
    expect(symlink('', 'empty-target')).toBe(Errno.ENOENT);
    const [p, l] = h.str('ln');
    const buf = h.alloc(32);
    const used = h.alloc(4);
    expect(h.call('path_readlink', 3, p, l, buf, 32, used)).toBe(0);
    expect(h.text(buf, h.u32(used))).toBe('dir/f.txt');
    expect(h.call('path_readlink', 3, p, l, buf, 4, used)).toBe(0);
    expect(h.u32(used)).toBe(4);
    expect(h.text(buf, 4)).toBe('dir/');
    const [ap, al] = h.str('a.txt');
    expect(h.call('path_readlink', 3, ap, al, buf, 32, used)).toBe(Errno.EINVAL);
    const [mp, ml] = h.str('missing');
    expect(h.call('path_readlink', 3, mp, ml, buf, 32, used)).toBe(Errno.ENOENT);
    const [fp] = h.open(3, 'ln', 0, READ, 0, 1);
    expect(fp).toBe(0);
  });

  it('renames files and directories', () => {
    const h = make();
    const rename = (from: string, to: string) => {
      const [op, ol] = h.str(from);
      const [np, nl] = h.str(to);
      return h.call('path_rename', 3, op, ol, 3, np, nl);
    };
    expect(rename('a.txt', 'b.txt')).toBe(0);
    expect(stat(h, 'a.txt').e).toBe(Errno.ENOENT);
    expect(rename('b.txt', 'dir/f.txt')).toBe(0);
    expect(h.read(h.open(3, 'dir/f.txt')[1], 10)).toEqual([0, 'hello']);
    expect(rename('missing', 'x')).toBe(Errno.ENOENT);
    expect(rename('dir/f.txt', 'empty')).toBe(Errno.EISDIR);
    expect(rename('empty', 'dir/f.txt')).toBe(Errno.ENOTDIR);
    expect(rename('empty', 'dir')).toBe(Errno.ENOTEMPTY);
    expect(rename('dir', 'dir/inner/x')).toBe(Errno.EINVAL);
    expect(rename('dir', 'empty')).toBe(0);
    expect(stat(h, 'empty/inner').type).toBe(Filetype.DIRECTORY);
    expect(rename('link-a', 'link-b')).toBe(0);
    expect(stat(h, 'link-b', false).type).toBe(Filetype.SYMBOLIC_LINK);
  });

  it('sets times by path', () => {
    const h = make();
    const [p, l] = h.str('a.txt');
    const t = 1_500_000_000_000_000_000n;
    expect(h.call('path_filestat_set_times', 3, 1, p, l, t, t, Fstflags.ATIM | Fstflags.MTIM)).toBe(0);
    expect(stat(h, 'a.txt').mtim).toBe(t);
    expect(stat(h, 'a.txt').atim).toBe(t);
    expect(h.call('path_filestat_set_times', 3, 1, p, l, t, t, Fstflags.MTIM | Fstflags.MTIM_NOW)).toBe(Errno.EINVAL);
    const [mp, ml] = h.str('missing');
    expect(h.call('path_filestat_set_times', 3, 1, mp, ml, t, t, Fstflags.MTIM)).toBe(Errno.ENOENT);
    expect(stat(h, 'missing').e).toBe(Errno.ENOENT);
  });

  it('opens directories relative to opened directories', () => {
    const h = make();
    const [e, d] = h.open(3, 'dir', Oflags.DIRECTORY, ALL & ~Rights.FD_WRITE);
    expect(e).toBe(0);
    const [, f] = h.open(d, 'f.txt', 0, READ);
    expect(h.read(f, 10)).toEqual([0, 'f']);
    const st = h.alloc(64);
    expect(h.call('fd_filestat_get', d, st)).toBe(0);
    expect(h.u8(st + 16)).toBe(Filetype.DIRECTORY);
  });

  it('drops rights a directory cannot pass on', () => {
    const h = make();
    const [, d] = h.open(3, 'dir', Oflags.DIRECTORY, Rights.PATH_OPEN | Rights.FD_READDIR, 0);
    const st = h.alloc(24);
    h.call('fd_fdstat_get', d, st);
    expect(h.u64(st + 8)).toBe(Rights.PATH_OPEN | Rights.FD_READDIR);
    expect(h.path('path_create_directory', d, 'x')).toBe(Errno.ENOTCAPABLE);
    expect(h.call('fd_fdstat_set_flags', 1, Fdflags.NONBLOCK)).toBe(0);
  });
});

describe('path encoding', () => {
  it('refuses invalid UTF-8 with EILSEQ and NUL with EINVAL', () => {
    const h = setup(BACKENDS[0].options({ 'a.txt': 'a' }));
    const p = h.alloc(4);
    h.memory.write(p, new Uint8Array([0x61, 0xff, 0x62]));
    const out = h.alloc(4);
    expect(h.call('path_open', 3, 0, p, 3, 0, 2n, 0n, 0, out)).toBe(Errno.EILSEQ);
    expect(h.path('path_unlink_file', 3, 'a.txt\0')).toBe(Errno.EINVAL);
    expect(h.path('path_create_directory', 3, 'x\0y')).toBe(Errno.EINVAL);
  });
});

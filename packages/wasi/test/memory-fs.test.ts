// MemoryFilesystem on its own, and EFAULT for every struct a call writes.

import { describe, expect, it } from 'vitest';
import {
  Errno,
  Filetype,
  MEMORY_NODE_BYTES,
  MemoryFilesystem,
  MemorySymlink,
  Oflags,
  WasiError,
} from '../src/index.js';
import { setup } from './harness.js';

const errno = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof WasiError ? e.errno : -1;
  }
  return 0;
};

describe('MemoryFilesystem', () => {
  it('builds from a plain tree', () => {
    const fs = new MemoryFilesystem({ a: 'text', b: new Uint8Array([1, 2]), d: { e: {} }, l: new MemorySymlink('a') });
    expect(fs.readdir('/')).toEqual(['a', 'b', 'd', 'l']);
    expect(fs.lstat('/a').size).toBe(4n);
    expect(fs.lstat('/b').filetype).toBe(Filetype.REGULAR_FILE);
    expect(fs.lstat('/d/e').filetype).toBe(Filetype.DIRECTORY);
    expect(fs.lstat('/l').filetype).toBe(Filetype.SYMBOLIC_LINK);
    expect(fs.readlink('/l')).toBe('a');
    expect(fs.lstat('/d').nlink).toBe(3n);
    expect(() => new MemoryFilesystem({ 'a/b': 'x' })).toThrow(TypeError);
  });
  it('answers POSIX errors', () => {
    const fs = new MemoryFilesystem({ a: 'x', d: { f: 'y' }, e: {} });
    expect(errno(() => fs.lstat('/missing'))).toBe(Errno.ENOENT);
    expect(errno(() => fs.lstat('/a/b'))).toBe(Errno.ENOTDIR);
    expect(errno(() => fs.mkdir('/a'))).toBe(Errno.EEXIST);
    expect(errno(() => fs.rmdir('/d'))).toBe(Errno.ENOTEMPTY);
    expect(errno(() => fs.rmdir('/a'))).toBe(Errno.ENOTDIR);
    expect(errno(() => fs.unlink('/d'))).toBe(Errno.EISDIR);
    expect(errno(() => fs.readlink('/a'))).toBe(Errno.EINVAL);
    expect(errno(() => fs.link('/d', '/d2'))).toBe(Errno.EPERM);
    expect(errno(() => fs.open('/d', { create: false, exclusive: false, truncate: false, write: false }))).toBe(
      Errno.EISDIR,
    );
    expect(errno(() => fs.open('/a', { create: true, exclusive: true, truncate: false, write: true }))).toBe(
      Errno.EEXIST,
    );
    expect(errno(() => fs.rename('/e', '/e/sub'))).toBe(Errno.EINVAL);
    const h = fs.open('/a', { create: false, exclusive: false, truncate: false, write: false });
    expect(errno(() => fs.write(h, new Uint8Array(1), 0n))).toBe(Errno.EBADF);
    fs.close(h);
    expect(errno(() => fs.read(h, new Uint8Array(1), 0n))).toBe(Errno.EBADF);
  });
  it('keeps an unlinked open file readable and zero-fills holes', () => {
    const fs = new MemoryFilesystem({ a: 'abc' });
    const h = fs.open('/a', { create: false, exclusive: false, truncate: false, write: true });
    fs.unlink('/a');
    expect(fs.fstat(h).nlink).toBe(0n);
    fs.write(h, new Uint8Array([9]), 5n);
    const buf = new Uint8Array(8);
    expect(fs.read(h, buf, 0n)).toBe(6);
    expect([...buf.subarray(0, 6)]).toEqual([97, 98, 99, 0, 0, 9]);
    fs.ftruncate(h, 1n);
    fs.ftruncate(h, 3n);
    expect(fs.read(h, buf, 0n)).toBe(3);
    expect([...buf.subarray(0, 3)]).toEqual([97, 0, 0]);
  });
  it("keeps a renamed directory's link count", () => {
    const fs = new MemoryFilesystem({ d: { sub: {} }, e: {} });
    fs.rename('/d', '/e/d2');
    expect(fs.lstat('/e/d2').nlink).toBe(3n);
    expect(fs.lstat('/e').nlink).toBe(3n);
    expect(fs.lstat('/').nlink).toBe(3n);
  });
});

describe('MemoryFilesystem capacity', () => {
  const RW = { create: true, exclusive: false, truncate: false, write: true };

  it('refuses what would grow it past its capacity with ENOSPC, and gives back what is removed', () => {
    const fs = new MemoryFilesystem({}, { capacity: 4 * MEMORY_NODE_BYTES + 1000 });
    const empty = fs.bytesUsed;
    expect(empty).toBe(MEMORY_NODE_BYTES);
    const h = fs.open('/f', RW);
    expect(fs.bytesUsed).toBe(empty + MEMORY_NODE_BYTES + 1);
    expect(errno(() => fs.write(h, new Uint8Array(2000), 0n))).toBe(Errno.ENOSPC);
    expect(fs.lstat('/f').size).toBe(0n);
    expect(fs.write(h, new Uint8Array(900), 0n)).toBe(900);
    expect(errno(() => fs.ftruncate(h, 5000n))).toBe(Errno.ENOSPC);
    fs.mkdir('/d');
    fs.symlink('f', '/l');
    expect(errno(() => fs.mkdir('/d2'))).toBe(Errno.ENOSPC);
    expect(errno(() => fs.symlink('x'.repeat(200), '/l2'))).toBe(Errno.ENOSPC);
    expect(errno(() => fs.open('/g', RW))).toBe(Errno.ENOSPC);
    // An unlinked file holds its bytes until its last handle is closed.
    const before = fs.bytesUsed;
    fs.unlink('/f');
    expect(fs.bytesUsed).toBe(before - 1);
    expect(errno(() => fs.mkdir('/d2'))).toBe(Errno.ENOSPC);
    fs.close(h);
    fs.mkdir('/d2');
    fs.rename('/d2', '/d/longer-name');
    for (const p of ['/d/longer-name', '/d']) fs.rmdir(p);
    fs.unlink('/l');
    expect(fs.bytesUsed).toBe(empty);
  });

  it('guests get ENOSPC, and a 4 GiB file is at most one 4 GiB buffer', () => {
    const h = setup({ fs: new MemoryFilesystem({}, { capacity: 1 << 20 }), preopens: { '/': '/' } });
    const [, fd] = h.open(3, 'big', Oflags.CREAT);
    expect(h.call('fd_filestat_set_size', fd, 0xffff_ffffn)).toBe(Errno.ENOSPC);
    expect(h.call('fd_allocate', fd, 0n, 2n << 20n)).toBe(Errno.ENOSPC);
    expect(h.call('fd_filestat_set_size', fd, 1000n)).toBe(0);
    const free = new MemoryFilesystem();
    const f = free.open('/big', RW);
    free.ftruncate(f, 0x8000_0001n);
    expect(free.write(f, new Uint8Array([1]), 0xffff_fffen)).toBe(1);
    expect(free.bytesUsed).toBeLessThanOrEqual(0xffff_ffff + 3 * MEMORY_NODE_BYTES);
  });
});

describe('EFAULT', () => {
  it('answers EFAULT for every out-of-bounds result', () => {
    const h = setup({
      fs: new MemoryFilesystem({ d: { f: 'x', l: new MemorySymlink('f') } }),
      preopens: { '/d': '/d' },
    });
    const BAD = 2 * 65536 - 4;
    const [, fd] = h.open(3, 'f');
    expect(h.call('fd_fdstat_get', fd, BAD)).toBe(Errno.EFAULT);
    expect(h.call('fd_filestat_get', fd, BAD)).toBe(Errno.EFAULT);
    expect(h.call('fd_prestat_get', 3, BAD)).toBe(Errno.EFAULT);
    expect(h.call('fd_prestat_dir_name', 3, BAD + 3, 2)).toBe(Errno.EFAULT);
    expect(h.call('fd_tell', fd, BAD)).toBe(Errno.EFAULT);
    expect(h.call('fd_seek', fd, 0n, 0, BAD)).toBe(Errno.EFAULT);
    expect(h.call('fd_readdir', 3, 0, 64, 0n, BAD + 1)).toBe(Errno.EFAULT);
    expect(h.call('fd_read', fd, BAD, 1, 0)).toBe(Errno.EFAULT);
    const [p, l] = h.str('f');
    expect(h.call('path_filestat_get', 3, 0, p, l, BAD)).toBe(Errno.EFAULT);
    expect(h.call('path_filestat_get', 3, 0, BAD, 100, 0)).toBe(Errno.EFAULT);
    expect(h.call('path_open', 3, 0, p, l, Oflags.CREAT, 2n, 0n, 0, BAD + 1)).toBe(Errno.EFAULT);
    const [lp, ll] = h.str('l');
    expect(h.call('path_readlink', 3, lp, ll, BAD, 100, 0)).toBe(Errno.EFAULT);
    // A failed call leaves no descriptor behind.
    expect(h.open(3, 'f')[1]).toBe(fd + 1);
  });
});

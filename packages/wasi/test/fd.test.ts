// fd_* calls on both backends: read/write/seek/tell, pread/pwrite, fdstat, filestat, sizes, times,
// renumber, close, prestat, readdir.

import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Errno, Fdflags, Filetype, Fstflags, MemorySymlink, Oflags, Rights, Whence } from '../src/index.js';
import { BACKENDS } from './backends.js';
import { setup } from './harness.js';

const ALL = (1n << 30n) - 1n;

describe.each(BACKENDS)('fd calls ($name)', (backend) => {
  const make = (tree = {}) => setup(backend.options({ 'a.txt': 'hello world', sub: { x: 'x' }, ...tree }));

  it('reads, writes, seeks and tells', () => {
    const h = make();
    const [e, fd] = h.open(3, 'a.txt');
    expect(e).toBe(0);
    expect(fd).toBe(4);
    expect(h.read(fd, 5)).toEqual([0, 'hello']);
    const p = h.alloc(8);
    expect(h.call('fd_tell', fd, p)).toBe(0);
    expect(h.u64(p)).toBe(5n);
    expect(h.call('fd_seek', fd, -5n, Whence.END, p)).toBe(0);
    expect(h.u64(p)).toBe(6n);
    expect(h.read(fd, 100)).toEqual([0, 'world']);
    expect(h.read(fd, 100)).toEqual([0, '']);
    expect(h.call('fd_seek', fd, -100n, Whence.CUR, p)).toBe(Errno.EINVAL);
    expect(h.call('fd_seek', fd, 0n, 7, p)).toBe(Errno.EINVAL);
    expect(h.call('fd_seek', fd, 0n, Whence.SET, p)).toBe(0);
    expect(h.write(fd, 'HELLO')).toEqual([0, 5]);
    expect(h.call('fd_seek', fd, 0n, Whence.SET, p)).toBe(0);
    expect(h.read(fd, 100)).toEqual([0, 'HELLO world']);
    expect(h.call('fd_seek', fd, 20n, Whence.SET, p)).toBe(0);
    expect(h.write(fd, '!')).toEqual([0, 1]);
    const st = h.alloc(64);
    expect(h.call('fd_filestat_get', fd, st)).toBe(0);
    expect(h.u64(st + 32)).toBe(21n);
    expect(h.u8(st + 16)).toBe(Filetype.REGULAR_FILE);
  });

  it('gathers and scatters several iovecs', () => {
    const h = make();
    const [, fd] = h.open(3, 'a.txt');
    const iovs = h.alloc(16);
    const b1 = h.alloc(3);
    const b2 = h.alloc(20);
    h.setU32(iovs, b1);
    h.setU32(iovs + 4, 3);
    h.setU32(iovs + 8, b2);
    h.setU32(iovs + 12, 20);
    const n = h.alloc(4);
    expect(h.call('fd_read', fd, iovs, 2, n)).toBe(0);
    expect(h.u32(n)).toBe(11);
    expect(h.text(b1, 3) + h.text(b2, 8)).toBe('hello world');
  });

  it('preads and pwrites without moving the offset', () => {
    const h = make();
    const [, fd] = h.open(3, 'a.txt');
    const [p, l] = h.str('WORLD');
    const iov = h.alloc(8);
    h.setU32(iov, p);
    h.setU32(iov + 4, l);
    const n = h.alloc(4);
    expect(h.call('fd_pwrite', fd, iov, 1, 6n, n)).toBe(0);
    expect(h.u32(n)).toBe(5);
    const buf = h.alloc(5);
    h.setU32(iov, buf);
    expect(h.call('fd_pread', fd, iov, 1, 6n, n)).toBe(0);
    expect(h.text(buf, h.u32(n))).toBe('WORLD');
    expect(h.read(fd, 5)).toEqual([0, 'hello']);
    expect(h.call('fd_pread', 1, iov, 1, 0n, n)).toBe(Errno.ESPIPE);
  });

  it('appends with FDFLAGS_APPEND', () => {
    const h = make();
    const [, fd] = h.open(3, 'a.txt', 0, ALL, Fdflags.APPEND);
    expect(h.write(fd, '!')).toEqual([0, 1]);
    const st = h.alloc(24);
    expect(h.call('fd_fdstat_get', fd, st)).toBe(0);
    expect(h.u16(st + 2)).toBe(Fdflags.APPEND);
    expect(h.call('fd_fdstat_set_flags', fd, 0)).toBe(0);
    expect(h.call('fd_fdstat_get', fd, st)).toBe(0);
    expect(h.u16(st + 2)).toBe(0);
    const [, fd2] = h.open(3, 'a.txt');
    expect(h.read(fd2, 100)).toEqual([0, 'hello world!']);
  });

  it('reports fdstat with rights and narrows them', () => {
    const h = make();
    const st = h.alloc(24);
    expect(h.call('fd_fdstat_get', 3, st)).toBe(0);
    expect(h.u8(st)).toBe(Filetype.DIRECTORY);
    expect(h.u64(st + 8) & Rights.PATH_OPEN).toBe(Rights.PATH_OPEN);
    expect(h.call('fd_fdstat_get', 1, st)).toBe(0);
    expect(h.u8(st)).toBe(Filetype.CHARACTER_DEVICE);
    const [, fd] = h.open(3, 'a.txt', 0, Rights.FD_READ | Rights.FD_SEEK);
    expect(h.call('fd_fdstat_get', fd, st)).toBe(0);
    expect(h.u64(st + 8)).toBe(Rights.FD_READ | Rights.FD_SEEK);
    expect(h.write(fd, 'x')[0]).toBe(Errno.EBADF);
    expect(h.call('fd_fdstat_set_rights', fd, Rights.FD_READ, 0n)).toBe(0);
    expect(h.call('fd_seek', fd, 1n, Whence.SET, h.alloc(8))).toBe(Errno.ENOTCAPABLE);
    expect(h.call('fd_fdstat_set_rights', fd, Rights.FD_READ | Rights.FD_WRITE, 0n)).toBe(Errno.ENOTCAPABLE);
    expect(h.call('fd_fdstat_get', 99, st)).toBe(Errno.EBADF);
  });

  it('reads back times set to the nanosecond, by descriptor and by path (on the Node filesystem while the host keeps the value setting them left)', () => {
    const options = backend.options({ 'a.txt': 'hello world' });
    const h = setup(options);
    const [, fd] = h.open(3, 'a.txt');
    const st = h.alloc(64);
    const a = 1_600_000_000_123_456_789n;
    const m = 1_650_000_000_987_654_321n;
    expect(h.call('fd_filestat_set_times', fd, a, m, Fstflags.ATIM | Fstflags.MTIM)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect([h.u64(st + 40), h.u64(st + 48)]).toEqual([a, m]);
    const [p, l] = h.str('a.txt');
    expect(h.call('path_filestat_set_times', 3, 0, p, l, 0n, m + 1n, Fstflags.MTIM)).toBe(0);
    expect(h.call('path_filestat_get', 3, 0, p, l, st)).toBe(0);
    expect([h.u64(st + 40), h.u64(st + 48)]).toEqual([a, m + 1n]);
    if (backend.name === 'node') {
      // the host changes the times: its values show again
      const host = (options.preopens as Record<string, string>)['/sandbox'];
      utimesSync(join(host, 'a.txt'), 1_700_000_000, 1_700_000_001);
      h.call('fd_filestat_get', fd, st);
      expect([h.u64(st + 40), h.u64(st + 48)]).toEqual([1_700_000_000_000_000_000n, 1_700_000_001_000_000_000n]);
    }
  });

  it('sets size, allocates and sets times', () => {
    const h = make();
    const [, fd] = h.open(3, 'a.txt');
    const st = h.alloc(64);
    expect(h.call('fd_filestat_set_size', fd, 3n)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect(h.u64(st + 32)).toBe(3n);
    expect(h.call('fd_allocate', fd, 0n, 10n)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect(h.u64(st + 32)).toBe(10n);
    expect(h.call('fd_allocate', fd, 0n, 5n)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect(h.u64(st + 32)).toBe(10n);
    const t = 1_600_000_000_000_000_000n;
    expect(h.call('fd_filestat_set_times', fd, t, t + 1_000_000_000n, Fstflags.ATIM | Fstflags.MTIM)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect(h.u64(st + 40)).toBe(t);
    expect(h.u64(st + 48)).toBe(t + 1_000_000_000n);
    expect(h.call('fd_filestat_set_times', fd, 0n, 0n, Fstflags.ATIM | Fstflags.ATIM_NOW)).toBe(Errno.EINVAL);
    expect(h.call('fd_filestat_set_times', fd, 0n, 0n, Fstflags.MTIM_NOW)).toBe(0);
    h.call('fd_filestat_get', fd, st);
    expect(h.u64(st + 48)).toBeGreaterThan(t + 1_000_000_000n);
    expect(h.call('fd_advise', fd, 0n, 0n, 1)).toBe(0);
    expect(h.call('fd_advise', fd, 0n, 0n, 9)).toBe(Errno.EINVAL);
    expect(h.call('fd_sync', fd)).toBe(0);
    expect(h.call('fd_datasync', fd)).toBe(0);
    expect(h.call('fd_filestat_set_size', 3, 0n)).toBe(Errno.EBADF);
  });

  it('treats a directory fd as no file', () => {
    const h = make();
    expect(h.read(3, 4)[0]).toBe(Errno.EBADF);
    expect(h.write(3, 'x')[0]).toBe(Errno.EBADF);
    expect(h.call('fd_seek', 3, 0n, 0, h.alloc(8))).toBe(Errno.EBADF);
    expect(h.call('fd_tell', 3, h.alloc(8))).toBe(Errno.EBADF);
    const [, fd] = h.open(3, 'a.txt');
    expect(h.call('fd_readdir', fd, h.alloc(64), 64, 0n, h.alloc(4))).toBe(Errno.ENOTDIR);
    expect(h.call('fd_seek', 1, 0n, 0, h.alloc(8))).toBe(Errno.ESPIPE);
  });

  it('reports preopens', () => {
    const h = make();
    const p = h.alloc(8);
    expect(h.call('fd_prestat_get', 3, p)).toBe(0);
    expect(h.u8(p)).toBe(0);
    expect(h.u32(p + 4)).toBe(8);
    const name = h.alloc(8);
    expect(h.call('fd_prestat_dir_name', 3, name, 8)).toBe(0);
    expect(h.text(name, 8)).toBe('/sandbox');
    expect(h.call('fd_prestat_dir_name', 3, name, 4)).toBe(Errno.ENAMETOOLONG);
    expect(h.call('fd_prestat_get', 4, p)).toBe(Errno.EBADF);
    expect(h.call('fd_prestat_get', 0, p)).toBe(Errno.EBADF);
    const [, fd] = h.open(3, 'sub', Oflags.DIRECTORY, Rights.PATH_OPEN | Rights.FD_READDIR);
    expect(h.call('fd_prestat_get', fd, p)).toBe(Errno.EBADF);
  });

  it('closes and renumbers', () => {
    const h = make();
    const [, a] = h.open(3, 'a.txt');
    const [, b] = h.open(3, 'sub/x');
    expect(h.call('fd_renumber', a, b)).toBe(0);
    expect(h.read(b, 5)).toEqual([0, 'hello']);
    expect(h.read(a, 5)[0]).toBe(Errno.EBADF);
    expect(h.call('fd_renumber', b, 77)).toBe(Errno.EBADF);
    expect(h.call('fd_renumber', 77, b)).toBe(Errno.EBADF);
    expect(h.call('fd_close', b)).toBe(0);
    expect(h.call('fd_close', b)).toBe(Errno.EBADF);
    // The lowest free number is reused.
    expect(h.open(3, 'a.txt')[1]).toBe(4);
  });

  it('opens at most maxDescriptors descriptors (EMFILE, nothing created)', () => {
    const h = setup(backend.options({ 'a.txt': 'hello' }, { maxDescriptors: 5 }));
    const [e, fd] = h.open(3, 'a.txt');
    expect([e, fd]).toEqual([0, 4]);
    expect(h.open(3, 'a.txt')[0]).toBe(Errno.EMFILE);
    expect(h.open(3, '.', Oflags.DIRECTORY, Rights.PATH_OPEN)[0]).toBe(Errno.EMFILE);
    expect(h.open(3, 'new.txt', Oflags.CREAT)[0]).toBe(Errno.EMFILE);
    expect(h.call('fd_close', fd)).toBe(0);
    expect(h.open(3, 'new.txt')[0]).toBe(Errno.ENOENT);
    expect(h.open(3, 'a.txt')[0]).toBe(0);
  });

  it('takes at most IOV_MAX (1,024) iovecs a call', () => {
    const h = make();
    const [, fd] = h.open(3, 'a.txt');
    const iovs = h.alloc(1025 * 8);
    const buf = h.alloc(1025);
    for (let i = 0; i < 1025; i++) {
      h.setU32(iovs + i * 8, buf + i);
      h.setU32(iovs + i * 8 + 4, 1);
    }
    const out = h.alloc(4);
    expect(h.call('fd_read', fd, iovs, 1025, out)).toBe(Errno.EINVAL);
    expect(h.call('fd_write', fd, iovs, 1025, out)).toBe(Errno.EINVAL);
    expect(h.call('fd_pread', fd, iovs, 1025, 0n, out)).toBe(Errno.EINVAL);
    expect(h.call('fd_pwrite', fd, iovs, 1025, 0n, out)).toBe(Errno.EINVAL);
    expect(h.call('fd_read', fd, iovs, 1024, out)).toBe(0);
    expect(h.u32(out)).toBe(11);
    expect(h.text(buf, 11)).toBe('hello world');
  });

  it('lists a directory with . and .., cookies and truncation', () => {
    const h = make({ dir: { b: 'b', a: 'aa', c: {} } });
    const [, d] = h.open(3, 'dir', Oflags.DIRECTORY, Rights.FD_READDIR | Rights.PATH_OPEN);
    const buf = h.alloc(1024);
    const used = h.alloc(4);
    expect(h.call('fd_readdir', d, buf, 1024, 0n, used)).toBe(0);
    const entries: { next: bigint; name: string; type: number; ino: bigint }[] = [];
    for (let off = 0; off < h.u32(used); ) {
      const len = h.u32(buf + off + 16);
      entries.push({
        next: h.u64(buf + off),
        ino: h.u64(buf + off + 8),
        type: h.u8(buf + off + 20),
        name: h.text(buf + off + 24, len),
      });
      off += 24 + len;
    }
    expect(entries.map((e) => e.name)).toEqual(['.', '..', 'a', 'b', 'c']);
    expect(entries.map((e) => e.next)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(entries.map((e) => e.type)).toEqual([3, 3, 4, 4, 3]);
    expect(entries[2].ino).not.toBe(0n);
    // Resume from a cookie.
    expect(h.call('fd_readdir', d, buf, 1024, 3n, used)).toBe(0);
    expect(h.u32(used)).toBe(25 + 25);
    expect(h.text(buf + 24, 1)).toBe('b');
    // A short buffer is filled completely with a truncated entry.
    expect(h.call('fd_readdir', d, buf, 30, 0n, used)).toBe(0);
    expect(h.u32(used)).toBe(30);
    expect(h.call('fd_readdir', d, buf, 10, 2n, used)).toBe(0);
    expect(h.u32(used)).toBe(10);
    expect(h.u64(buf)).toBe(3n);
    // A cookie past the end gives nothing.
    expect(h.call('fd_readdir', d, buf, 1024, 100n, used)).toBe(0);
    expect(h.u32(used)).toBe(0);
    expect(h.call('fd_readdir', d, 0xffff_fff0, 100, 0n, used)).toBe(Errno.EFAULT);
  });

  it('lists UTF-8 names by byte length and symlinks by their own type', () => {
    const h = make({ u: { 'é.txt': 'x', ln: new MemorySymlink('é.txt') } });
    const [, d] = h.open(3, 'u', Oflags.DIRECTORY, Rights.FD_READDIR | Rights.PATH_OPEN);
    const buf = h.alloc(256);
    const used = h.alloc(4);
    expect(h.call('fd_readdir', d, buf, 256, 2n, used)).toBe(0);
    // Sorted: 'ln' (0x6c) before 'é.txt' (0xc3 0xa9 in UTF-8).
    expect(h.u32(buf + 16)).toBe(2);
    expect(h.text(buf + 24, 2)).toBe('ln');
    expect(h.u8(buf + 20)).toBe(Filetype.SYMBOLIC_LINK);
    expect(h.u32(buf + 26 + 16)).toBe(6);
    expect(h.text(buf + 26 + 24, 6)).toBe('é.txt');
    expect(h.u8(buf + 26 + 20)).toBe(Filetype.REGULAR_FILE);
    expect(h.u32(used)).toBe(26 + 30);
  });
});

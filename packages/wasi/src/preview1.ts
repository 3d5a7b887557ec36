// Every wasi_snapshot_preview1 function, defined on a wasmts Linker. Each returns an errno; a WasiError
// thrown inside becomes its errno, a bad guest pointer EFAULT, and `WasiExit` leaves the call unchanged.

import { encodeUtf8 } from '@wasmts/environ';
import { type Caller, funcType, type Linker, ValType } from 'wasmts';
import { clockNow, clockRes } from './clocks.js';
import {
  Advice,
  Errno,
  Fdflags,
  Filetype,
  Fstflags,
  Lookupflags,
  Oflags,
  RIGHTS_DIRECTORY,
  RIGHTS_FILE,
  Rights,
  Whence,
} from './constants.js';
import { Ctx } from './context.js';
import type { FdEntry, WasiState } from './descriptors.js';
import { WasiExit } from './exit.js';
import { errnoOfCode, type FileStat, fail, joinPath, nowNs, WasiError } from './filesystem.js';
import type { GuestMemory } from './guest-memory.js';
import { pollOneoff } from './poll.js';
import { dirPath, followRename, resolvePath } from './resolve.js';

function writeFilestat(mem: GuestMemory, ptr: number, s: FileStat): void {
  mem.check(ptr, 64);
  mem.setU64(ptr, s.dev);
  mem.setU64(ptr + 8, s.ino);
  mem.setU8(ptr + 16, s.filetype);
  mem.u8.fill(0, ptr + 17, ptr + 24);
  mem.setU64(ptr + 24, s.nlink);
  mem.setU64(ptr + 32, s.size);
  mem.setU64(ptr + 40, s.atim);
  mem.setU64(ptr + 48, s.mtim);
  mem.setU64(ptr + 56, s.ctim);
}

function statOf(c: Ctx, e: FdEntry): FileStat {
  if (e.file !== null) return c.wasi.fs.fstat(e.file);
  if (e.dir !== null) return c.wasi.fs.lstat(dirPath(c.wasi.fs, e.dir));
  return { dev: 0n, ino: 0n, filetype: e.filetype, nlink: 1n, size: 0n, atim: 0n, mtim: 0n, ctim: 0n };
}

/** The (atim, mtim) to set from `fstflags` (EINVAL for both a time and "now"). */
function times(atim: bigint, mtim: bigint, flags: number): [bigint | null, bigint | null] {
  if (flags & ~0xf) fail(Errno.EINVAL);
  if (flags & Fstflags.ATIM && flags & Fstflags.ATIM_NOW) fail(Errno.EINVAL);
  if (flags & Fstflags.MTIM && flags & Fstflags.MTIM_NOW) fail(Errno.EINVAL);
  const now = nowNs();
  const a = flags & Fstflags.ATIM_NOW ? now : flags & Fstflags.ATIM ? atim : null;
  const m = flags & Fstflags.MTIM_NOW ? now : flags & Fstflags.MTIM ? mtim : null;
  return [a, m];
}

/** Writes a list of strings as a pointer array plus NUL-terminated bytes. */
function writeStrings(mem: GuestMemory, list: readonly string[], ptrs: number, buf: number): void {
  let off = buf;
  for (let i = 0; i < list.length; i++) {
    const bytes = encodeUtf8(list[i]);
    mem.setU32(ptrs + i * 4, off);
    mem.write(off, bytes);
    mem.setU8(off + bytes.length, 0);
    off += bytes.length + 1;
  }
}

function writeSizes(mem: GuestMemory, list: readonly string[], countPtr: number, sizePtr: number): void {
  mem.setU32(countPtr, list.length);
  mem.setU32(
    sizePtr,
    list.reduce((n, s) => n + encodeUtf8(s).length + 1, 0),
  );
}

function readInto(c: Ctx, e: FdEntry, iovs: Uint8Array[], position: bigint | null): number {
  let total = 0;
  if (e.stream !== null) {
    // One read of the whole capacity: a second one could block on a terminal after a full line.
    const capacity = iovs.reduce((n, v) => n + v.length, 0);
    if (capacity === 0) return 0;
    const chunk = e.stream.read(capacity);
    for (const iov of iovs) {
      if (total === chunk.length) break;
      const part = chunk.subarray(total, total + iov.length);
      iov.set(part);
      total += part.length;
    }
    return total;
  }
  for (const iov of iovs) {
    if (iov.length === 0) continue;
    const n = c.wasi.fs.read(e.file, iov, (position ?? e.position) + BigInt(total));
    total += n;
    if (n < iov.length) break;
  }
  return total;
}

function writeFrom(c: Ctx, e: FdEntry, iovs: Uint8Array[], position: bigint | null): number {
  let total = 0;
  if (e.stream !== null) {
    const all = new Uint8Array(iovs.reduce((n, v) => n + v.length, 0));
    for (const iov of iovs) {
      all.set(iov, total);
      total += iov.length;
    }
    e.stream.write(all);
    return total;
  }
  let at = position ?? (e.fdflags & Fdflags.APPEND ? c.wasi.fs.fstat(e.file).size : e.position);
  for (const iov of iovs) {
    if (iov.length === 0) continue;
    const n = c.wasi.fs.write(e.file, iov.slice(), at);
    total += n;
    at += BigInt(n);
    if (n < iov.length) break;
  }
  if (position === null) e.position = at;
  return total;
}

// biome-ignore lint/suspicious/noExplicitAny: each import's parameters are typed by its WASI signature (i32 numbers, i64 bigints)
type Impl = (c: Ctx, ...args: any[]) => unknown;

/** A socket call on an open descriptor: none is a socket. */
function notSocket(c: Ctx, fd: number): number {
  c.fd(fd);
  return Errno.ENOTSOCK;
}

/** Every call: name -> params ('i' i32, 'I' i64) and implementation. */
const calls: Record<string, [string, Impl]> = {
  args_get: ['ii', (c, argv: number, buf: number) => writeStrings(c.mem, c.wasi.args, argv, buf)],
  args_sizes_get: ['ii', (c, argc: number, size: number) => writeSizes(c.mem, c.wasi.args, argc, size)],
  environ_get: ['ii', (c, env: number, buf: number) => writeStrings(c.mem, c.wasi.env, env, buf)],
  environ_sizes_get: ['ii', (c, n: number, size: number) => writeSizes(c.mem, c.wasi.env, n, size)],

  clock_res_get: [
    'ii',
    (c, id: number, ptr: number) => {
      const r = clockRes(id);
      if (r === null) return Errno.EINVAL;
      c.mem.setU64(ptr, r);
    },
  ],
  clock_time_get: [
    'iIi',
    (c, id: number, _precision: bigint, ptr: number) => {
      const t = clockNow(id);
      if (t === null) return Errno.EINVAL;
      c.mem.setU64(ptr, t);
    },
  ],
  random_get: [
    'ii',
    (c, ptr: number, len: number) => {
      const out = c.mem.bytes(ptr, len);
      for (let off = 0; off < len; off += 65536) {
        const chunk = new Uint8Array(Math.min(65536, len - off));
        crypto.getRandomValues(chunk);
        out.set(chunk, off);
      }
    },
  ],

  fd_advise: [
    'iIIi',
    (c, fd: number, _offset: bigint, _len: bigint, advice: number) => {
      c.file(fd, Rights.FD_ADVISE);
      if (advice > Advice.NOREUSE) return Errno.EINVAL;
    },
  ],
  fd_allocate: [
    'iII',
    (c, fd: number, offset: bigint, len: bigint) => {
      const e = c.file(fd, Rights.FD_ALLOCATE);
      if (e.stream !== null) return Errno.ESPIPE;
      if (len === 0n || offset + len > 0x7fff_ffff_ffff_ffffn) return Errno.EINVAL;
      if (c.wasi.fs.fstat(e.file).size < offset + len) c.wasi.fs.ftruncate(e.file, offset + len);
    },
  ],
  fd_close: [
    'i',
    (c, fd: number) => {
      const e = c.fd(fd);
      c.wasi.fds.delete(fd);
      if (e.file !== null) c.wasi.fs.close(e.file);
    },
  ],
  fd_datasync: [
    'i',
    (c, fd: number) => {
      const e = c.fd(fd);
      if ((e.rightsBase & Rights.FD_DATASYNC) === 0n) return Errno.ENOTCAPABLE;
      if (e.file !== null) c.wasi.fs.fsync(e.file);
    },
  ],
  fd_fdstat_get: [
    'ii',
    (c, fd: number, ptr: number) => {
      const e = c.fd(fd);
      c.mem.check(ptr, 24);
      c.mem.setU8(ptr, e.filetype);
      c.mem.setU8(ptr + 1, 0);
      c.mem.setU16(ptr + 2, e.fdflags);
      c.mem.setU32(ptr + 4, 0);
      c.mem.setU64(ptr + 8, e.rightsBase);
      c.mem.setU64(ptr + 16, e.rightsInheriting);
    },
  ],
  fd_fdstat_set_flags: [
    'ii',
    (c, fd: number, flags: number) => {
      const e = c.fd(fd);
      if ((e.rightsBase & Rights.FD_FDSTAT_SET_FLAGS) === 0n) return Errno.ENOTCAPABLE;
      if (flags & ~0x1f) return Errno.EINVAL;
      e.fdflags = flags;
    },
  ],
  fd_fdstat_set_rights: [
    'iII',
    (c, fd: number, base: bigint, inheriting: bigint) => {
      const e = c.fd(fd);
      if ((base & ~e.rightsBase) !== 0n || (inheriting & ~e.rightsInheriting) !== 0n) return Errno.ENOTCAPABLE;
      e.rightsBase = base;
      e.rightsInheriting = inheriting;
    },
  ],
  fd_filestat_get: [
    'ii',
    (c, fd: number, ptr: number) => {
      const e = c.fd(fd);
      if ((e.rightsBase & Rights.FD_FILESTAT_GET) === 0n) return Errno.ENOTCAPABLE;
      c.mem.check(ptr, 64);
      writeFilestat(c.mem, ptr, statOf(c, e));
    },
  ],
  fd_filestat_set_size: [
    'iI',
    (c, fd: number, size: bigint) => {
      const e = c.file(fd, Rights.FD_FILESTAT_SET_SIZE);
      if (e.stream !== null) return Errno.EINVAL;
      if (size > 0x7fff_ffff_ffff_ffffn) return Errno.EFBIG;
      c.wasi.fs.ftruncate(e.file, size);
    },
  ],
  fd_filestat_set_times: [
    'iIIi',
    (c, fd: number, atim: bigint, mtim: bigint, flags: number) => {
      const e = c.fd(fd);
      if ((e.rightsBase & Rights.FD_FILESTAT_SET_TIMES) === 0n) return Errno.ENOTCAPABLE;
      const [a, m] = times(atim, mtim, flags);
      if (e.file !== null) c.wasi.fs.futimes(e.file, a, m);
      else if (e.dir !== null) c.wasi.fs.utimes(dirPath(c.wasi.fs, e.dir), a, m);
    },
  ],
  fd_pread: [
    'iiiIi',
    (c, fd: number, iovs: number, n: number, offset: bigint, out: number) => {
      const e = c.file(fd, Rights.FD_READ);
      if (e.stream !== null) return Errno.ESPIPE;
      if ((e.rightsBase & Rights.FD_SEEK) === 0n) return Errno.ENOTCAPABLE;
      const list = c.mem.iovecs(iovs, n);
      c.mem.check(out, 4);
      c.mem.setU32(out, readInto(c, e, list, offset));
    },
  ],
  fd_prestat_get: [
    'ii',
    (c, fd: number, ptr: number) => {
      const e = c.fd(fd);
      if (e.preopen === null) return Errno.EBADF;
      c.mem.check(ptr, 8);
      c.mem.setU32(ptr, 0);
      c.mem.setU32(ptr + 4, encodeUtf8(e.preopen).length);
    },
  ],
  fd_prestat_dir_name: [
    'iii',
    (c, fd: number, ptr: number, len: number) => {
      const e = c.fd(fd);
      if (e.preopen === null) return Errno.EBADF;
      const name = encodeUtf8(e.preopen);
      if (len < name.length) return Errno.ENAMETOOLONG;
      c.mem.write(ptr, name);
    },
  ],
  fd_pwrite: [
    'iiiIi',
    (c, fd: number, iovs: number, n: number, offset: bigint, out: number) => {
      const e = c.file(fd, Rights.FD_WRITE);
      if (e.stream !== null) return Errno.ESPIPE;
      if ((e.rightsBase & Rights.FD_SEEK) === 0n) return Errno.ENOTCAPABLE;
      const list = c.mem.iovecs(iovs, n);
      c.mem.check(out, 4);
      c.mem.setU32(out, writeFrom(c, e, list, offset));
    },
  ],
  fd_read: [
    'iiii',
    (c, fd: number, iovs: number, n: number, out: number) => {
      const e = c.file(fd, Rights.FD_READ);
      const list = c.mem.iovecs(iovs, n);
      c.mem.check(out, 4);
      const count = readInto(c, e, list, null);
      if (e.stream === null) e.position += BigInt(count);
      c.mem.setU32(out, count);
    },
  ],
  fd_readdir: [
    'iiiIi',
    (c, fd: number, buf: number, len: number, cookie: bigint, out: number) => {
      const e = c.dir(fd, Rights.FD_READDIR);
      const fs = c.wasi.fs;
      c.mem.check(buf, len);
      c.mem.check(out, 4);
      const path = dirPath(fs, e.dir);
      const names = ['.', '..', ...fs.readdir(path)];
      const self = fs.lstat(path);
      let used = 0;
      for (let i = Number(cookie > BigInt(names.length) ? BigInt(names.length) : cookie); i < names.length; i++) {
        const name = encodeUtf8(names[i]);
        let ino = self.ino;
        let type: number = Filetype.DIRECTORY;
        if (i === 1 && e.dir.parts.length > 0) {
          // The parent is inside the preopen (a preopen's own parent is outside: its `..` is itself).
          ino = fs.lstat(path.endsWith('/.') ? `${path}.` : path.slice(0, path.lastIndexOf('/')) || '/').ino;
        } else if (i >= 2) {
          try {
            const s = fs.lstat(joinPath(path, names[i]));
            ino = s.ino;
            type = s.filetype;
          } catch {
            ino = 0n;
            type = Filetype.UNKNOWN;
          }
        }
        const dirent = new Uint8Array(24 + name.length);
        const v = new DataView(dirent.buffer);
        v.setBigUint64(0, BigInt(i + 1), true);
        v.setBigUint64(8, ino, true);
        v.setUint32(16, name.length, true);
        v.setUint8(20, type);
        dirent.set(name, 24);
        const room = len - used;
        c.mem.write(buf + used, dirent.subarray(0, Math.min(room, dirent.length)));
        used += Math.min(room, dirent.length);
        if (used === len) break;
      }
      c.mem.setU32(out, used);
    },
  ],
  fd_renumber: [
    'ii',
    (c, from: number, to: number) => {
      const e = c.fd(from);
      const old = c.fd(to);
      if (from === to) return;
      if (old.file !== null) c.wasi.fs.close(old.file);
      c.wasi.fds.set(to, e);
      c.wasi.fds.delete(from);
    },
  ],
  fd_seek: [
    'iIii',
    (c, fd: number, offset: bigint, whence: number, out: number) => {
      const tell = offset === 0n && whence === Whence.CUR;
      if (c.fd(fd).stream !== null) return Errno.ESPIPE;
      const e = c.file(fd, tell ? Rights.FD_TELL : Rights.FD_SEEK);
      if (e.stream !== null) return Errno.ESPIPE;
      c.mem.check(out, 8);
      const delta = BigInt.asIntN(64, offset);
      let base: bigint;
      if (whence === Whence.SET) base = 0n;
      else if (whence === Whence.CUR) base = e.position;
      else if (whence === Whence.END) base = c.wasi.fs.fstat(e.file).size;
      else return Errno.EINVAL;
      const pos = base + delta;
      if (pos < 0n || pos > 0x7fff_ffff_ffff_ffffn) return Errno.EINVAL;
      e.position = pos;
      c.mem.setU64(out, pos);
    },
  ],
  fd_sync: [
    'i',
    (c, fd: number) => {
      const e = c.fd(fd);
      if ((e.rightsBase & Rights.FD_SYNC) === 0n) return Errno.ENOTCAPABLE;
      if (e.file !== null) c.wasi.fs.fsync(e.file);
    },
  ],
  fd_tell: [
    'ii',
    (c, fd: number, out: number) => {
      if (c.fd(fd).stream !== null) return Errno.ESPIPE;
      const e = c.file(fd, Rights.FD_TELL);
      if (e.stream !== null) return Errno.ESPIPE;
      c.mem.setU64(out, e.position);
    },
  ],
  fd_write: [
    'iiii',
    (c, fd: number, iovs: number, n: number, out: number) => {
      const e = c.file(fd, Rights.FD_WRITE);
      const list = c.mem.iovecs(iovs, n);
      c.mem.check(out, 4);
      c.mem.setU32(out, writeFrom(c, e, list, null));
    },
  ],

  path_create_directory: [
    'iii',
    (c, fd: number, p: number, l: number) => {
      const d = c.dir(fd, Rights.PATH_CREATE_DIRECTORY);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), false);
      if (r.dot || r.stat !== null) return Errno.EEXIST;
      c.wasi.fs.mkdir(r.path);
    },
  ],
  path_filestat_get: [
    'iiiii',
    (c, fd: number, flags: number, p: number, l: number, out: number) => {
      const d = c.dir(fd, Rights.PATH_FILESTAT_GET);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), (flags & Lookupflags.SYMLINK_FOLLOW) !== 0);
      if (r.stat === null) return Errno.ENOENT;
      writeFilestat(c.mem, out, r.stat);
    },
  ],
  path_filestat_set_times: [
    'iiiiIIi',
    (c, fd: number, flags: number, p: number, l: number, atim: bigint, mtim: bigint, fst: number) => {
      const d = c.dir(fd, Rights.PATH_FILESTAT_SET_TIMES);
      const [a, m] = times(atim, mtim, fst);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), (flags & Lookupflags.SYMLINK_FOLLOW) !== 0);
      if (r.stat === null) return Errno.ENOENT;
      c.wasi.fs.utimes(r.path, a, m);
    },
  ],
  path_link: [
    'iiiiiii',
    (c, oldFd: number, flags: number, op: number, ol: number, newFd: number, np: number, nl: number) => {
      const od = c.dir(oldFd, Rights.PATH_LINK_SOURCE);
      const nd = c.dir(newFd, Rights.PATH_LINK_TARGET);
      const from = resolvePath(c.wasi.fs, od.dir, c.path(op, ol), (flags & Lookupflags.SYMLINK_FOLLOW) !== 0);
      if (from.stat === null) return Errno.ENOENT;
      if (from.stat.filetype === Filetype.DIRECTORY) return Errno.EPERM;
      const to = resolvePath(c.wasi.fs, nd.dir, c.path(np, nl), false);
      if (to.dot || to.stat !== null) return Errno.EEXIST;
      if (to.trailingSlash) return Errno.ENOENT;
      c.wasi.fs.link(from.path, to.path);
    },
  ],
  path_open: [
    'iiiiiIIii',
    (
      c,
      fd: number,
      dirflags: number,
      p: number,
      l: number,
      oflags: number,
      base: bigint,
      inheriting: bigint,
      fdflags: number,
      out: number,
    ) => {
      const d = c.dir(fd, Rights.PATH_OPEN);
      const path = c.path(p, l);
      c.mem.check(out, 4);
      if (oflags & ~0xf || fdflags & ~0x1f) return Errno.EINVAL;
      const creat = (oflags & Oflags.CREAT) !== 0;
      const directory = (oflags & Oflags.DIRECTORY) !== 0;
      const excl = (oflags & Oflags.EXCL) !== 0;
      const trunc = (oflags & Oflags.TRUNC) !== 0;
      if (directory && (creat || trunc)) return Errno.EINVAL;
      // Before anything is created or opened.
      if (c.wasi.fds.size >= c.wasi.maxDescriptors) return Errno.EMFILE;
      if (creat && (d.rightsBase & Rights.PATH_CREATE_FILE) === 0n) return Errno.ENOTCAPABLE;
      if (trunc && (d.rightsBase & Rights.PATH_FILESTAT_SET_SIZE) === 0n) return Errno.ENOTCAPABLE;
      // O_CREAT | O_EXCL never follows a final symlink (POSIX).
      const follow = (dirflags & Lookupflags.SYMLINK_FOLLOW) !== 0 && !(creat && excl);
      const r = resolvePath(c.wasi.fs, d.dir, path, follow);
      if (creat && excl && (r.dot || r.stat !== null)) return Errno.EEXIST;
      const rightsBase = base & d.rightsInheriting;
      const rightsInheriting = inheriting & d.rightsInheriting;
      const write = (rightsBase & Rights.FD_WRITE) !== 0n || trunc || (fdflags & Fdflags.APPEND) !== 0;
      if (r.stat?.filetype === Filetype.SYMBOLIC_LINK) return directory ? Errno.ENOTDIR : Errno.ELOOP;
      if (r.stat?.filetype === Filetype.DIRECTORY) {
        if (creat || write) return Errno.EISDIR;
        const dir = { root: d.dir.root, parts: r.fromRoot, dev: r.stat.dev, ino: r.stat.ino };
        const entry = c.wasi.dirEntry(dir, rightsBase & RIGHTS_DIRECTORY, rightsInheriting);
        entry.fdflags = fdflags;
        c.mem.setU32(out, c.wasi.allocFd(entry));
        return;
      }
      if (directory) return r.stat === null ? Errno.ENOENT : Errno.ENOTDIR;
      if (r.stat === null) {
        if (!creat) return Errno.ENOENT;
        if (r.trailingSlash) return Errno.EISDIR;
      }
      const file = c.wasi.fs.open(r.path, { create: creat, exclusive: creat && excl, truncate: trunc, write });
      const entry = c.wasi.fileEntry(file, rightsBase & RIGHTS_FILE, rightsInheriting, fdflags);
      try {
        entry.filetype = c.wasi.fs.fstat(file).filetype;
      } catch {}
      c.mem.setU32(out, c.wasi.allocFd(entry));
    },
  ],
  path_readlink: [
    'iiiiii',
    (c, fd: number, p: number, l: number, buf: number, len: number, out: number) => {
      const d = c.dir(fd, Rights.PATH_READLINK);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), false);
      if (r.stat === null) return Errno.ENOENT;
      if (r.stat.filetype !== Filetype.SYMBOLIC_LINK) return Errno.EINVAL;
      const target = encodeUtf8(c.wasi.fs.readlink(r.path));
      c.mem.check(buf, len);
      c.mem.check(out, 4);
      const n = Math.min(len, target.length);
      c.mem.write(buf, target.subarray(0, n));
      c.mem.setU32(out, n);
    },
  ],
  path_remove_directory: [
    'iii',
    (c, fd: number, p: number, l: number) => {
      const d = c.dir(fd, Rights.PATH_REMOVE_DIRECTORY);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), false);
      if (r.stat === null) return Errno.ENOENT;
      if (r.stat.filetype !== Filetype.DIRECTORY || r.slashFollowed) return Errno.ENOTDIR;
      if (r.dot) return Errno.EINVAL;
      c.wasi.fs.rmdir(r.path);
    },
  ],
  path_rename: [
    'iiiiii',
    (c, fd: number, op: number, ol: number, newFd: number, np: number, nl: number) => {
      const od = c.dir(fd, Rights.PATH_RENAME_SOURCE);
      const nd = c.dir(newFd, Rights.PATH_RENAME_TARGET);
      const from = resolvePath(c.wasi.fs, od.dir, c.path(op, ol), false);
      if (from.stat === null) return Errno.ENOENT;
      const to = resolvePath(c.wasi.fs, nd.dir, c.path(np, nl), false);
      if (from.dot || to.dot) return from.stat.filetype === Filetype.DIRECTORY ? Errno.EBUSY : Errno.EINVAL;
      if (from.slashFollowed || to.slashFollowed) return Errno.ENOTDIR;
      const fromDir = from.stat.filetype === Filetype.DIRECTORY;
      if (!fromDir && (from.trailingSlash || to.trailingSlash)) return Errno.ENOTDIR;
      c.wasi.fs.rename(from.path, to.path);
      if (fromDir) {
        const dirs = [...c.wasi.fds.values()].flatMap((e) => (e.dir === null ? [] : [e.dir]));
        followRename(dirs, { root: od.dir.root, parts: from.fromRoot }, { root: nd.dir.root, parts: to.fromRoot });
      }
    },
  ],
  path_symlink: [
    'iiiii',
    (c, op: number, ol: number, fd: number, np: number, nl: number) => {
      const d = c.dir(fd, Rights.PATH_SYMLINK);
      const target = c.path(op, ol);
      if (target.includes('\0')) return Errno.EINVAL;
      if (target === '') return Errno.ENOENT;
      if (target.startsWith('/')) return Errno.EPERM;
      const r = resolvePath(c.wasi.fs, d.dir, c.path(np, nl), false);
      if (r.dot || r.stat !== null) return Errno.EEXIST;
      if (r.trailingSlash) return Errno.ENOENT;
      c.wasi.fs.symlink(target, r.path);
    },
  ],
  path_unlink_file: [
    'iii',
    (c, fd: number, p: number, l: number) => {
      const d = c.dir(fd, Rights.PATH_UNLINK_FILE);
      const r = resolvePath(c.wasi.fs, d.dir, c.path(p, l), false);
      if (r.stat === null) return Errno.ENOENT;
      if (r.stat.filetype === Filetype.DIRECTORY) return Errno.EISDIR;
      c.wasi.fs.unlink(r.path);
    },
  ],

  poll_oneoff: [
    'iiii',
    (c, inPtr: number, outPtr: number, n: number, neventsPtr: number) => pollOneoff(c, inPtr, outPtr, n, neventsPtr),
  ],
  proc_exit: [
    'i',
    (_c, code: number) => {
      throw new WasiExit(code);
    },
  ],
  proc_raise: ['i', () => Errno.ENOSYS],
  sched_yield: ['', () => undefined],

  sock_accept: ['iii', notSocket],
  sock_recv: ['iiiiii', notSocket],
  sock_send: ['iiiii', notSocket],
  sock_shutdown: ['ii', notSocket],
};

/** The names of every wasi_snapshot_preview1 function this package defines. */
export const PREVIEW1_FUNCTIONS: readonly string[] = Object.keys(calls);

/**
 * The host function of preview1 call `name` over `wasi`: arguments as wasm gives them, the errno back (a
 * `WasiError` becomes its errno, `WasiExit` and anything unexpected are thrown). `caller` gives the memory, or
 * when it exports none, `wasi.memory`.
 */
export function preview1Call(wasi: WasiState, name: string): (caller: Caller<unknown>, ...args: unknown[]) => number {
  const impl = calls[name][1];
  return (caller, ...args) => {
    const c = new Ctx(wasi, caller);
    const norm = args.map((a) => (typeof a === 'bigint' ? BigInt.asUintN(64, a) : (a as number) >>> 0));
    try {
      return (impl(c, ...norm) as number | undefined) ?? Errno.ESUCCESS;
    } catch (e) {
      if (e instanceof WasiError) return e.errno;
      if (e instanceof WasiExit) throw e;
      const code = (e as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('E')) return errnoOfCode(code);
      throw e;
    } finally {
      // Directories pinned by this call's path lookups (see WasiFilesystem.pin).
      wasi.fs.unpinAll?.();
    }
  };
}

/** Defines every call of `wasi` on `linker` under `wasi_snapshot_preview1`. */
export function definePreview1<T>(wasi: WasiState, linker: Linker<T>): void {
  for (const name of Object.keys(calls)) {
    const params = [...calls[name][0]].map((ch) => (ch === 'I' ? ValType.I64 : ValType.I32));
    const results = name === 'proc_exit' ? [] : [ValType.I32];
    const call = preview1Call(wasi, name);
    linker.defineFunc('wasi_snapshot_preview1', name, funcType(params, results), (caller, ...args: unknown[]) =>
      call(caller as Caller<unknown>, ...args),
    );
  }
}

/** The parameter and result types of a preview1 function ('i' i32, 'I' i64), or undefined. */
export function preview1Signature(name: string): { params: string; results: string } | undefined {
  const c = Object.hasOwn(calls, name) ? calls[name] : undefined;
  return c === undefined ? undefined : { params: c[0], results: name === 'proc_exit' ? '' : 'i' };
}

// An in-memory filesystem: directories, regular files and symlinks with timestamps, for browsers and tests.

import { encodeUtf8 } from '@wasmts/environ';
import { Errno, Filetype } from './constants.js';
import { type FileHandle, type FileStat, fail, nowNs, type OpenFlags, type WasiFilesystem } from './filesystem.js';

/** A symlink in a `MemoryTree`. */
export class MemorySymlink {
  /** Creates a symlink entry pointing at `target`. */
  constructor(readonly target: string) {}
}

/** A plain description of a directory: strings and byte arrays are files, objects are directories. */
export interface MemoryTree {
  [name: string]: string | Uint8Array | MemorySymlink | MemoryTree;
}

interface Node {
  kind: 'file' | 'dir' | 'symlink';
  ino: bigint;
  nlink: bigint;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
  /** file: bytes [0, size) are the contents. */
  data: Uint8Array;
  size: number;
  entries: Map<string, Node>;
  target: string;
  /** Open handles (a file whose last name is gone lives until they are closed). */
  handles: number;
  /** It counts against the capacity (from its first name until it has neither names nor handles). */
  counted: boolean;
}

/** Options of `new MemoryFilesystem(tree, options)`. */
export interface MemoryFilesystemOptions {
  /**
   * The most bytes it may hold: file buffers, symlink targets, names, and `MEMORY_NODE_BYTES` for each file,
   * directory and symlink. What would grow it past that is ENOSPC. Default: no limit.
   */
  capacity?: number;
}

/** What each file, directory or symlink counts for against a `capacity`, besides its name and contents. */
export const MEMORY_NODE_BYTES = 128;

/** The largest file (and file buffer) of a MemoryFilesystem. */
const MAX_FILE = 0xffff_ffff;

interface Handle {
  node: Node;
  write: boolean;
  closed: boolean;
}

/** The in-memory backend (paths are absolute, `/` is the root). */
export class MemoryFilesystem implements WasiFilesystem {
  private nextIno = 1n;
  private readonly root: Node;
  private readonly capacity: number;
  private used = 0;

  /** Creates a filesystem whose root holds `tree` (which may exceed `capacity`: then only shrinking works). */
  constructor(tree: MemoryTree = {}, options: MemoryFilesystemOptions = {}) {
    this.capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    if (!(this.capacity >= 0)) throw new RangeError('MemoryFilesystem: capacity must be a number >= 0');
    this.root = this.node('dir');
    this.root.counted = true;
    this.used = MEMORY_NODE_BYTES;
    this.root.nlink = 2n;
    this.fill(this.root, tree);
  }

  private fill(dir: Node, tree: MemoryTree): void {
    for (const name of Object.keys(tree)) {
      if (name === '' || name === '.' || name === '..' || name.includes('/')) {
        throw new TypeError(`invalid name in a MemoryTree: ${JSON.stringify(name)}`);
      }
      const v = tree[name];
      let n: Node;
      if (typeof v === 'string' || v instanceof Uint8Array) {
        n = this.node('file');
        const bytes = typeof v === 'string' ? encodeUtf8(v) : v.slice();
        n.data = bytes;
        n.size = bytes.length;
      } else if (v instanceof MemorySymlink) {
        n = this.node('symlink');
        n.target = v.target;
      } else {
        n = this.node('dir');
        this.fill(n, v);
      }
      this.attach(dir, name, n);
    }
  }

  /** Bytes held, as `capacity` counts them. */
  get bytesUsed(): number {
    return this.used;
  }

  /** ENOSPC unless `bytes` more fit in the capacity. */
  private room(bytes: number): void {
    if (this.used + bytes > this.capacity) fail(Errno.ENOSPC);
  }

  /** What a node holds besides its names. */
  private weight(n: Node): number {
    return MEMORY_NODE_BYTES + n.data.length + (n.kind === 'symlink' ? encodeUtf8(n.target).length : 0);
  }

  private node(kind: Node['kind']): Node {
    const t = nowNs();
    return {
      kind,
      ino: this.nextIno++,
      nlink: kind === 'dir' ? 1n : 0n,
      atim: t,
      mtim: t,
      ctim: t,
      data: new Uint8Array(0),
      size: 0,
      entries: new Map(),
      target: '',
      handles: 0,
      counted: false,
    };
  }

  /** Gives back what a node holds once it has neither a name nor an open handle. */
  private release(n: Node): void {
    if (n.nlink > 0n || n.handles > 0 || !n.counted) return;
    this.used -= this.weight(n);
    n.counted = false;
    n.data = new Uint8Array(0);
  }

  /** Links `n` into `dir` (callers check `room` first: this never fails). */
  private attach(dir: Node, name: string, n: Node): void {
    this.used += name.length;
    if (!n.counted) {
      this.used += this.weight(n);
      n.counted = true;
    }
    dir.entries.set(name, n);
    n.nlink++;
    if (n.kind === 'dir') dir.nlink++;
    dir.mtim = dir.ctim = nowNs();
  }

  private detach(dir: Node, name: string): void {
    const n = dir.entries.get(name)!;
    dir.entries.delete(name);
    this.used -= name.length;
    n.nlink--;
    if (n.kind === 'dir') {
      dir.nlink--;
      n.nlink--;
    }
    n.ctim = dir.mtim = dir.ctim = nowNs();
    this.release(n);
  }

  private components(path: string): string[] {
    if (!path.startsWith('/')) fail(Errno.EINVAL, `not an absolute path: ${path}`);
    return path.split('/').filter((c) => c !== '' && c !== '.');
  }

  private lookup(path: string): Node {
    let n = this.root;
    for (const c of this.components(path)) {
      if (n.kind !== 'dir') fail(Errno.ENOTDIR);
      const next = n.entries.get(c);
      if (next === undefined) fail(Errno.ENOENT);
      n = next;
    }
    return n;
  }

  private parent(path: string): { dir: Node; name: string } {
    const cs = this.components(path);
    const name = cs.pop();
    if (name === undefined || name === '..') fail(Errno.EBUSY);
    const dir = this.lookup(`/${cs.join('/')}`);
    if (dir.kind !== 'dir') fail(Errno.ENOTDIR);
    return { dir, name };
  }

  private stat(n: Node): FileStat {
    const filetype =
      n.kind === 'dir' ? Filetype.DIRECTORY : n.kind === 'file' ? Filetype.REGULAR_FILE : Filetype.SYMBOLIC_LINK;
    const size = n.kind === 'file' ? n.size : n.kind === 'symlink' ? encodeUtf8(n.target).length : 4096;
    return {
      dev: 1n,
      ino: n.ino,
      filetype,
      nlink: n.nlink,
      size: BigInt(size),
      atim: n.atim,
      mtim: n.mtim,
      ctim: n.ctim,
    };
  }

  /** Status of `path` itself. */
  lstat(path: string): FileStat {
    return this.stat(this.lookup(path));
  }
  /** The target of a symlink. */
  readlink(path: string): string {
    const n = this.lookup(path);
    if (n.kind !== 'symlink') fail(Errno.EINVAL);
    return n.target;
  }
  /** Sorted entry names. */
  readdir(path: string): string[] {
    const n = this.lookup(path);
    if (n.kind !== 'dir') fail(Errno.ENOTDIR);
    return [...n.entries.keys()].sort();
  }
  /** Creates a directory. */
  mkdir(path: string): void {
    const { dir, name } = this.parent(path);
    if (dir.entries.has(name)) fail(Errno.EEXIST);
    this.room(MEMORY_NODE_BYTES + name.length);
    this.attach(dir, name, this.node('dir'));
  }
  /** Removes an empty directory. */
  rmdir(path: string): void {
    const { dir, name } = this.parent(path);
    const n = dir.entries.get(name);
    if (n === undefined) fail(Errno.ENOENT);
    if (n.kind !== 'dir') fail(Errno.ENOTDIR);
    if (n.entries.size > 0) fail(Errno.ENOTEMPTY);
    this.detach(dir, name);
  }
  /** Removes a non-directory. */
  unlink(path: string): void {
    const { dir, name } = this.parent(path);
    const n = dir.entries.get(name);
    if (n === undefined) fail(Errno.ENOENT);
    if (n.kind === 'dir') fail(Errno.EISDIR);
    this.detach(dir, name);
  }
  /** POSIX rename. */
  rename(from: string, to: string): void {
    const src = this.parent(from);
    const n = src.dir.entries.get(src.name);
    if (n === undefined) fail(Errno.ENOENT);
    const dst = this.parent(to);
    const existing = dst.dir.entries.get(dst.name);
    if (existing === n) return;
    if (n.kind === 'dir') {
      // A directory may not move into itself.
      for (let p = this.components(to), i = 0; i < p.length; i++) {
        if (this.lookup(`/${p.slice(0, i).join('/')}`) === n) fail(Errno.EINVAL);
      }
      if (existing !== undefined) {
        if (existing.kind !== 'dir') fail(Errno.ENOTDIR);
        if (existing.entries.size > 0) fail(Errno.ENOTEMPTY);
      }
    } else if (existing?.kind === 'dir') {
      fail(Errno.EISDIR);
    }
    this.room(dst.name.length - src.name.length - (existing === undefined ? 0 : dst.name.length));
    if (existing !== undefined) this.detach(dst.dir, dst.name);
    // Moved, not unlinked and linked again: its link count and what it holds stay as they are.
    src.dir.entries.delete(src.name);
    dst.dir.entries.set(dst.name, n);
    this.used += dst.name.length - src.name.length;
    if (n.kind === 'dir') {
      src.dir.nlink--;
      dst.dir.nlink++;
    }
    n.ctim = src.dir.mtim = src.dir.ctim = dst.dir.mtim = dst.dir.ctim = nowNs();
  }
  /** Creates a hard link. */
  link(from: string, to: string): void {
    const n = this.lookup(from);
    if (n.kind === 'dir') fail(Errno.EPERM);
    const dst = this.parent(to);
    if (dst.dir.entries.has(dst.name)) fail(Errno.EEXIST);
    this.room(dst.name.length);
    this.attach(dst.dir, dst.name, n);
    n.ctim = nowNs();
  }
  /** Creates a symlink. */
  symlink(target: string, path: string): void {
    const { dir, name } = this.parent(path);
    if (dir.entries.has(name)) fail(Errno.EEXIST);
    this.room(MEMORY_NODE_BYTES + name.length + encodeUtf8(target).length);
    const n = this.node('symlink');
    n.target = target;
    this.attach(dir, name, n);
  }
  /** Sets times of `path` itself. */
  utimes(path: string, atim: bigint | null, mtim: bigint | null): void {
    this.setTimes(this.lookup(path), atim, mtim);
  }
  private setTimes(n: Node, atim: bigint | null, mtim: bigint | null): void {
    if (atim !== null) n.atim = atim;
    if (mtim !== null) n.mtim = mtim;
    n.ctim = nowNs();
  }
  /** Opens a regular file. */
  open(path: string, flags: OpenFlags): FileHandle {
    let n: Node | undefined;
    const { dir, name } = this.parent(path);
    n = dir.entries.get(name);
    if (n === undefined) {
      if (!flags.create) fail(Errno.ENOENT);
      this.room(MEMORY_NODE_BYTES + name.length);
      n = this.node('file');
      this.attach(dir, name, n);
    } else if (flags.create && flags.exclusive) {
      fail(Errno.EEXIST);
    }
    if (n.kind === 'dir') fail(Errno.EISDIR);
    if (n.kind === 'symlink') fail(Errno.ELOOP);
    if (flags.truncate && n.size > 0) {
      this.used -= n.data.length;
      n.size = 0;
      n.data = new Uint8Array(0);
      n.mtim = n.ctim = nowNs();
    }
    n.handles++;
    const h: Handle = { node: n, write: flags.write, closed: false };
    return h;
  }
  private handle(file: FileHandle): Handle {
    const h = file as Handle;
    if (h.closed) fail(Errno.EBADF);
    return h;
  }
  /** Reads at a position. */
  read(file: FileHandle, buf: Uint8Array, position: bigint): number {
    const n = this.handle(file).node;
    if (position >= BigInt(n.size)) return 0;
    const start = Number(position);
    const count = Math.min(buf.length, n.size - start);
    buf.set(n.data.subarray(start, start + count));
    n.atim = nowNs();
    return count;
  }
  /** Writes at a position. */
  write(file: FileHandle, data: Uint8Array, position: bigint): number {
    const h = this.handle(file);
    if (!h.write) fail(Errno.EBADF);
    const n = h.node;
    const end = position + BigInt(data.length);
    if (end > BigInt(MAX_FILE)) fail(Errno.EFBIG);
    this.resize(n, Math.max(n.size, Number(end)));
    n.data.set(data, Number(position));
    n.mtim = n.ctim = nowNs();
    return data.length;
  }
  private resize(n: Node, size: number): void {
    if (size > n.data.length) {
      // Doubling, within the largest file and the capacity; else exactly `size`, or ENOSPC.
      let length = Math.min(Math.max(size, n.data.length * 2, 64), MAX_FILE);
      if (this.used + length - n.data.length > this.capacity) length = size;
      this.room(length - n.data.length);
      let grown: Uint8Array;
      try {
        grown = new Uint8Array(length);
      } catch {
        fail(Errno.ENOSPC, 'the host could not allocate the file');
      }
      grown.set(n.data.subarray(0, n.size));
      this.used += length - n.data.length;
      n.data = grown;
    } else if (size < n.size) {
      n.data.fill(0, size, n.size);
    }
    n.size = size;
  }
  /** Status of an open file. */
  fstat(file: FileHandle): FileStat {
    return this.stat(this.handle(file).node);
  }
  /** Sets an open file's size. */
  ftruncate(file: FileHandle, size: bigint): void {
    const h = this.handle(file);
    if (!h.write) fail(Errno.EBADF);
    if (size > BigInt(MAX_FILE)) fail(Errno.EFBIG);
    this.resize(h.node, Number(size));
    h.node.mtim = h.node.ctim = nowNs();
  }
  /** Sets an open file's times. */
  futimes(file: FileHandle, atim: bigint | null, mtim: bigint | null): void {
    this.setTimes(this.handle(file).node, atim, mtim);
  }
  /** Nothing to flush. */
  fsync(file: FileHandle): void {
    this.handle(file);
  }
  /** Closes an open file. */
  close(file: FileHandle): void {
    const h = this.handle(file);
    h.closed = true;
    h.node.handles--;
    this.release(h.node);
  }
}

// Guest path resolution against a directory descriptor, one component at a time with lstat and readlink,
// so that no path, `..` or symlink (absolute, relative, final or intermediate) leaves the directory.
// A path that would leave it is EPERM, as in wasmtime (cap-std); both backends share this code.
// A directory descriptor is not a host path: it is its preopen's root plus the real directories below it
// plus its identity, re-walked and checked on every use (`dirPath`), since node:fs has no `openat`.

import { Errno, Filetype } from './constants.js';
import { type FileStat, fail, joinPath, WasiError, type WasiFilesystem } from './filesystem.js';

/** Symlinks followed in one lookup before ELOOP (Linux's limit). */
const MAX_SYMLINKS = 40;

/** Directories pinned at once by one lookup; deeper ones are walked by path (each pin is a host fd). */
const MAX_PINS = 1024;

/** A preopened directory: its backend path and identity, shared by every descriptor opened below it. */
export interface DirRoot {
  /** The backend path (for the Node backend: canonical, from `realpath`). */
  path: string;
  /** Device of the directory. */
  dev: bigint;
  /** Inode of the directory. */
  ino: bigint;
}

/** A place below a root: real directory names (never symlinks, `.` or `..`) from the root down. */
export interface Place {
  /** The preopen it is under. */
  root: DirRoot;
  /** Directory names from the root down to it (empty: the root itself). */
  parts: readonly string[];
}

/** Where a directory descriptor is (a `Place`, moved when the guest renames it) and its identity. */
export interface DirRef extends Place {
  /** Device of the directory when it was opened. */
  dev: bigint;
  /** Inode of the directory when it was opened. */
  ino: bigint;
}

/**
 * The backend path of a directory descriptor now: walks from its root, each component a real directory
 * (not a symlink), and checks that the root and the directory are the ones it was opened on. A directory
 * removed, renamed or replaced since (by the guest or the host) is ENOENT, as a removed directory's
 * descriptor is on Linux; the walk never follows a symlink, so it cannot leave the root. Where the backend
 * can `pin`, each step is opened below the previous one and the result names the directory itself for the
 * rest of the call, so no other process can swap a component between this check and its use.
 */
export function dirPath(fs: WasiFilesystem, dir: DirRef): string {
  const first = pinOrGone(fs, dir.root.path);
  if (first === null) return walk(fs, dir);
  let at = first;
  if (!same(at.stat, dir.root)) gone();
  for (const c of dir.parts) {
    const next = pinOrGone(fs, joinPath(at.path, c))!;
    fs.unpin!(at.path);
    at = next;
  }
  if (!same(at.stat, dir)) gone();
  return at.path;
}

/** `dirPath` by lstat alone, for backends that cannot pin. */
function walk(fs: WasiFilesystem, dir: DirRef): string {
  let path = dir.root.path;
  let st = lstatOrGone(fs, path);
  if (!same(st, dir.root)) gone();
  for (const c of dir.parts) {
    path = joinPath(path, c);
    st = lstatOrGone(fs, path);
    if (st.filetype !== Filetype.DIRECTORY) gone();
  }
  if (!same(st, dir)) gone();
  return path;
}

function same(st: FileStat, id: { dev: bigint; ino: bigint }): boolean {
  return st.filetype === Filetype.DIRECTORY && st.dev === id.dev && st.ino === id.ino;
}

/** The directory at `path` pinned (null: the backend cannot pin); gone when it is not a directory there. */
function pinOrGone(fs: WasiFilesystem, path: string): { path: string; stat: FileStat } | null {
  if (fs.pin === undefined) return null;
  try {
    return fs.pin(path);
  } catch (e) {
    if (e instanceof WasiError && (e.errno === Errno.ENOENT || e.errno === Errno.ENOTDIR || e.errno === Errno.ELOOP)) {
      gone();
    }
    throw e;
  }
}

/**
 * After the guest renamed the directory at `from` to `to`, points every descriptor at or below it (and every
 * preopen root below it) at the new place, as open directories follow a rename on a real host. Paths only
 * change here; each use still walks and checks them with `dirPath`.
 */
export function followRename(dirs: Iterable<DirRef>, from: Place, to: Place): void {
  const fromPath = backendPath(from.root.path, from.parts);
  const toPath = backendPath(to.root.path, to.parts);
  const below = (p: string): string[] | null =>
    p === fromPath ? [] : p.startsWith(`${fromPath}/`) ? p.slice(fromPath.length + 1).split('/') : null;
  const list = [...dirs];
  // Every path is computed before anything moves.
  const paths = list.map((d) => backendPath(d.root.path, d.parts));
  const roots = new Map<DirRoot, string>();
  for (const d of list) {
    const rest = roots.has(d.root) ? null : below(d.root.path);
    if (rest !== null) roots.set(d.root, backendPath(toPath, rest));
  }
  list.forEach((d, i) => {
    const rest = roots.has(d.root) ? null : below(paths[i]);
    if (rest === null) return;
    d.root = to.root;
    d.parts = [...to.parts, ...rest];
  });
  for (const [root, path] of roots) root.path = path;
}

function gone(): never {
  fail(Errno.ENOENT, 'the directory of this descriptor was removed, renamed or replaced');
}

function lstatOrGone(fs: WasiFilesystem, path: string): FileStat {
  try {
    return fs.lstat(path);
  } catch (e) {
    if (e instanceof WasiError && (e.errno === Errno.ENOENT || e.errno === Errno.ENOTDIR)) gone();
    throw e;
  }
}

/** Where a guest path leads. */
export interface Resolved {
  /** The backend path. */
  path: string;
  /** Directory names from the base directory's root down to the result (what `DirRef.parts` holds). */
  fromRoot: string[];
  /** Components below the base directory (empty: the base itself). */
  parts: string[];
  /** Status of what is there (a symlink when not followed), or null when the final component is missing. */
  stat: FileStat | null;
  /** The guest path ended in `.` or `..` (no name of its own). */
  dot: boolean;
  /** The guest path ended in `/` (or its last symlink did): it must name a directory. */
  trailingSlash: boolean;
  /** A final symlink was followed only because of a trailing `/` (rmdir and rename refuse that). */
  slashFollowed: boolean;
}

/** The components of a backend path `parts` under `base`. */
export function backendPath(base: string, parts: readonly string[]): string {
  let p = base;
  for (const c of parts) p = joinPath(p, c);
  return p;
}

/**
 * Resolves `guestPath` under the directory descriptor `dir` (checked first with `dirPath`). Intermediate
 * symlinks are always followed; the final one only when `follow` (or the path ends in `/`). The parent of
 * the result exists and is a directory.
 */
export function resolvePath(fs: WasiFilesystem, dir: DirRef, guestPath: string, follow: boolean): Resolved {
  if (guestPath.includes('\0')) fail(Errno.EINVAL, 'NUL in path');
  if (guestPath === '') fail(Errno.ENOENT);
  if (guestPath.startsWith('/')) fail(Errno.EPERM, 'absolute path');
  const base = dirPath(fs, dir);
  let trailingSlash = guestPath.endsWith('/');
  // Components still to walk, the next one last (so each step is a pop: linear in the path's length).
  const pending = components(guestPath);
  const stack: string[] = [];
  // paths[i]: the backend path of stack[0..i) (paths[0] is the base); pinned[i]: it is a pin to close
  // when `..` leaves it (the rest, the base's included, are closed at the end of the call).
  const paths = [base];
  const pinned = [false];
  let links = 0;
  let stat: FileStat | null = null;
  let dot = false;
  let slashFollowed = false;
  while (pending.length > 0) {
    const c = pending.pop()!;
    const last = pending.length === 0;
    if (c === '.' || c === '..') {
      if (c === '..') {
        if (stack.length === 0) fail(Errno.EPERM, 'path leaves its directory');
        stack.pop();
        const left = paths.pop()!;
        if (pinned.pop()) fs.unpin!(left);
      }
      dot = last;
      if (last) stat = fs.lstat(paths[paths.length - 1]);
      continue;
    }
    dot = false;
    const p = joinPath(paths[paths.length - 1], c);
    let st: FileStat;
    try {
      st = fs.lstat(p);
    } catch (e) {
      if (last && e instanceof WasiError && e.errno === Errno.ENOENT) {
        stack.push(c);
        paths.push(p);
        stat = null;
        break;
      }
      throw e;
    }
    if (st.filetype === Filetype.SYMBOLIC_LINK && (!last || follow || trailingSlash)) {
      if (++links > MAX_SYMLINKS) fail(Errno.ELOOP);
      if (last && !follow) slashFollowed = true;
      const target = fs.readlink(p);
      if (target === '') fail(Errno.ENOENT);
      if (target.startsWith('/')) fail(Errno.EPERM, 'symlink to an absolute path');
      if (last && target.endsWith('/')) trailingSlash = true;
      for (const t of components(target)) pending.push(t);
      continue;
    }
    if (!last && st.filetype !== Filetype.DIRECTORY) fail(Errno.ENOTDIR);
    stack.push(c);
    // A directory walked through is pinned where the backend can (a symlink swapped in since the lstat
    // fails here instead of being followed).
    const pin = !last && pinned.length <= MAX_PINS ? (fs.pin?.(p) ?? null) : null;
    if (pin !== null && pin.stat.filetype !== Filetype.DIRECTORY) fail(Errno.ENOTDIR);
    paths.push(pin === null ? p : pin.path);
    pinned.push(pin !== null);
    if (last) stat = st;
  }
  if (pending.length === 0 && stack.length === 0 && !dot) {
    // Only a symlink to "." or "./" leads here.
    stat = fs.lstat(base);
    dot = true;
  }
  if (trailingSlash && stat !== null && stat.filetype !== Filetype.DIRECTORY) {
    fail(stat.filetype === Filetype.SYMBOLIC_LINK ? Errno.ELOOP : Errno.ENOTDIR);
  }
  return {
    path: paths[paths.length - 1],
    fromRoot: [...dir.parts, ...stack],
    parts: stack,
    stat,
    dot,
    trailingSlash,
    slashFollowed,
  };
}

/** The non-empty components of `path`, last first. */
function components(path: string): string[] {
  return path
    .split('/')
    .filter((c) => c !== '')
    .reverse();
}

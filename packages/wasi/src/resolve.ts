// Guest path resolution against a directory descriptor, one component at a time with lstat and readlink,
// so that no path, `..` or symlink (absolute, relative, final or intermediate) leaves the directory.
// A path that would leave it is EPERM, as in wasmtime (cap-std); both backends share this code.

import { Errno, Filetype } from './constants.js';
import { type FileStat, fail, joinPath, WasiError, type WasiFilesystem } from './filesystem.js';

/** Symlinks followed in one lookup before ELOOP (Linux's limit). */
const MAX_SYMLINKS = 40;

/** Where a guest path leads. */
export interface Resolved {
  /** The backend path. */
  path: string;
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
 * Resolves `guestPath` under the directory `base`. Intermediate symlinks are always followed; the final
 * one only when `follow` (or the path ends in `/`). The parent of the result exists and is a directory.
 */
export function resolvePath(fs: WasiFilesystem, base: string, guestPath: string, follow: boolean): Resolved {
  if (guestPath.includes('\0')) fail(Errno.EINVAL, 'NUL in path');
  if (guestPath === '') fail(Errno.ENOENT);
  if (guestPath.startsWith('/')) fail(Errno.EPERM, 'absolute path');
  let trailingSlash = guestPath.endsWith('/');
  const queue = guestPath.split('/').filter((c) => c !== '');
  const stack: string[] = [];
  let links = 0;
  let stat: FileStat | null = null;
  let dot = false;
  let slashFollowed = false;
  while (queue.length > 0) {
    const c = queue.shift()!;
    const last = queue.length === 0;
    if (c === '.' || c === '..') {
      if (c === '..') {
        if (stack.length === 0) fail(Errno.EPERM, 'path leaves its directory');
        stack.pop();
      }
      dot = last;
      if (last) stat = fs.lstat(backendPath(base, stack));
      continue;
    }
    dot = false;
    const p = backendPath(base, [...stack, c]);
    let st: FileStat;
    try {
      st = fs.lstat(p);
    } catch (e) {
      if (last && e instanceof WasiError && e.errno === Errno.ENOENT) {
        stack.push(c);
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
      queue.unshift(...target.split('/').filter((t) => t !== ''));
      continue;
    }
    if (!last && st.filetype !== Filetype.DIRECTORY) fail(Errno.ENOTDIR);
    stack.push(c);
    if (last) stat = st;
  }
  if (queue.length === 0 && stack.length === 0 && !dot) {
    // Only a symlink to "." or "./" leads here.
    stat = fs.lstat(base);
    dot = true;
  }
  if (trailingSlash && stat !== null && stat.filetype !== Filetype.DIRECTORY) {
    fail(stat.filetype === Filetype.SYMBOLIC_LINK ? Errno.ELOOP : Errno.ENOTDIR);
  }
  return { path: backendPath(base, stack), parts: stack, stat, dot, trailingSlash, slashFollowed };
}

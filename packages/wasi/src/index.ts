// @wasmts/wasi: WASI preview1 on the wasmts API. The only entry point of the package.

/**
 * WASI preview1 on the wasmts API.
 *
 * @module @wasmts/wasi
 */

export {
  Advice,
  Clockid,
  Errno,
  Eventrwflags,
  Eventtype,
  Fdflags,
  Filetype,
  Fstflags,
  Lookupflags,
  Oflags,
  Preopentype,
  RIGHTS_ALL,
  RIGHTS_DIRECTORY,
  RIGHTS_FILE,
  RIGHTS_STDIO,
  Rights,
  Sdflags,
  Subclockflags,
  Whence,
} from './constants.js';
export { WasiExit } from './exit.js';
export { type FileHandle, type FileStat, type OpenFlags, WasiError, type WasiFilesystem } from './filesystem.js';
export {
  MEMORY_NODE_BYTES,
  MemoryFilesystem,
  type MemoryFilesystemOptions,
  MemorySymlink,
  type MemoryTree,
} from './memory-fs.js';
export { NodeFilesystem } from './node-fs.js';
export { PREVIEW1_FUNCTIONS, preview1Signature } from './preview1.js';
export type { StdinOption, StdoutOption } from './stdio.js';
export { type FdEntry, WASI, type WasiOptions } from './wasi.js';

// The numbers of the preview1 spec.

import { describe, expect, it } from 'vitest';
import { Errno, Filetype, Oflags, RIGHTS_ALL, Rights } from '../src/index.js';

describe('constants', () => {
  it('numbers errno exactly as the spec', () => {
    const names = Object.keys(Errno);
    expect(names.length).toBe(77);
    expect(Object.values(Errno)).toEqual([...Array(77).keys()]);
    expect(Errno).toMatchObject({
      ESUCCESS: 0,
      E2BIG: 1,
      EACCES: 2,
      EBADF: 8,
      EEXIST: 20,
      EFAULT: 21,
      EINVAL: 28,
      EISDIR: 31,
      ELOOP: 32,
      ENAMETOOLONG: 37,
      ENOENT: 44,
      ENOSYS: 52,
      ENOTDIR: 54,
      ENOTEMPTY: 55,
      ENOTSOCK: 57,
      EPERM: 63,
      ESPIPE: 70,
      ENOTCAPABLE: 76,
    });
  });
  it('numbers rights, file types and flags', () => {
    expect(Rights.FD_DATASYNC).toBe(1n);
    expect(Rights.FD_READ).toBe(2n);
    expect(Rights.FD_WRITE).toBe(64n);
    expect(Rights.PATH_OPEN).toBe(1n << 13n);
    expect(Rights.SOCK_ACCEPT).toBe(1n << 29n);
    expect(Object.values(Rights).reduce((a, b) => a | b, 0n)).toBe(RIGHTS_ALL);
    expect(Filetype.SYMBOLIC_LINK).toBe(7);
    expect(Oflags).toEqual({ CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 });
  });
});

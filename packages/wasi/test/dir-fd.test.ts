// A directory descriptor stays confined to the directory it was opened on, whatever the guest (or the host)
// did to the path since: every use re-walks it from its preopen without following symlinks and checks the
// directory's identity (device and inode).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Errno, MemoryFilesystem, Oflags, Rights, type WasiOptions } from '../src/index.js';
import { tempDir, writeTree } from './backends.js';
import { setup } from './harness.js';

const ALL = (1n << 30n) - 1n;

/** A preopen `sandbox` (fd 3) next to a secret it must not reach. */
const backends: { name: string; make(): { options: WasiOptions; outside: () => string[]; secret: () => string } }[] = [
  {
    name: 'memory',
    make() {
      const fs = new MemoryFilesystem({ sandbox: {}, secret: 'secret' });
      const dec = new TextDecoder();
      return {
        options: { fs, preopens: { '/sandbox': '/sandbox' } },
        outside: () => fs.readdir('/'),
        secret: () => {
          const f = fs.open('/secret', { create: false, exclusive: false, truncate: false, write: false });
          const buf = new Uint8Array(64);
          return dec.decode(buf.subarray(0, fs.read(f, buf, 0n)));
        },
      };
    },
  },
  {
    name: 'node',
    make() {
      const root = tempDir();
      writeTree(root, { sandbox: {}, secret: 'secret' });
      return {
        options: { preopens: { '/sandbox': join(root, 'sandbox') } },
        outside: () => readdirSync(root).sort(),
        secret: () => (existsSync(join(root, 'secret')) ? readFileSync(join(root, 'secret'), 'utf8') : '<gone>'),
      };
    },
  },
];

describe.each(backends)('directory descriptors ($name)', (backend) => {
  it('issue 11: a directory fd whose path became a symlink to .. does not reach the parent', () => {
    const b = backend.make();
    const h = setup(b.options);
    expect(h.path('path_create_directory', 3, 'a')).toBe(0);
    const [e, fd] = h.open(3, 'a', Oflags.DIRECTORY, ALL & ~Rights.FD_WRITE);
    expect(e).toBe(0);
    expect(h.path('path_remove_directory', 3, 'a')).toBe(0);
    const [tp, tl] = h.str('..');
    const [np, nl] = h.str('a');
    expect(h.call('path_symlink', tp, tl, 3, np, nl)).toBe(0);

    // Reading the secret beside the preopen.
    const [re, rfd] = h.open(fd, 'secret', 0, Rights.FD_READ);
    expect(re).toBe(Errno.ENOENT);
    expect(h.read(rfd, 64)[1]).not.toBe('secret');
    // Listing the parent.
    const buf = h.alloc(1024);
    const used = h.alloc(4);
    expect(h.call('fd_readdir', fd, buf, 1024, 0n, used)).toBe(Errno.ENOENT);
    // Creating and deleting files outside.
    expect(h.open(fd, 'planted', Oflags.CREAT, Rights.FD_READ | Rights.FD_WRITE)[0]).toBe(Errno.ENOENT);
    expect(h.path('path_unlink_file', fd, 'secret')).toBe(Errno.ENOENT);
    expect(h.path('path_create_directory', fd, 'dir')).toBe(Errno.ENOENT);
    expect(b.outside()).toEqual(['sandbox', 'secret']);
    expect(b.secret()).toBe('secret');
  });
});

import { describe, expect, it } from 'vitest';
import { Errno, MemoryFilesystem } from '../src/index.js';
import { setup } from './harness.js';

describe('smoke', () => {
  it('writes to stdout and reads a file', () => {
    const out: string[] = [];
    const fs = new MemoryFilesystem({ 'a.txt': 'hello' });
    const h = setup({ fs, preopens: { '/': '/' }, stdout: (b) => out.push(new TextDecoder().decode(b)) });
    expect(h.write(1, 'hi')).toEqual([0, 2]);
    expect(out.join('')).toBe('hi');
    const [e, fd] = h.open(3, 'a.txt');
    expect(e).toBe(0);
    expect(h.read(fd, 100)).toEqual([0, 'hello']);
    expect(h.open(3, '../x')[0]).toBe(Errno.EPERM);
  });
});

// args, environ, clocks, random, scheduling, process and socket calls; errno exactness and EFAULT.

import { describe, expect, it } from 'vitest';
import { Clockid, Errno, MemoryFilesystem, WASI } from '../src/index.js';
import { setup } from './harness.js';

const BAD = 0xffff_fff0; // beyond the two pages of the test module

describe('args and environ', () => {
  it('writes argv and its sizes', () => {
    const h = setup({ args: ['prog', 'hé', ''], fs: new MemoryFilesystem() });
    const sizes = h.alloc(8);
    expect(h.call('args_sizes_get', sizes, sizes + 4)).toBe(0);
    expect(h.u32(sizes)).toBe(3);
    expect(h.u32(sizes + 4)).toBe(5 + 4 + 1);
    const argv = h.alloc(12);
    const buf = h.alloc(10);
    expect(h.call('args_get', argv, buf)).toBe(0);
    expect(h.u32(argv)).toBe(buf);
    expect(h.text(h.u32(argv), 4)).toBe('prog');
    expect(h.u8(buf + 4)).toBe(0);
    expect(h.text(h.u32(argv + 4), 3)).toBe('hé');
    expect(h.u32(argv + 8)).toBe(buf + 9);
    expect(h.u8(buf + 9)).toBe(0);
  });
  it('writes the environment as KEY=value', () => {
    const h = setup({ env: { A: '1', PATH: '/bin' }, fs: new MemoryFilesystem() });
    const sizes = h.alloc(8);
    expect(h.call('environ_sizes_get', sizes, sizes + 4)).toBe(0);
    expect([h.u32(sizes), h.u32(sizes + 4)]).toEqual([2, 4 + 10]);
    const envp = h.alloc(8);
    const buf = h.alloc(14);
    expect(h.call('environ_get', envp, buf)).toBe(0);
    expect(h.text(h.u32(envp), 3)).toBe('A=1');
    expect(h.text(h.u32(envp + 4), 9)).toBe('PATH=/bin');
  });
  it('refuses bad pointers with EFAULT', () => {
    const h = setup({ args: ['x'], fs: new MemoryFilesystem() });
    expect(h.call('args_sizes_get', BAD, 0)).toBe(Errno.EFAULT);
    expect(h.call('args_get', 0, BAD)).toBe(Errno.EFAULT);
    expect(h.call('environ_sizes_get', 0, BAD)).toBe(Errno.EFAULT);
    expect(h.call('clock_time_get', 0, 0n, BAD)).toBe(Errno.EFAULT);
    expect(h.call('random_get', BAD, 100)).toBe(Errno.EFAULT);
    expect(h.call('fd_write', 1, BAD, 1, 0)).toBe(Errno.EFAULT);
  });
  it('rejects NUL in args', () => {
    expect(() => new WASI({ args: ['a\0b'], fs: new MemoryFilesystem() })).toThrow(TypeError);
  });
});

describe('clocks', () => {
  it('reads every clock and its resolution', () => {
    const h = setup({ fs: new MemoryFilesystem() });
    const p = h.alloc(8);
    for (const id of Object.values(Clockid)) {
      expect(h.call('clock_res_get', id, p)).toBe(0);
      expect(h.u64(p)).toBeGreaterThan(0n);
      expect(h.call('clock_time_get', id, 1n, p)).toBe(0);
      expect(h.u64(p)).toBeGreaterThan(0n);
    }
    h.call('clock_time_get', Clockid.REALTIME, 0n, p);
    const realtime = h.u64(p);
    expect(Number(realtime / 1_000_000n) - Date.now()).toBeLessThan(1000);
    h.call('clock_time_get', Clockid.MONOTONIC, 0n, p);
    const a = h.u64(p);
    h.call('clock_time_get', Clockid.MONOTONIC, 0n, p);
    expect(h.u64(p)).toBeGreaterThanOrEqual(a);
  });
  it('rejects unknown clocks with EINVAL', () => {
    const h = setup({ fs: new MemoryFilesystem() });
    expect(h.call('clock_res_get', 4, h.alloc(8))).toBe(Errno.EINVAL);
    expect(h.call('clock_time_get', 99, 0n, h.alloc(8))).toBe(Errno.EINVAL);
  });
});

describe('random, sched, proc, sock', () => {
  it('fills a buffer with random bytes', () => {
    const h = setup({ fs: new MemoryFilesystem() });
    const p = h.alloc(100_000);
    expect(h.call('random_get', p, 100_000)).toBe(0);
    const bytes = h.memory.read(p, 100_000);
    expect(bytes.some((b) => b !== 0)).toBe(true);
    expect(bytes.subarray(90_000).some((b) => b !== 0)).toBe(true);
    expect(h.call('random_get', p, 0)).toBe(0);
  });
  it('yields, refuses raise, and answers sockets', () => {
    const h = setup({ fs: new MemoryFilesystem() });
    expect(h.call('sched_yield')).toBe(0);
    expect(h.call('proc_raise', 6)).toBe(Errno.ENOSYS);
    expect(h.call('sock_accept', 1, 0, h.alloc(4))).toBe(Errno.ENOTSOCK);
    expect(h.call('sock_recv', 0, 0, 0, 0, 0, 0)).toBe(Errno.ENOTSOCK);
    expect(h.call('sock_send', 1, 0, 0, 0, 0)).toBe(Errno.ENOTSOCK);
    expect(h.call('sock_shutdown', 2, 3)).toBe(Errno.ENOTSOCK);
    expect(h.call('sock_accept', 42, 0, 0)).toBe(Errno.EBADF);
    expect(h.call('sock_recv', 42, 0, 0, 0, 0, 0)).toBe(Errno.EBADF);
    expect(h.call('sock_send', 42, 0, 0, 0, 0)).toBe(Errno.EBADF);
    expect(h.call('sock_shutdown', 42, 3)).toBe(Errno.EBADF);
  });
});

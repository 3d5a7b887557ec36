// poll_oneoff: clock subscriptions (relative and absolute), fd_read/fd_write subscriptions, errors.

import { describe, expect, it } from 'vitest';
import { Clockid, Errno, Eventtype, MemoryFilesystem, Subclockflags } from '../src/index.js';
import { setup } from './harness.js';

function harness() {
  const h = setup({ fs: new MemoryFilesystem({ d: { 'f.txt': '12345' } }), preopens: { '/d': '/d' }, stdin: 'input' });
  const view = () => new DataView(h.memory.data().buffer);
  const subs = h.alloc(48 * 4);
  const events = h.alloc(32 * 4);
  const n = h.alloc(4);
  const clock = (i: number, userdata: bigint, id: number, timeout: bigint, flags = 0) => {
    const v = view();
    const s = subs + i * 48;
    v.setBigUint64(s, userdata, true);
    v.setUint8(s + 8, Eventtype.CLOCK);
    v.setUint32(s + 16, id, true);
    v.setBigUint64(s + 24, timeout, true);
    v.setBigUint64(s + 32, 0n, true);
    v.setUint16(s + 40, flags, true);
  };
  const fdSub = (i: number, userdata: bigint, type: number, fd: number) => {
    const v = view();
    const s = subs + i * 48;
    v.setBigUint64(s, userdata, true);
    v.setUint8(s + 8, type);
    v.setUint32(s + 16, fd, true);
  };
  const poll = (count: number) => {
    const e = h.call('poll_oneoff', subs, events, count, n);
    const out = [];
    for (let i = 0; i < (e === 0 ? h.u32(n) : 0); i++) {
      const o = events + i * 32;
      out.push({ userdata: h.u64(o), error: h.u16(o + 8), type: h.u8(o + 10), nbytes: h.u64(o + 16) });
    }
    return { e, events: out };
  };
  return { h, clock, fdSub, poll };
}

describe('poll_oneoff', () => {
  it('sleeps on a relative monotonic clock', () => {
    const { clock, poll } = harness();
    clock(0, 7n, Clockid.MONOTONIC, 20_000_000n);
    const t0 = performance.now();
    const r = poll(1);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
    expect(r).toEqual({ e: 0, events: [{ userdata: 7n, error: 0, type: Eventtype.CLOCK, nbytes: 0n }] });
  });
  it('reports the earliest of several clocks; an absolute deadline in the past fires at once', () => {
    const { clock, poll } = harness();
    clock(0, 1n, Clockid.MONOTONIC, 5_000_000_000n);
    clock(1, 2n, Clockid.REALTIME, 1n, Subclockflags.SUBSCRIPTION_CLOCK_ABSTIME);
    const t0 = performance.now();
    const r = poll(2);
    // the 5 s relative clock is not waited for (a bound far from 5 s, so load cannot fail it)
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(r.events.map((e) => e.userdata)).toEqual([2n]);
  });
  it('answers fd subscriptions at once, with bytes available for files', () => {
    const { h, clock, fdSub, poll } = harness();
    const [, fd] = h.open(3, 'f.txt');
    h.read(fd, 2);
    clock(0, 1n, Clockid.MONOTONIC, 10_000_000_000n);
    fdSub(1, 2n, Eventtype.FD_READ, fd);
    fdSub(2, 3n, Eventtype.FD_WRITE, 1);
    fdSub(3, 4n, Eventtype.FD_READ, 99);
    const r = poll(4);
    expect(r.e).toBe(0);
    expect(r.events).toEqual([
      { userdata: 2n, error: 0, type: Eventtype.FD_READ, nbytes: 3n },
      { userdata: 3n, error: 0, type: Eventtype.FD_WRITE, nbytes: 0n },
      { userdata: 4n, error: Errno.EBADF, type: Eventtype.FD_READ, nbytes: 0n },
    ]);
  });
  it('rejects no subscriptions, unknown clocks and bad pointers', () => {
    const { h, clock, poll } = harness();
    expect(poll(0).e).toBe(Errno.EINVAL);
    clock(0, 9n, 42, 0n);
    expect(poll(1).events).toEqual([{ userdata: 9n, error: Errno.EINVAL, type: Eventtype.CLOCK, nbytes: 0n }]);
    expect(h.call('poll_oneoff', 0xffff_ff00, 0, 1, 0)).toBe(Errno.EFAULT);
  });
});

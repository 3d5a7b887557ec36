// poll_oneoff: subscriptions (48 bytes) in, events (32 bytes) out.

import { clockNow, sleepNs } from './clocks.js';
import { Errno, Eventtype, Filetype, Rights, Subclockflags } from './constants.js';
import type { Ctx } from './context.js';
import { WasiError } from './filesystem.js';

interface Event {
  userdata: bigint;
  error: number;
  type: number;
  nbytes: bigint;
}

/** poll_oneoff: fd subscriptions are ready at once; clocks alone block until the earliest deadline. */
export function pollOneoff(c: Ctx, inPtr: number, outPtr: number, n: number, neventsPtr: number): number | undefined {
  if (n === 0) return Errno.EINVAL;
  const mem = c.mem;
  mem.check(inPtr, n * 48);
  mem.check(outPtr, n * 32);
  mem.check(neventsPtr, 4);
  const ready: Event[] = [];
  const clocks: { userdata: bigint; deadline: bigint; id: number }[] = [];
  for (let i = 0; i < n; i++) {
    const s = inPtr + i * 48;
    const userdata = mem.getU64(s);
    const tag = mem.getU8(s + 8);
    if (tag === Eventtype.CLOCK) {
      const id = mem.getU32(s + 16);
      const timeout = mem.getU64(s + 24);
      const flags = mem.getU16(s + 40);
      const now = clockNow(id);
      if (now === null) {
        ready.push({ userdata, error: Errno.EINVAL, type: tag, nbytes: 0n });
        continue;
      }
      const deadline = flags & Subclockflags.SUBSCRIPTION_CLOCK_ABSTIME ? timeout : now + timeout;
      clocks.push({ userdata, id, deadline });
    } else if (tag === Eventtype.FD_READ || tag === Eventtype.FD_WRITE) {
      const fd = mem.getU32(s + 16);
      const e = c.wasi.fds.get(fd);
      let error: number = Errno.ESUCCESS;
      let nbytes = 0n;
      if (e === undefined) error = Errno.EBADF;
      else if ((e.rightsBase & Rights.POLL_FD_READWRITE) === 0n) error = Errno.ENOTCAPABLE;
      else if (e.filetype === Filetype.DIRECTORY) error = Errno.EBADF;
      else if (tag === Eventtype.FD_READ && e.file !== null) {
        try {
          const size = c.wasi.fs.fstat(e.file).size;
          nbytes = size > e.position ? size - e.position : 0n;
        } catch (err) {
          error = err instanceof WasiError ? err.errno : Errno.EIO;
        }
      }
      ready.push({ userdata, error, type: tag, nbytes });
    } else {
      return Errno.EINVAL;
    }
  }
  const expired = () =>
    clocks.filter((k) => {
      const now = clockNow(k.id)!;
      return now >= k.deadline;
    });
  let fired = expired();
  if (ready.length === 0 && fired.length === 0 && clocks.length > 0) {
    let wait = -1n;
    for (const k of clocks) {
      const left = k.deadline - clockNow(k.id)!;
      if (wait < 0n || left < wait) wait = left;
    }
    sleepNs(wait);
    fired = expired();
    // Clock granularity may leave the earliest a hair short: it is due now.
    if (fired.length === 0)
      fired = [clocks.reduce((a, b) => (a.deadline - clockNow(a.id)! <= b.deadline - clockNow(b.id)! ? a : b))];
  }
  for (const k of fired) ready.push({ userdata: k.userdata, error: 0, type: Eventtype.CLOCK, nbytes: 0n });
  ready.forEach((ev, i) => {
    const o = outPtr + i * 32;
    mem.u8.fill(0, o, o + 32);
    mem.setU64(o, ev.userdata);
    mem.setU16(o + 8, ev.error);
    mem.setU8(o + 10, ev.type);
    mem.setU64(o + 16, ev.nbytes);
  });
  mem.setU32(neventsPtr, ready.length);
}

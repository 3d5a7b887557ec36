// The four preview1 clocks, their resolutions, and blocking sleep for poll_oneoff.

import { Clockid } from './constants.js';

const hrtime = (globalThis as { process?: { hrtime?: { bigint(): bigint } } }).process?.hrtime;
const cpuUsage = (globalThis as { process?: { cpuUsage?(): { user: number; system: number } } }).process?.cpuUsage;
// Hermes and some embedded engines have no `performance`: Date's millisecond clock stands in.
const perf = (globalThis as { performance?: { now(): number; timeOrigin?: number } }).performance;
const nowMs = (): number => (perf !== undefined ? perf.now() : Date.now());
const epochMs = (): number => (perf?.timeOrigin !== undefined ? perf.timeOrigin + perf.now() : Date.now());

/** The time of clock `id` in ns, or null for an unknown clock. */
export function clockNow(id: number): bigint | null {
  switch (id) {
    case Clockid.REALTIME:
      return BigInt(Math.round(epochMs() * 1e6));
    case Clockid.MONOTONIC:
      return hrtime !== undefined ? hrtime.bigint() : BigInt(Math.round(nowMs() * 1e6));
    case Clockid.PROCESS_CPUTIME_ID:
    case Clockid.THREAD_CPUTIME_ID: {
      if (cpuUsage === undefined) return BigInt(Math.round(nowMs() * 1e6));
      const u = cpuUsage();
      return BigInt(u.user + u.system) * 1000n;
    }
    default:
      return null;
  }
}

/** The resolution of clock `id` in ns. */
export function clockRes(id: number): bigint | null {
  switch (id) {
    case Clockid.REALTIME:
      return 1_000n;
    case Clockid.MONOTONIC:
      return hrtime !== undefined ? 1n : 1_000n;
    case Clockid.PROCESS_CPUTIME_ID:
    case Clockid.THREAD_CPUTIME_ID:
      return 1_000n;
    default:
      return null;
  }
}

/** Blocks for `ns` nanoseconds. */
export function sleepNs(ns: bigint): void {
  const ms = Number(ns) / 1e6;
  if (!(ms > 0)) return;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  } catch {
    // Hosts that may not block (a browser's main thread) spin instead.
    const end = nowMs() + ms;
    while (nowMs() < end) {}
  }
}

// The parts of the memory and table descriptors (`{ initial, maximum, address }`) the two interfaces share.

import { enforceRange, toBigInt, toDOMString } from './webidl.js';

/** A BigInt in the range of an unsigned 64-bit index; a TypeError otherwise. */
export function toBigIntInRange(v: unknown, what: string): bigint {
  const b = toBigInt(v);
  if (b < 0n || b > 0xffff_ffff_ffff_ffffn) throw new TypeError(`${what} is out of range: ${b}`);
  return b;
}

/** Reads `initial` and `maximum` of a memory or table descriptor for its address type. */
export function readLimits(
  d: Record<string, unknown>,
  index64: boolean,
  what: string,
): { initial: number; maximum: number | null } {
  const convert = (v: unknown, name: string): number =>
    index64 ? Number(toBigIntInRange(v, `${what} ${name}`)) : enforceRange(v, `${what} ${name}`);
  const initialRaw = d.initial;
  if (initialRaw === undefined) throw new TypeError(`${what} needs an initial size`);
  const initial = convert(initialRaw, 'initial');
  const maximumRaw = d.maximum;
  const maximum = maximumRaw === undefined ? null : convert(maximumRaw, 'maximum');
  return { initial, maximum };
}

/** Whether a descriptor's `address` is "i64" (absent or "i32": false; anything else a TypeError). */
export function readAddress(d: Record<string, unknown>, what: string): boolean {
  const a = d.address;
  if (a === undefined) return false;
  const s = toDOMString(a);
  if (s === 'i32') return false;
  if (s === 'i64') return true;
  throw new TypeError(`${what} address must be "i32" or "i64", got ${JSON.stringify(s)}`);
}

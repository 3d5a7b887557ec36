// The WebIDL conversions and object shapes the JS API needs: [EnforceRange] integers, BufferSource,
// DOMString, dictionaries, and interface objects whose operations and attributes have the property
// attributes WebIDL gives them (enumerable methods and accessors, read-only `prototype`, a
// `Symbol.toStringTag`).

/** ToNumber then [EnforceRange] for `unsigned long` (or `unsigned long long` up to 2^53): TypeError outside. */
export function enforceRange(v: unknown, what: string, max = 0xffff_ffff): number {
  const n = +(v as number); // ToNumber: a TypeError for bigints and symbols
  if (!Number.isFinite(n)) throw new TypeError(`${what} must be a finite number, got ${String(n)}`);
  const x = Math.trunc(n);
  if (x < 0 || x > max) throw new TypeError(`${what} is out of range: ${x}`);
  return x === 0 ? 0 : x;
}

/** ToBigInt (the ECMAScript abstract operation): numbers, undefined, null and symbols are TypeErrors. */
export function toBigInt(v: unknown): bigint {
  let p = v;
  if (typeof p === 'object' && p !== null) p = toPrimitiveNumber(p);
  if (typeof p === 'function') p = toPrimitiveNumber(p);
  switch (typeof p) {
    case 'bigint':
      return p;
    case 'boolean':
      return p ? 1n : 0n;
    case 'string':
      return BigInt(p); // SyntaxError for a string that is not an integer
    default:
      throw new TypeError(`cannot convert ${typeof p === 'symbol' ? 'a symbol' : String(p)} to a BigInt`);
  }
}

/** ToPrimitive with hint number (valueOf first), as ToBigInt and ToNumber do for objects. */
function toPrimitiveNumber(o: object): unknown {
  const exotic = (o as { [Symbol.toPrimitive]?: unknown })[Symbol.toPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (typeof exotic !== 'function') throw new TypeError('Symbol.toPrimitive is not a function');
    const r = exotic.call(o, 'number');
    if (typeof r === 'object' && r !== null) throw new TypeError('cannot convert an object to a primitive');
    return r;
  }
  for (const key of ['valueOf', 'toString'] as const) {
    const f = (o as Record<string, unknown>)[key];
    if (typeof f === 'function') {
      const r = f.call(o);
      if ((typeof r !== 'object' || r === null) && typeof r !== 'function') return r;
    }
  }
  throw new TypeError('cannot convert an object to a primitive');
}

/** ToBigInt64: ToBigInt, then wrapped to the signed 64-bit range. */
export function toBigInt64(v: unknown): bigint {
  return BigInt.asIntN(64, toBigInt(v));
}

/** WebIDL DOMString: ToString, a TypeError for symbols. */
export function toDOMString(v: unknown): string {
  if (typeof v === 'symbol') throw new TypeError('cannot convert a symbol to a string');
  return String(v);
}

/** A dictionary argument: undefined and null are an empty dictionary, other non-objects a TypeError. */
export function dictionary(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' && typeof v !== 'function') throw new TypeError(`${what} must be an object`);
  return v as Record<string, unknown>;
}

type TypedArray = ArrayBufferView & { readonly buffer: ArrayBufferLike };

/** A copy of the bytes of a BufferSource (ArrayBuffer or ArrayBufferView); TypeError for anything else. */
export function bufferSourceBytes(v: unknown, what = 'argument'): Uint8Array {
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  if (ArrayBuffer.isView(v)) {
    const view = v as TypedArray;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  }
  if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) {
    throw new TypeError(`${what} must be an ArrayBuffer or a view of one, not a SharedArrayBuffer`);
  }
  throw new TypeError(`${what} must be an ArrayBuffer or an ArrayBufferView`);
}

/**
 * Gives a class the shape of a WebIDL interface object: its prototype's methods and accessors become
 * enumerable, `prototype` is read-only, and the prototype gets `Symbol.toStringTag` = `tag`.
 */
// biome-ignore lint/suspicious/noExplicitAny: an interface's constructor of any parameters (parameter types are contravariant)
export function webidlInterface(cls: abstract new (...a: any[]) => object, tag: string): void {
  const proto = cls.prototype as object;
  for (const key of Reflect.ownKeys(proto)) {
    if (key === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    Object.defineProperty(proto, key, { ...d, enumerable: true });
  }
  for (const key of Reflect.ownKeys(cls)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    const d = Object.getOwnPropertyDescriptor(cls, key)!;
    if (typeof d.value === 'function') Object.defineProperty(cls, key, { ...d, enumerable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, {
    value: tag,
    writable: false,
    enumerable: false,
    configurable: true,
  });
}

/** Sets a function's `length` (WebIDL counts only the required arguments). */
export function setLength(f: object, length: number): void {
  Object.defineProperty(f, 'length', { value: length, writable: false, enumerable: false, configurable: true });
}

/** A WebIDL sequence: an iterable object's values; a TypeError for anything else. */
export function sequence(v: unknown, what: string): unknown[] {
  if ((typeof v !== 'object' || v === null) && typeof v !== 'function')
    throw new TypeError(`${what} must be an iterable object`);
  const method = (v as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof method !== 'function') throw new TypeError(`${what} must be iterable`);
  // GetIterator, then IteratorStep until done: `next` is read once, `done` and `value` on each step
  const iterator = method.call(v) as { next?: unknown };
  if ((typeof iterator !== 'object' || iterator === null) && typeof iterator !== 'function')
    throw new TypeError(`${what}: the iterator is not an object`);
  const next = iterator.next;
  const out: unknown[] = [];
  for (;;) {
    if (typeof next !== 'function') throw new TypeError(`${what}: the iterator has no next method`);
    const step = next.call(iterator) as { done?: unknown; value?: unknown };
    if ((typeof step !== 'object' || step === null) && typeof step !== 'function')
      throw new TypeError(`${what}: the iterator result is not an object`);
    if (step.done) return out;
    out.push(step.value);
  }
}

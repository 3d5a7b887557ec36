// The JS API's error constructors (CompileError, LinkError, RuntimeError): NativeError-shaped, callable
// with or without `new`, one set per namespace.

import { setLength } from './webidl.js';

/** A NativeError-like constructor. */
export type ErrorConstructorLike = (new (
  message?: string,
  options?: { cause?: unknown },
) => Error) &
  ((message?: string, options?: { cause?: unknown }) => Error);

/** Makes an error constructor named `name` whose instances are Errors (`[[ErrorData]]`) with its prototype. */
export function makeErrorClass(name: string): ErrorConstructorLike {
  const ctor = function (this: unknown, message?: string, options?: { cause?: unknown }) {
    const target = new.target ?? ctor;
    return Reflect.construct(Error, options === undefined ? [message] : [message, options], target);
  } as unknown as ErrorConstructorLike;
  Object.defineProperty(ctor, 'name', { value: name, writable: false, enumerable: false, configurable: true });
  setLength(ctor, 1);
  Object.setPrototypeOf(ctor, Error);
  const proto = Object.create(Error.prototype, {
    constructor: { value: ctor, writable: true, enumerable: false, configurable: true },
    name: { value: name, writable: true, enumerable: false, configurable: true },
    message: { value: '', writable: true, enumerable: false, configurable: true },
  });
  Object.defineProperty(ctor, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  return ctor;
}

/** What stage rejected a module: decoding (malformed) or validation (invalid). */
export type CompileErrorKind = 'malformed' | 'invalid';

/**
 * A module failed to decode or validate. `message` starts with the spec suite's text where it has one
 * (e.g. "type mismatch", "unexpected end"), so callers can match it as the suite does.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  /** 'malformed' for decoding failures, 'invalid' for validation failures. */
  readonly kind: CompileErrorKind;
  /** Byte offset in the module where the problem was found. */
  readonly offset: number;

  constructor(kind: CompileErrorKind, message: string, offset: number) {
    super(`${message} (at offset 0x${offset.toString(16)})`);
    this.kind = kind;
    this.offset = offset;
    this.rawMessage = message;
  }
  /** The message without the offset suffix. */
  readonly rawMessage: string;
}

/** Throws a CompileError for malformed bytes. */
export function malformed(message: string, offset: number): never {
  throw new CompileError('malformed', message, offset);
}

/** Throws a CompileError for a module that decodes but does not validate. */
export function invalid(message: string, offset: number): never {
  throw new CompileError('invalid', message, offset);
}

// `ExternRef`: a host value passed as an externref.

/** A host value passed as an externref (a convenience wrapper: any non-null JS value is a valid externref). */
export class ExternRef<T = unknown> {
  /** The host value. */
  readonly data: T;

  /** Wraps a host value. */
  constructor(data: T) {
    this.data = data;
  }
}

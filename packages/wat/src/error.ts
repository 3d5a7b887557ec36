/** A syntax error in WebAssembly text, with the position where it was found. */
export class WatError extends Error {
  /** 1-based line of the error. */
  readonly line: number;
  /** 1-based column of the error. */
  readonly column: number;
  /** The file name given to the parser, if any. */
  readonly file?: string;

  constructor(message: string, line: number, column: number, file?: string) {
    super(`${file ?? '<input>'}:${line}:${column}: ${message}`);
    this.name = 'WatError';
    this.line = line;
    this.column = column;
    if (file !== undefined) this.file = file;
  }
}

/** The source text of one parse, used to turn an offset into a line and column lazily. */
export class Source {
  constructor(
    readonly text: string,
    readonly file?: string,
  ) {}

  /** Builds a WatError at a character offset. */
  error(message: string, pos: number): WatError {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(pos, this.text.length);
    for (let i = 0; i < end; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return new WatError(message, line, pos - lineStart + 1, this.file);
  }
}

// Pieces shared per module (lazy compilation; README.md, "Pieces shared per module"): the pieces of a split body
// (`f3$s1`) and its outlined runs (`f3$o2`) are created once per compiled module, not once per instance, so that a
// body's call of a piece sees one target whatever the instance (a closure per instance made every big caller
// deoptimize with "wrong call target" when a new instance ran it: esbuild makes one per run). What a piece needs of
// its instance (the hoisted values, `rt`, `vmctx`, `F`, the function's own entries) it reads from the instance's
// object `I`, its first parameter, which the body makes once per instance and passes to every piece it calls.

/** Marks the start of a piece's declaration in a lazily compiled unit's code (translate.ts, `sharedPieces`). */
export const PIECE_START = '\u0003';
/** Marks the end of a piece's declaration (after its last line). */
export const PIECE_END = '\u0004';
/** A piece's declaration within its marks. */
const PIECE = /\n?\u0003([^\u0003\u0004]*)\u0004/g;
/** The name of the instance's object, in the maker and in every piece (no other name of the output is `I`). */
export const INSTANCE = 'I';
/**
 * A call of a piece (`f3$o2(`, `f3$p$s1(`), not its declaration: the instance's object is its first argument. Pieces
 * are named `<body>$s<k>` and `<body>$o<k>` (translate.ts) and are called by name only.
 */
const PIECE_CALL = /(?<![\w$]|function )(f\d+(?:\$[a-z]+)*\$[so]\d+)\((\)?)/g;
/** `PIECE_CALL`'s call with the instance's object first. */
const withInstance = (_: string, name: string, close: string) => `${name}(${INSTANCE}${close === ')' ? ')' : ', '}`;
/** The first line of a piece's declaration (`const f3$o2 = (function f3$o2(`). */
const PIECE_HEAD = /^(const ([\w$]+) = \(function \2)\((\)?)/;
/**
 * Hoisted values that are scratch state of the code that uses them (the fuel refill's `fa`/`fb`, the warm-up flag
 * `fw`; environment.ts): a piece gets its own field in the instance's object, with the declaration's initial value.
 */
const SCRATCH = /^(?:fa|fb|fw)\d+$/;
/** A hoisted declaration: `var <name> = <init>;`, a memory view's followed by its `watch` line. */
const DECL = /^var ([\w$]+) = ([\s\S]*?);(?:\n([\w$]+)\.watch\([\s\S]*)?$/;

/** A lazily compiled unit's code with its pieces taken out and made to read the instance's state from `I`. */
export interface SharedUnit {
  /** The pieces' declarations, for the scope made once per module (empty when the function has none). */
  readonly pieces: string;
  /** The code of the per-instance maker: the body (its calls of pieces pass `I`) and what follows it. */
  readonly code: string;
  /** The statements making the instance's object, after the code (empty when the function has no piece). */
  readonly instance: string;
}

/**
 * Takes the pieces (between `PIECE_START` and `PIECE_END`) out of `code`, the translated unit of function `f`, whose
 * hoisted declarations are `decls`: in the pieces every name of the instance's state becomes a field of `I`, their
 * declarations take `I` first, every call of a piece passes it, and `instance` makes `I` with the fields the pieces
 * read (a memory view kept up to date by one more `watch`, scratch state its own field).
 */
export function sharePieces(code: string, decls: readonly string[], f: number): SharedUnit {
  if (!code.includes(PIECE_START)) return { pieces: '', code, instance: '' };
  const found: string[] = [];
  const body = code.replace(PIECE, (_, p: string) => {
    found.push(p);
    return '';
  });
  // the instance's state: the hoisted values, the factory's parameters, the function's own entries
  const inits = new Map<string, { init: string; memory: string | undefined }>();
  for (const d of decls) {
    const m = DECL.exec(d);
    if (m !== null) inits.set(m[1], { init: m[2], memory: m[3] });
  }
  const state = [...inits.keys(), 'rt', 'vmctx', 'F', `f${f}`, `f${f}$p`, `f${f}$t`, `f${f}$q`];
  const names = new RegExp(`(?<![\\w$.])(${state.map((s) => s.replaceAll('$', '\\$')).join('|')})(?![\\w$])`, 'g');
  // a value that changes (a memory view, scratch state) is read from `I` where it is used; the others are read into
  // the piece's own variables of the same names at its entry (one load each per call, then registers: a field of a
  // parameter read again at every use was what V8 reloaded and checked in loops)
  const changing = (n: string) => SCRATCH.test(n) || inits.get(n)?.memory !== undefined;
  const used = new Set<string>();
  const pieces = found.map((p) => {
    const nl = p.indexOf('\n');
    const head = p
      .slice(0, nl)
      .replace(PIECE_HEAD, (_, start: string, _name: string, close: string) =>
        close === ')' ? `${start}(${INSTANCE})` : `${start}(${INSTANCE}, `,
      );
    const fixed: string[] = [];
    const rest = p.slice(nl).replace(names, (_, n: string) => {
      if (!used.has(n)) used.add(n);
      if (changing(n)) return `${INSTANCE}.${n}`;
      if (!fixed.includes(n)) fixed.push(n);
      return n;
    });
    const entry = fixed.length === 0 ? '' : `\nvar ${fixed.map((n) => `${n} = ${INSTANCE}.${n}`).join(', ')};`;
    return `${head.replace(PIECE_CALL, withInstance)}${entry}${rest.replace(PIECE_CALL, withInstance)}`;
  });
  // the object's fields in a fixed order (one shape for every instance)
  const fields: string[] = [];
  const after: string[] = [];
  const scratch = new RegExp(
    `(?<![\\w$.])(${[...used].filter((n) => SCRATCH.test(n)).join('|') || '(?!)'})(?![\\w$])`,
    'g',
  );
  for (const n of state) {
    if (!used.has(n)) continue;
    const d = inits.get(n);
    if (d !== undefined && SCRATCH.test(n)) fields.push(`${n}: ${d.init}`);
    else if (d !== undefined && scratch.test(d.init)) {
      // a value reading scratch state (the fuel refill's object): its own, reading the pieces' scratch fields
      scratch.lastIndex = 0;
      fields.push(`${n}: ${d.init.replace(scratch, (_, s: string) => `${INSTANCE}.${s}`)}`);
    } else fields.push(`${n}: ${n}`);
    scratch.lastIndex = 0;
    // a memory view: its field follows the buffer as the variable does (this watcher runs after the variable's)
    if (d?.memory !== undefined) after.push(`${d.memory}.watch(() => { ${INSTANCE}.${n} = ${n}; });`);
  }
  return {
    pieces: pieces.join('\n'),
    code: body.replace(PIECE_CALL, withInstance),
    instance: [`var ${INSTANCE} = { ${fields.join(', ')} };`, ...after].join('\n'),
  };
}

// The outliner's view of a function's lines (src/outline.ts): their statement tree, and what flows through it, so
// that an outlined run is passed only the variables it reads before writing them and hands back only the ones it
// writes that are read after it (README.md, "Outlining"). Both analyses read the translator's output lines, whose
// shapes are few (labeled blocks, `for (;;)` loops, `if`/`else`, `switch`, `try`/`catch`, the flat regions'
// `for (;;) switch (st)`); a shape they do not know makes them assume the worst (every variable live, nothing
// assigned), never the best.

import { Interner, isIdentPart, isIdentStart } from './names.js';

/** A statement of the lines: a line, or a line opening blocks and the lines up to their close. */
export interface Node {
  /** Its first line and one past its last. */
  start: number;
  end: number;
  /** Its statement lists (a block's body; an if's two; a try's and its catch's), empty for a simple statement. */
  bodies: Node[][];
  /** A `case`/`default` label (a run never includes one: the switch's dispatch could not reach it). */
  barrier: boolean;
  /** A `try` (nothing inside is outlined: a run's writes to shared variables would be lost to its handler). */
  guarded: boolean;
  /** Whether runs inside it were outlined (it holds their calls). */
  calls: boolean;
  /** Where what is live after it starts in its liveness's list (-1: not kept; `liveness`). */
  liveAfter: number;
}

const LABEL_DEF = /^\s*([A-Z][A-Z0-9]*)\s*:(?!:)\s*/;
const BARRIER = /^\s*(?:case\b|default\s*:)/;
/** A labeled `break`/`continue`: its kind and label. */
export const JUMP = /\b(break|continue)\s+([A-Za-z_$][\w$]*)\s*;/g;

/** Per line: the brace depth at its start, the lowest depth within it, and the depth at its end (strings skipped). */
export function braceDepths(lines: readonly string[]): { d0: Int32Array; min: Int32Array; d1: Int32Array } {
  const n = lines.length;
  const d0 = new Int32Array(n);
  const min = new Int32Array(n);
  const d1 = new Int32Array(n);
  let d = 0;
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    d0[i] = d;
    let lo = d;
    let quote = '';
    for (let j = 0; j < l.length; j++) {
      const c = l[j];
      if (quote !== '') {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') d++;
      else if (c === '}') {
        d--;
        if (d < lo) lo = d;
      }
    }
    min[i] = lo;
    d1[i] = d;
  }
  return { d0, min, d1 };
}

/** The statements of the lines as a tree: each a line, or a line opening blocks and the lines up to their close. */
export function parse(lines: readonly string[]): Node[] {
  const { d0, min, d1 } = braceDepths(lines);
  const n = lines.length;
  let i = 0;
  // statements at depth `d`, up to a line that closes below it (iteratively: nesting may be deep)
  const stack: { list: Node[]; d: number; node: Node | null }[] = [{ list: [], d: 0, node: null }];
  while (i < n) {
    const top = stack[stack.length - 1];
    if (min[i] < top.d && top.node !== null) {
      // this line closes the block of `top.node`: it ends the node, or opens its next body (`} else {`)
      stack.pop();
      const node = top.node;
      node.bodies.push(top.list);
      const parent = stack[stack.length - 1];
      if (d1[i] > parent.d) {
        stack.push({ list: [], d: d1[i], node });
        i++;
        continue;
      }
      node.end = i + 1;
      parent.list.push(node);
      i++;
      continue;
    }
    const node: Node = {
      start: i,
      end: i + 1,
      bodies: [],
      barrier: (lines[i].includes('case') || lines[i].includes('default')) && BARRIER.test(lines[i]),
      guarded: lines[i].includes('try') && /\btry\s*\{/.test(lines[i]),
      calls: false,
      liveAfter: -1,
    };
    if (d1[i] > d0[i] && min[i] >= d0[i]) {
      stack.push({ list: [], d: d1[i], node });
      i++;
      continue;
    }
    top.list.push(node);
    i++;
  }
  // unbalanced lines (none in generated code): close what is open
  while (stack.length > 1) {
    const top = stack.pop() as { list: Node[]; d: number; node: Node };
    top.node.bodies.push(top.list);
    top.node.end = n;
    stack[stack.length - 1].list.push(top.node);
  }
  return stack[0].list;
}

/**
 * What a line does, read once from its text (and again only when the line changes): for the liveness and a run's
 * flow, what a simple line does in the order it does it; for the outliner, what a run holding the line mentions,
 * may assign, binds and declares.
 */
export interface LineFacts {
  /**
   * The names it mentions (not properties), in order: its leading plain assignments' (`v = <expression without
   * braces>;`), each the variable set and then the names its expression reads, then the names the rest of the line
   * mentions (read, or written only perhaps).
   */
  readonly names: readonly string[];
  /** Where each leading plain assignment's names end in `names` (the k-th starts where the one before ends). */
  readonly setEnds: readonly number[];
  /** Where the rest's names start in `names` (after the last leading assignment's). */
  readonly restFrom: number;
  /** Its labeled jumps (in the rest). */
  readonly jumps: { readonly cont: boolean; readonly label: string }[];
  /** Whether it jumps somewhere no label says (an unlabeled `break`/`continue`): unknown here. */
  readonly unlabeled: boolean;
  /** Whether control never goes on to the next line (its last statement jumps, returns or throws). */
  readonly ends: boolean;
  /** Whether it returns (a `return`, the translator's marked one included). */
  readonly returns: boolean;
  /** The names it may assign anywhere in it (plain or compound assignments, increments). */
  readonly assigned: readonly string[];
  /** The parameters of the `catch` clauses it opens, and the names it declares (`let`, `const`, `var`). */
  readonly caught: readonly string[];
  readonly declares: readonly string[];
  /** The label it defines at its start, or null. */
  readonly label: string | null;
  /** Whether it holds an unlabeled `break`/`continue`, or a `return` other than the translator's marked one. */
  readonly unlabeledAnywhere: boolean;
  readonly plainReturn: boolean;
}

/** Block comments: the translator's source-position markers, which a backtrace's second translation adds. */
const COMMENTS = /\/\*.*?\*\//g;

/** `text` without block comments: the analysis must see the same code with and without position markers. */
const uncommented = (text: string) => (text.includes('/*') ? text.replace(COMMENTS, '') : text);

/**
 * What a line does (`LineFacts`), read from its text without the position markers; its names are `names`' strings
 * (one per distinct name, whatever line it was read from).
 */
export function lineFacts(text: string, names: Interner = new Interner()): LineFacts {
  return scanLine(uncommented(text), names);
}

// character codes the scanner tests
const SPACE = 32;
const TAB = 9;
const SEMI = 59;
const EQ = 61;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const LT = 60;
const GT = 62;
const STAR = 42;
const COLON = 58;
const LPAREN = 40;
const RPAREN = 41;
const CTRL_RET = 2;
const isSpace = (c: number) => c === SPACE || c === TAB || c === 10 || c === 13;
/** Operators of a compound assignment (`x <op>= y`) of one character: - + * / % & | ^. */
const isOpChar = (c: number) =>
  c === MINUS || c === PLUS || c === STAR || c === 47 || c === 37 || c === 38 || c === 124 || c === 94;

/**
 * The scanner's scratch (reused, grown to the longest line seen: a line has fewer identifiers and statements than
 * characters): identifiers (`nt`): start, end, whether a property name (after `.`, not a spread's `...`); statements
 * (`ns`): [from, to), the index of their first identifier, whether they hold a brace.
 */
class Scratch {
  ts = new Int32Array(4096);
  te = new Int32Array(4096);
  prop = new Uint8Array(4096);
  ss = new Int32Array(4096);
  se = new Int32Array(4096);
  st = new Int32Array(4096);
  braced = new Uint8Array(4096);
  nt = 0;
  ns = 0;
  grow(n: number): void {
    if (this.ts.length > n) return;
    const m = 4 * n + 4;
    this.ts = new Int32Array(m);
    this.te = new Int32Array(m);
    this.prop = new Uint8Array(m);
    this.ss = new Int32Array(m);
    this.se = new Int32Array(m);
    this.st = new Int32Array(m);
    this.braced = new Uint8Array(m);
  }
}
const scratch = new Scratch();

/** The first position from `j` (before `to`) that is not white space. */
function skipSpace(line: string, j: number, to: number): number {
  while (j < to && isSpace(line.charCodeAt(j))) j++;
  return j;
}

/**
 * Splits `line` into identifiers and top-level statements (at `;` outside brackets and strings, and after a block's
 * closing brace), into `scratch`. Strings and numbers hold no identifier.
 */
function tokenize(line: string, sc: Scratch): void {
  const n = line.length;
  sc.grow(n + 1);
  const { ts, te, prop, ss, se, st, braced } = sc;
  let nt = 0;
  let ns = 0;
  let depth = 0;
  let from = 0;
  let brace = 0;
  let firstToken = 0;
  for (let j = 0; j < n; ) {
    const c = line.charCodeAt(j);
    if (isIdentStart(c)) {
      let k = j + 1;
      while (k < n && isIdentPart(line.charCodeAt(k))) k++;
      ts[nt] = j;
      te[nt] = k;
      prop[nt] = j > 0 && line.charCodeAt(j - 1) === DOT && !(j >= 3 && line.startsWith('...', j - 3)) ? 1 : 0;
      nt++;
      j = k;
    } else if (c >= 48 && c <= 57) {
      // a number (`0x1f`, `1e3`, `5n`, `1.5`)
      j++;
      while (j < n && (isIdentPart(line.charCodeAt(j)) || line.charCodeAt(j) === DOT)) j++;
    } else if (c === 34 || c === 39 || c === 96) {
      // a string literal
      j++;
      while (j < n && line.charCodeAt(j) !== c) j += line.charCodeAt(j) === 92 ? 2 : 1;
      j++;
    } else {
      let end = -1;
      if (c === 40 || c === 91 || c === 123) {
        depth++;
        if (c === 123) brace = 1;
      } else if (c === 41 || c === 93 || c === 125) {
        depth--;
        if (c === 125) {
          brace = 1;
          // a block statement ends at its brace (`if (c) { ... } s1 = 2;`)
          if (depth === 0) end = j + 1;
        }
      } else if (c === SEMI && depth === 0) end = j;
      if (end >= 0) {
        ss[ns] = from;
        se[ns] = end;
        braced[ns] = brace;
        st[ns] = firstToken;
        ns++;
        from = j + 1;
        brace = 0;
        firstToken = nt;
      }
      j++;
    }
  }
  ss[ns] = from;
  se[ns] = n;
  braced[ns] = brace;
  st[ns] = firstToken;
  sc.nt = nt;
  sc.ns = ns + 1;
}

/** The empty list the facts of a line share where it has none (frozen: adding to it throws). */
const NOTHING: never[] = Object.freeze([]) as unknown as never[];

/** `LineFacts` as the scanner builds it. */
type Building = { -readonly [K in keyof LineFacts]: LineFacts[K] } & {
  jumps: { cont: boolean; label: string }[];
  caught: string[];
  declares: string[];
};

/**
 * The scanner's lists while it reads a line (reused): each line's facts get lists of exactly their length, copied
 * from these (a list grown by `push` from empty takes room for 16 names first, and more at each growth: that was
 * most of what reading esbuild's largest functions allocated).
 */
const namesRead: string[] = [];
const assignedRead: string[] = [];
const setEndsRead: number[] = [];
/** `list`'s first `n` elements as a list of their own (the shared empty list for none). */
const exactly = <T>(list: T[], n: number): T[] => (n === 0 ? NOTHING : list.slice(0, n));

/**
 * A line's facts in one pass over its characters (block comments removed), from its identifiers and top-level
 * statements (`tokenize`): the leading plain assignments (`v = <expression without braces>`), the rest's names,
 * labeled and unlabeled jumps, whether its last statement ends control (`break L`, `continue L`, `return`, `throw`),
 * what it may assign (`v = `, `v <op>= `, `++v`, `v--`), the `catch` parameters and declared names, and the label it
 * defines.
 */
function scanLine(line: string, names: Interner): LineFacts {
  const sc = scratch;
  tokenize(line, sc);
  const { ts, te, prop, ss, se, st, braced, nt, ns } = sc;
  // the lists most lines leave empty share one (frozen) empty list until something is added
  const f: Building = {
    names: NOTHING,
    setEnds: NOTHING,
    restFrom: 0,
    jumps: NOTHING,
    unlabeled: false,
    ends: false,
    returns: false,
    assigned: NOTHING,
    caught: NOTHING,
    declares: NOTHING,
    label: null,
    unlabeledAnywhere: false,
    plainReturn: false,
  };
  let nNames = 0;
  let nAssigned = 0;
  let nSets = 0;
  let leading = true;
  for (let s = 0; s < ns; s++) {
    const a = ss[s];
    const b = se[s];
    const first = skipSpace(line, a, b);
    // a blank statement is none
    if (first === b) continue;
    // its identifiers: [lo, hi)
    const lo = st[s];
    const hi = s + 1 < ns ? st[s + 1] : nt;
    // a leading plain assignment: `v = <expression without braces>` (its variable, then the names it reads)
    if (leading) leading = lo < hi && ts[lo] === first && braced[s] === 0 && plainSet(line, sc, lo, b);
    const inRest = !leading;
    for (let t = lo; t < hi; t++) {
      if (prop[t] === 0) {
        const w = names.name(line, ts[t], te[t]);
        namesRead[nNames++] = w;
        if (keyword(w)) special(line, sc, t, hi, b, w, inRest, f, names);
      }
      if (assigns(line, sc, t)) assignedRead[nAssigned++] = names.name(line, ts[t], te[t]);
    }
    if (leading) setEndsRead[nSets++] = nNames;
    f.ends = lo < hi && ends(line, sc, lo, hi, first, b);
  }
  f.names = exactly(namesRead, nNames);
  f.setEnds = exactly(setEndsRead, nSets);
  f.restFrom = nSets === 0 ? 0 : setEndsRead[nSets - 1];
  f.assigned = exactly(assignedRead, nAssigned);
  if (nt > 0 && ts[0] === skipSpace(line, 0, line.length)) f.label = labelAt(line, ts[0], te[0]);
  return f;
}

/** Whether the statement whose first identifier is `lo`, ending at `b`, is `v = <expression without braces>`. */
function plainSet(line: string, sc: Scratch, lo: number, b: number): boolean {
  const eq = skipSpace(line, sc.te[lo], b);
  if (eq >= b || line.charCodeAt(eq) !== EQ || (eq + 1 < b && line.charCodeAt(eq + 1) === EQ)) return false;
  const n = sc.te[lo] - sc.ts[lo];
  return !isWord(line, sc.ts[lo], n, 'case') && !isWord(line, sc.ts[lo], n, 'default');
}

const keyword = (w: string) =>
  w === 'break' || w === 'continue' || w === 'return' || w === 'catch' || w === 'let' || w === 'const' || w === 'var';

/** What the keyword `w` (identifier `t` of a statement ending at `b`, identifiers up to `hi`) adds to `f`. */
function special(
  line: string,
  sc: Scratch,
  t: number,
  hi: number,
  b: number,
  w: string,
  inRest: boolean,
  f: Building,
  names: Interner,
): void {
  const { ts, te } = sc;
  const e = te[t];
  if (w === 'break' || w === 'continue') {
    const after = skipSpace(line, e, b);
    if (after === b || line.charCodeAt(after) === SEMI) {
      if (inRest) f.unlabeled = true;
      if (after < line.length && line.charCodeAt(after) === SEMI) f.unlabeledAnywhere = true;
    } else if (inRest && after > e && t + 1 < hi && ts[t + 1] === after) {
      const end = skipSpace(line, te[t + 1], b);
      if (end === b || line.charCodeAt(end) === SEMI) {
        if (f.jumps === NOTHING) f.jumps = [];
        f.jumps.push({ cont: w === 'continue', label: names.name(line, ts[t + 1], te[t + 1]) });
      }
    }
  } else if (w === 'return') {
    if (inRest) f.returns = true;
    if (ts[t] === 0 || line.charCodeAt(ts[t] - 1) !== CTRL_RET) f.plainReturn = true;
  } else if (w === 'catch') {
    const open = skipSpace(line, e, b);
    if (open < b && line.charCodeAt(open) === LPAREN && t + 1 < hi && ts[t + 1] === skipSpace(line, open + 1, b)) {
      const shut = skipSpace(line, te[t + 1], b);
      if (shut < b && line.charCodeAt(shut) === RPAREN) {
        if (f.caught === NOTHING) f.caught = [];
        f.caught.push(names.name(line, ts[t + 1], te[t + 1]));
      }
    }
  } else {
    // let, const, var
    const next = skipSpace(line, e, b);
    if (next > e && t + 1 < hi && ts[t + 1] === next) {
      if (f.declares === NOTHING) f.declares = [];
      f.declares.push(names.name(line, ts[t + 1], te[t + 1]));
    }
  }
}

/** Whether identifier `t` may be assigned: `v = `, `v <op>= ` (not a property), `++v`, `--v`, `v++`, `v--`. */
function assigns(line: string, sc: Scratch, t: number): boolean {
  const n = line.length;
  const e = sc.te[t];
  let p = skipSpace(line, e, n);
  const c = line.charCodeAt(p);
  // `v++`, `v--`
  if ((c === PLUS || c === MINUS) && line.charCodeAt(p + 1) === c) return true;
  if (sc.prop[t] === 0) {
    if (c === STAR && line.charCodeAt(p + 1) === STAR) p += 2;
    else if (c === GT && line.charCodeAt(p + 1) === GT) p += line.charCodeAt(p + 2) === GT ? 3 : 2;
    else if (c === LT && line.charCodeAt(p + 1) === LT) p += 2;
    else if (isOpChar(c) && line.charCodeAt(p + 1) === EQ) p += 1;
    if (line.charCodeAt(p) === EQ && line.charCodeAt(p + 1) !== EQ) return true;
  }
  // `++v`, `--v`
  let q = sc.ts[t];
  while (q > 0 && isSpace(line.charCodeAt(q - 1))) q--;
  const d = line.charCodeAt(q - 1);
  return q >= 2 && (d === PLUS || d === MINUS) && line.charCodeAt(q - 2) === d;
}

/** Whether the identifier of `n` characters at `from` of `line` is `w`. */
const isWord = (line: string, from: number, n: number, w: string) => n === w.length && line.startsWith(w, from);

/** Whether the statement [first, b) with identifiers [lo, hi) ends control: `break L`, `continue L`, `return`, `throw`. */
function ends(line: string, sc: Scratch, lo: number, hi: number, first: number, b: number): boolean {
  const { ts, te } = sc;
  if (ts[lo] === first + 1 && line.charCodeAt(first) === CTRL_RET)
    return te[lo] - ts[lo] === 6 && line.startsWith('return', ts[lo]);
  if (ts[lo] !== first) return false;
  const a = ts[lo];
  const n = te[lo] - a;
  if (isWord(line, a, n, 'return') || isWord(line, a, n, 'throw')) return true;
  if (!isWord(line, a, n, 'break') && !isWord(line, a, n, 'continue')) return false;
  return lo + 1 < hi && ts[lo + 1] > te[lo] && skipSpace(line, te[lo], b) === ts[lo + 1] && te[lo + 1] === b;
}

/** The label a line starting with the identifier [from, to) defines (`L3: `), or null. */
function labelAt(line: string, from: number, to: number): string | null {
  const c = line.charCodeAt(from);
  if (c < 65 || c > 90) return null;
  for (let j = from + 1; j < to; j++) {
    const d = line.charCodeAt(j);
    if (!((d >= 65 && d <= 90) || (d >= 48 && d <= 57))) return null;
  }
  const colon = skipSpace(line, to, line.length);
  return line.charCodeAt(colon) === COLON && line.charCodeAt(colon + 1) !== COLON ? line.slice(from, to) : null;
}

/**
 * Lines' facts by line number, with the text they are of (a line outlined since is analyzed again), and the names
 * they hold, each one string.
 */
export interface FactsCache {
  readonly texts: (string | undefined)[];
  readonly facts: (LineFacts | undefined)[];
  readonly names: Interner;
}
export const factsCache = (): FactsCache => ({ texts: [], facts: [], names: new Interner() });

/** The facts of `lines[i]`, from `cache` while the line is unchanged. */
export function factsAt(lines: readonly string[], i: number, cache: FactsCache): LineFacts {
  const text = lines[i];
  const known = cache.facts[i];
  if (known !== undefined && cache.texts[i] === text) return known;
  const facts = lineFacts(text, cache.names);
  cache.texts[i] = text;
  cache.facts[i] = facts;
  return facts;
}

/** The construct a node opens, from its first line (without its label), or null for a shape not known here. */
type Kind = 'block' | 'loop' | 'if' | 'switch' | 'flat' | 'try';
function kindOf(lines: readonly string[], node: Node): { kind: Kind; label: string | null } | null {
  const open = uncommented(lines[node.start]);
  const m = LABEL_DEF.exec(open);
  const text = (m === null ? open : open.slice(m[0].length)).trim();
  const label = m === null ? null : m[1];
  let kind: Kind;
  if (text === '{') kind = 'block';
  else if (text === 'for (;;) {') kind = 'loop';
  else if (text === 'for (;;) switch (st) {') kind = 'flat';
  else if (text === 'try {') kind = 'try';
  else if (/^if \(.*\{$/s.test(text) && text.indexOf('{') === text.length - 1) kind = 'if';
  else if (/^switch \(.*\{$/s.test(text) && text.indexOf('{') === text.length - 1) kind = 'switch';
  else return null;
  // the lines between and after its bodies: `} else {`, `} catch (e) {`, the closing `}`
  const bodies = kind === 'if' ? [1, 2] : kind === 'try' ? [2] : [1];
  if (!bodies.includes(node.bodies.length)) return null;
  for (const i of headerLines(node)) {
    if (i === node.start) continue;
    const l = uncommented(lines[i]).trim();
    if (l === '}') continue;
    if (kind === 'if' && l === '} else {') continue;
    if (kind === 'try' && /^\} catch \([A-Za-z_$][\w$]*\) \{$/.test(l)) continue;
    return null;
  }
  return { kind, label };
}

/** The lines of a compound node outside its bodies (its opening line, separators and closing line). */
function headerLines(node: Node): number[] {
  const out: number[] = [];
  let i = node.start;
  for (const body of node.bodies) {
    const first = body.length > 0 ? body[0].start : i + 1;
    for (; i < first && i < node.end; i++) out.push(i);
    if (body.length > 0) i = body[body.length - 1].end;
  }
  for (; i < node.end; i++) out.push(i);
  return out;
}

/** A set of variables as bits. */
type Bits = Uint32Array;

/** What the backward liveness found: the variables live after a statement and at a label's jump targets. */
export interface Liveness {
  /** Whether `name` is live after `node` (true when not known). */
  liveAfter(node: Node, name: string): boolean;
  /** Whether `name` is live where `break label` (or `continue label`) goes (true when not known). */
  liveAtJump(cont: boolean, label: string, name: string): boolean;
}

/** Passes over the lines after which liveness gives up (each pass carries values one more loop level out). */
const MAX_PASSES = 24;

/**
 * A backward liveness of `vars` over the statement tree `top` of `lines` (nothing live after the last line): a
 * pass over the tree per loop nesting level until the loops' heads stop changing (at most `MAX_PASSES`, else every
 * variable is taken as live everywhere). A variable is live before a line if the line reads it, or if it is live
 * after it (or at a target the line jumps to, or at the handler of an enclosing `try`) and the line does not
 * assign it first in a plain statement. `keep` says which statement lists' nodes to remember the result for.
 * Each pass is linear in the lines (times the words of a set).
 */
export function liveness(
  lines: readonly string[],
  top: Node[],
  vars: Iterable<string>,
  keep: (list: Node[]) => boolean,
  facts: FactsCache = factsCache(),
): Liveness {
  const index = new Map<string, number>();
  for (const v of vars) if (!index.has(v)) index.set(v, index.size);
  const words = Math.max(1, (index.size + 31) >>> 5);
  const EMPTY: Bits = new Uint32Array(words);
  const ALL: Bits = new Uint32Array(words).fill(0xffffffff);
  const copy = (a: Bits): Bits => a.slice();
  const or = (into: Bits, b: Bits): Bits => {
    if (b !== EMPTY) for (let i = 0; i < words; i++) into[i] |= b[i];
    return into;
  };
  const equal = (a: Bits, b: Bits): boolean => {
    for (let i = 0; i < words; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const has = (a: Bits, v: number) => (a[v >>> 5] & (1 << (v & 31))) !== 0;
  /** `into` made a copy of `from` (empty if none). */
  const reset = (into: Bits, from: Bits | undefined): Bits => {
    if (from === undefined) into.fill(0);
    else into.set(from);
    return into;
  };
  const add = (into: Bits, vs: Int32Array) => {
    for (let k = 0; k < vs.length; k++) into[vs[k] >>> 5] |= 1 << (vs[k] & 31);
  };
  const NONE = new Int32Array(0);
  // the bit positions of a construct's header names, gathered in one scratch list
  const found: number[] = [];
  // labels defined more than once are not trusted (jumps to them: everything live)
  const labelCount = new Map<string, number>();
  for (const l of lines) {
    let j = 0;
    while (j < l.length && isSpace(l.charCodeAt(j))) j++;
    // a label starts with a capital letter
    if (!(l.charCodeAt(j) >= 65 && l.charCodeAt(j) <= 90)) continue;
    const m = LABEL_DEF.exec(l);
    if (m !== null) labelCount.set(m[1], (labelCount.get(m[1]) ?? 0) + 1);
  }
  // each line's names as bit positions (-1: not tracked), in the order of its facts' `names`, in one list for the
  // whole function: `codeAt[i]` is where line i's start (-1: not read yet)
  const codeAt = new Int32Array(lines.length).fill(-1);
  let code = new Int32Array(1024);
  let codeLength = 0;
  const codeOf = (i: number, f: LineFacts): number => {
    let at = codeAt[i];
    if (at < 0) {
      const ns = f.names;
      if (codeLength + ns.length > code.length) {
        const grown = new Int32Array(Math.max(code.length * 2, codeLength + ns.length));
        grown.set(code.subarray(0, codeLength));
        code = grown;
      }
      at = codeLength;
      for (let k = 0; k < ns.length; k++) code[at + k] = index.get(ns[k]) ?? -1;
      codeLength += ns.length;
      codeAt[i] = at;
    }
    return at;
  };
  /** Adds line `i`'s names [from, to) (positions in its facts' `names`) to `into`. */
  const addNames = (into: Bits, at: number, from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const v = code[at + k];
      if (v >= 0) into[v >>> 5] |= 1 << (v & 31);
    }
  };
  const shapes = new Map<Node, { kind: Kind; label: string | null; uses: Int32Array } | null>();
  const shapeOf = (node: Node) => {
    let s = shapes.get(node);
    if (s === undefined) {
      const k = kindOf(lines, node);
      if (k === null) s = null;
      else {
        found.length = 0;
        const header = headerLines(node);
        for (let h = 0; h < header.length; h++) {
          const ns = factsAt(lines, header[h], facts).names;
          for (let j = 0; j < ns.length; j++) {
            const v = index.get(ns[j]);
            if (v !== undefined) found.push(v);
          }
        }
        s = { kind: k.kind, label: k.label, uses: found.length === 0 ? NONE : Int32Array.from(found) };
      }
      shapes.set(node, s);
    }
    return s;
  };

  let heads = new Map<string, Bits>();
  let nextHeads = new Map<string, Bits>();
  const breaks = new Map<string, Bits>();
  // what is live after each statement kept: `words` words each, in one list (`Node.liveAfter`: where its start)
  let afterBits = new Uint32Array(0);
  let afterLength = 0;
  const keepAfter = (node: Node, live: Bits) => {
    if (afterLength + words > afterBits.length) {
      const grown = new Uint32Array(Math.max(1024, afterBits.length * 2, afterLength + words));
      grown.set(afterBits.subarray(0, afterLength));
      afterBits = grown;
    }
    afterBits.set(live, afterLength);
    node.liveAfter = afterLength;
    afterLength += words;
  };
  let record = false;
  let throwLive: Bits = EMPTY;

  const target = (cont: boolean, label: string): Bits => {
    if (labelCount.get(label) !== 1) return ALL;
    if (cont) return heads.get(label) ?? (breaks.has(label) ? EMPTY : ALL);
    return breaks.get(label) ?? ALL;
  };
  // each of these takes the set live after and returns the set live before, changing the one it was given
  const simple = (i: number, live: Bits): Bits => {
    const f = factsAt(lines, i, facts);
    if (f.unlabeled) return live.fill(0xffffffff);
    const at = codeOf(i, f);
    if (f.ends) live.fill(0);
    for (let k = 0; k < f.jumps.length; k++) or(live, target(f.jumps[k].cont, f.jumps[k].label));
    addNames(live, at, f.restFrom, f.names.length);
    // the leading assignments, last first: each kills its variable, then adds what its expression reads
    for (let k = f.setEnds.length - 1; k >= 0; k--) {
      const from = k === 0 ? 0 : f.setEnds[k - 1];
      const v = code[at + from];
      if (v >= 0) live[v >>> 5] &= ~(1 << (v & 31));
      addNames(live, at, from + 1, f.setEnds[k]);
    }
    return or(live, throwLive);
  };
  const list = (nodes: Node[], live: Bits, cases: Bits | null): Bits => {
    const remember = record && keep(nodes);
    for (let k = nodes.length - 1; k >= 0; k--) {
      const node = nodes[k];
      if (remember) keepAfter(node, live);
      live = node.bodies.length === 0 ? simple(node.start, live) : compound(node, live);
      if (node.barrier) {
        if (cases === null) return live.fill(0xffffffff);
        or(cases, live);
      }
    }
    return live;
  };
  const compound = (node: Node, out: Bits): Bits => {
    const shape = shapeOf(node);
    if (shape === null) return out.fill(0xffffffff);
    const { kind, label } = shape;
    if (label !== null) breaks.set(label, copy(out));
    let live: Bits;
    switch (kind) {
      case 'block':
        live = list(node.bodies[0], out, null);
        break;
      case 'loop': {
        const head = label === null ? undefined : heads.get(label);
        live = list(node.bodies[0], reset(out, head), null);
        if (label !== null) nextHeads.set(label, copy(live));
        break;
      }
      case 'if': {
        const other = node.bodies.length > 1 ? list(node.bodies[1], copy(out), null) : copy(out);
        live = or(list(node.bodies[0], out, null), other);
        break;
      }
      case 'switch': {
        const cases = copy(out);
        list(node.bodies[0], out, cases);
        live = cases;
        break;
      }
      case 'flat': {
        // `continue S<k>` dispatches again on `st`: to any of the cases
        const head = label === null ? undefined : heads.get(label);
        const cases = copy(out);
        list(node.bodies[0], reset(out, head), cases);
        live = cases;
        add(live, shape.uses);
        if (label !== null) nextHeads.set(label, copy(live));
        break;
      }
      case 'try': {
        const handler = list(node.bodies[1], copy(out), null);
        const saved = throwLive;
        throwLive = or(copy(throwLive), handler);
        live = or(list(node.bodies[0], out, null), handler);
        throwLive = saved;
        break;
      }
    }
    add(live, shape.uses);
    return or(live, throwLive);
  };

  let known = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    nextHeads = new Map();
    breaks.clear();
    list(top, new Uint32Array(words), null);
    let same = nextHeads.size === heads.size;
    if (same)
      for (const [l, b] of nextHeads) {
        const h = heads.get(l);
        if (h === undefined || !equal(h, b)) {
          same = false;
          break;
        }
      }
    heads = nextHeads;
    if (same) {
      // one more pass with the heads fixed, remembering what is live after each statement kept
      record = true;
      breaks.clear();
      list(top, new Uint32Array(words), null);
      known = true;
      break;
    }
  }
  const bit = (b: Bits | undefined, name: string) => {
    const v = index.get(name);
    return b === undefined || v === undefined || has(b, v);
  };
  return {
    liveAfter: (node, name) => {
      if (!known) return true;
      const at = node.liveAfter;
      const v = index.get(name);
      return at < 0 || v === undefined || (afterBits[at + (v >>> 5)] & (1 << (v & 31))) !== 0;
    },
    liveAtJump: (cont, label, name) => !known || labelCount.get(label) !== 1 || bit(target(cont, label), name),
  };
}

/** What a run of statements reads before writing and writes for sure, from a walk forward through it. */
export interface RunFlow {
  /** Variables some path through the run reads before writing them (their values at the call are needed). */
  readonly exposed: Set<string>;
  /** Variables every exit of the run (its end, a jump out) has written (null: no exit). */
  readonly written: Set<string> | null;
  /** The labels outside the run that it jumps to, with the jump's kind. */
  readonly exits: { cont: boolean; label: string }[];
}

/**
 * The flow of the run `run` (consecutive siblings of `lines`' tree; `calls`: first lines of runs already
 * outlined, now a call each, whose nodes are simple statements) over the variables `tracked` says. `flat`: the run
 * holds cases of a flat region and may be entered at any of them (nothing is written then).
 */
export function runFlow(
  lines: readonly string[],
  run: Node[],
  calls: ReadonlySet<number>,
  tracked: (name: string) => boolean,
  flat: boolean,
  dropped: string,
  cache: FactsCache = factsCache(),
): RunFlow {
  const factsOf = (i: number) => factsAt(lines, i, cache);
  const exposed = new Set<string>();
  let written: Set<string> | null = null;
  const exits: { cont: boolean; label: string }[] = [];
  const seenExit = new Set<string>();
  // labels of constructs open around the current statement, inside the run, with the writes at jumps to them
  const inner = new Map<string, Set<string> | null>();
  /** Reads names [from, to) of `ns` (all of them by default). */
  const read = (ns: readonly string[], da: Set<string>, from = 0, to = ns.length) => {
    for (let k = from; k < to; k++) if (tracked(ns[k]) && !da.has(ns[k])) exposed.add(ns[k]);
  };
  const meet = (a: Set<string> | null, b: Set<string> | null): Set<string> | null => {
    if (a === null) return b === null ? null : new Set(b);
    if (b === null) return a;
    a.forEach((v) => {
      if (!b.has(v)) a.delete(v);
    });
    return a;
  };
  const exit = (cont: boolean, label: string, da: Set<string>) => {
    written = meet(written, da);
    const key = `${cont ? 'c' : 'b'} ${label}`;
    if (!seenExit.has(key)) {
      seenExit.add(key);
      exits.push({ cont, label });
    }
  };
  const jump = (cont: boolean, label: string, da: Set<string>) => {
    if (!inner.has(label)) exit(cont, label, da);
    else if (!cont) inner.set(label, meet(inner.get(label) ?? null, da));
  };
  // a node of a shape not known: everything it mentions is read, its jumps out leave with what was written before
  const opaque = (node: Node, da: Set<string>) => {
    for (let i = node.start; i < node.end; i++) {
      if (lines[i] === dropped) continue;
      const f = factsOf(i);
      // its assignments' variables too
      read(f.names, da);
      for (const j of f.jumps) if (!inner.has(j.label)) exit(j.cont, j.label, da);
    }
  };
  /** Walks a statement list from `da` (written before it); what is written after it (null: not reached). */
  const list = (nodes: Node[], start: Set<string>, cases: Set<string> | null): Set<string> | null => {
    let da: Set<string> | null = start;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      if (node.barrier) {
        // a case is entered from its switch's dispatch too
        da = meet(da === null ? null : da, cases === null ? new Set() : cases);
        if (da === null) da = new Set(cases ?? []);
      }
      if (da === null) da = new Set(); // unreachable code: nothing known written (a sound start)
      da = statement(node, da);
    }
    return da;
  };
  const statement = (node: Node, da: Set<string>): Set<string> | null => {
    // a statement of a run outlined before, after its first (the call): gone
    if (lines[node.start] === dropped) return da;
    if (node.bodies.length === 0 || calls.has(node.start)) {
      const f = factsOf(node.start);
      // the leading assignments in order: each reads its expression's names, then writes its variable
      for (let k = 0; k < f.setEnds.length; k++) {
        const from = k === 0 ? 0 : f.setEnds[k - 1];
        read(f.names, da, from + 1, f.setEnds[k]);
        if (tracked(f.names[from])) da.add(f.names[from]);
      }
      read(f.names, da, f.restFrom);
      for (let k = 0; k < f.jumps.length; k++) jump(f.jumps[k].cont, f.jumps[k].label, da);
      if (f.unlabeled) exit(false, '', da);
      return f.ends ? null : da;
    }
    const shape = kindOf(lines, node);
    if (shape === null) {
      opaque(node, da);
      return new Set(da);
    }
    const { kind, label } = shape;
    const header = headerLines(node);
    for (let k = 0; k < header.length; k++) if (lines[header[k]] !== dropped) read(factsOf(header[k]).names, da);
    const saved = label === null ? undefined : inner.get(label);
    if (label !== null) inner.set(label, null);
    let out: Set<string> | null;
    switch (kind) {
      case 'block':
        out = list(node.bodies[0], new Set(da), null);
        break;
      case 'if':
        out = meet(
          list(node.bodies[0], new Set(da), null),
          node.bodies.length > 1 ? list(node.bodies[1], new Set(da), null) : new Set(da),
        );
        break;
      case 'loop':
        // the head is reached from the entry and from the back edges, which wrote at least as much
        list(node.bodies[0], new Set(da), null);
        out = null;
        break;
      default:
        // switch, flat region, try: a case (or the handler) is entered with what was written before
        list(node.bodies[0], new Set(da), new Set(da));
        if (kind === 'try') list(node.bodies[1], new Set(da), null);
        out = new Set(da);
        break;
    }
    if (label !== null) {
      out = meet(out, inner.get(label) ?? null);
      if (saved === undefined) inner.delete(label);
      else inner.set(label, saved);
    }
    // a construct left only by jumps out of it: what follows is not reached from here
    return out === null ? null : mergeAtLeast(out, da);
  };
  const end = list(run, flat ? new Set() : new Set(), flat ? new Set() : null);
  if (end !== null) written = meet(written, end);
  return { exposed, written, exits };
}

/** What is written after a construct: at least what was written before it (`out` may only add to `da`). */
function mergeAtLeast(out: Set<string>, da: Set<string>): Set<string> {
  da.forEach((v) => out.add(v));
  return out;
}

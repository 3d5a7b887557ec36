// Outlining: a function body whose JS is too large for the host's optimizing tier and is not cut by `split` (its
// code is one large loop: an interpreter's dispatch loop, a regex matcher, a VM's `exec`) gets runs of statements
// inside its loops and blocks moved into functions of their own, until every block is at most `limit` characters
// (README.md, "Outlining large loops"). It works on the translator's output lines, after translation: a run of
// sibling statements is moved as text, and the variables it shares with the rest of the function go in as
// arguments and come back through `H.O`; branches out of the run and returns come back as an exit code.

/** What the outliner needs to know of the function it works on. */
export interface OutlineFunction {
  /** Characters of JS above which a block's statements are outlined (the function's `splitChars`). */
  readonly limit: number;
  /** The function's variables (parameters and declared variables): the names a run may share with the rest. */
  readonly vars: ReadonlySet<string>;
  /** Variables always passed into an outlined run that mentions them (wasm locals: their values live across runs). */
  readonly isLocal: (name: string) => boolean;
  /** Variables each outlined function declares afresh (fuel and epoch counters, the exit code `oc`): never passed. */
  readonly own: ReadonlySet<string>;
  /** The marker of a `return` statement in the lines (translate.ts's `RET`). */
  readonly ret: string;
  /** Marks a line removed (translate.ts's `DROPPED`). */
  readonly dropped: string;
  /** Statement(s) before a call handing the fuel counter over (empty without fuel). */
  readonly handOver: string;
  /** Statement(s) after a call reloading the counters (empty without fuel and epochs). */
  readonly reload: string;
  /** The name of the k-th outlined function. */
  readonly name: () => string;
  /** A line's length as the limit counts it (without source-position markers, so that both translations agree). */
  readonly length: (line: string) => number;
  /**
   * Whether the function's own top-level statements may be outlined too (a piece of a split body still over the
   * limit: `split` found no cut inside it); else they are left to `split`.
   */
  readonly top?: boolean;
  /** Variables set before the lines run (a piece's parameters): as if mentioned outside every run. */
  readonly live?: readonly string[];
}

/** An outlined run: a function with these parameters whose body is these lines (the `return` marker included). */
export interface Outlined {
  readonly name: string;
  readonly params: string[];
  readonly lines: string[];
}

/** The variable holding an outlined call's exit code, declared in every function that makes one. */
export const EXIT_CODE = 'oc';
/** Runs shorter than this many characters are not outlined (nor runs shorter than the limit, when it is smaller). */
const MIN_RUN = 1000;
/** Runs shorter than this are never outlined. */
const SMALL_RUN = 200;
/** Runs that branch to more places than this are outlined last (see `reduce`). */
const FEW_EXITS = 16;
/** The first line of a flat region (translate.ts): its label. */
const FLAT = /^\s*(S\d+): for \(;;\) switch \(st\) \{\s*$/;
/** The label of an outlined flat run's own dispatch loop. */
const FLAT_LABEL = 'SQ';
/** The label of the block around an outlined run (an exit leaves it with its code in `oc`). */
const EXIT_LABEL = 'ZO';

interface Node {
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
  calls?: boolean;
}

const IDENT = /[A-Za-z_$][\w$]*/g;
const ASSIGN =
  /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:[-+*/%&|^]|<<|>>>?|\*\*)?=(?!=)|(?:\+\+|--)\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;
const JUMP = /\b(break|continue)\s+([A-Za-z_$][\w$]*)\s*;/g;
const UNLABELED = /\b(?:break|continue)\s*;/;
const LABEL_DEF = /^\s*([A-Z][A-Z0-9]*)\s*:(?!:)/;
const CATCH = /\bcatch\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g;
const DECLARE = /\b(?:let|const|var)\s+([A-Za-z_$][\w$]*)/g;
const BARRIER = /^\s*(?:case\b|default\s*:)/;
/** Stack-slot variables: `s3`, `s3h`, `s3b`. */
const SLOT = /^s\d+[hbcd]?$/;

/**
 * Outlines runs of statements of `lines` (changed in place: a run's first line becomes the call, its other lines
 * `dropped`, so line numbers stay valid) until each block of the function's own top-level statements is at most
 * `fn.limit` characters, where runs can be found. Returns the outlined functions, in the order made (a later one
 * may call an earlier one).
 */
export function outline(lines: string[], fn: OutlineFunction): Outlined[] {
  const total = lines.reduce((n, l) => n + fn.length(l) + 1, 0);
  if (total <= fn.limit) return [];
  const depth = braceDepths(lines);
  const top = parse(lines, depth);
  // mentions of each variable in the function's current lines (an outlined run's are replaced by its call's)
  const counts = new Map<string, number>();
  const countIn = (text: string, sign: number, into = counts) => {
    for (const m of text.matchAll(IDENT))
      if (fn.vars.has(m[0]) || fn.own.has(m[0])) into.set(m[0], (into.get(m[0]) ?? 0) + sign);
  };
  for (const l of lines) if (l !== fn.dropped) countIn(l, 1);
  for (const v of fn.live ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
  // the catch parameters anywhere in the function: a run may mention one only if the catch is in the run
  const catchVars = new Set<string>();
  for (const l of lines) for (const m of l.matchAll(CATCH)) catchVars.add(m[1]);
  const declared = new Set<string>();
  for (const l of lines) for (const m of l.matchAll(DECLARE)) declared.add(m[1]);
  const made: Outlined[] = [];

  const lineSize = (i: number) => (lines[i] === fn.dropped ? 0 : fn.length(lines[i]) + 1);

  /**
   * Outlines the run of nodes `run` (consecutive siblings) if it can be and branches out of it to at most `maxExits`
   * places; the new size of the run.
   */
  const outlineRun = (run: Node[], size: number, maxExits: number, flat: string | null): number => {
    const a = run[0].start;
    const b = run[run.length - 1].end;
    let body: string[] = [];
    for (let i = a; i < b; i++) if (lines[i] !== fn.dropped) body.push(lines[i]);
    // in a flat region (`S<k>: for (;;) switch (st)`): the cases of the run, which it dispatches itself
    const cases: string[] = [];
    if (flat !== null) {
      for (const node of run)
        if (node.barrier) {
          if (!/^\s*(?:case \d+:\s*)+$/.test(lines[node.start])) return size;
          for (const m of lines[node.start].matchAll(/case (\d+):/g)) cases.push(m[1]);
        }
      const again = new RegExp(`continue ${flat};`, 'g');
      body = body.map((l) => l.replace(again, `{ fe = 0; continue ${FLAT_LABEL}; }`));
    }
    const text = body.join('\n');
    // a variable the lines declare themselves (a split body's `let nx`, its pieces' results) stays in its scope:
    // a run that declares or mentions one stays
    for (const v of declared)
      if (new RegExp(`(?<![\\w$])${v.replaceAll('$', '\\$')}(?![\\w$])`).test(text)) return size;
    // an unlabeled jump, or a `return` of the translator's own (a piece's call of the next piece), stays
    if (UNLABELED.test(text) || /\breturn\b/.test(text.replaceAll(fn.ret, ''))) return size;
    const defined = new Set<string>(flat === null ? [] : [FLAT_LABEL]);
    for (const l of body) {
      const m = LABEL_DEF.exec(l);
      if (m !== null) defined.add(m[1]);
    }
    const caught = new Set<string>();
    for (const m of text.matchAll(CATCH)) caught.add(m[1]);
    const mentioned = new Map<string, number>();
    countIn(text, 1, mentioned);
    for (const v of catchVars)
      if (!caught.has(v) && new RegExp(`\\b${v.replace('$', '\\$')}\\b`).test(text)) return size;
    // shared: wasm locals, and the other variables the rest of the function mentions too
    const params: string[] = [];
    for (const [v, n] of mentioned)
      if (fn.vars.has(v) && !fn.own.has(v) && (fn.isLocal(v) || (counts.get(v) ?? 0) > n)) params.push(v);
    // a flat run dispatches on `st` itself
    if (flat !== null && !params.includes('st')) params.push('st');
    const shared = new Set(params);
    const assigned = new Set<string>();
    for (const m of text.matchAll(ASSIGN)) {
      const v = m[1] ?? m[2] ?? m[3];
      if (shared.has(v)) assigned.add(v);
    }
    const back = [...assigned];
    // a stack slot the run assigns before anything reads it is not passed in (its value at the call is dead): its
    // first mention is the start of a statement of the run's own, `s3 = <expression without s3>;` (not in a flat
    // run, which may be entered at any of its cases)
    const deadIn = new Set<string>();
    if (flat === null) {
      const simple = new Set<number>();
      for (const node of run) if (node.bodies.length === 0) simple.add(node.start);
      const seen = new Set<string>();
      for (let i = a; i < b; i++) {
        if (lines[i] === fn.dropped) continue;
        for (const m of lines[i].matchAll(IDENT)) {
          const v = m[0];
          if (seen.has(v) || !shared.has(v) || !SLOT.test(v)) continue;
          seen.add(v);
          const set = simple.has(i) ? /^\s*([A-Za-z_$][\w$]*) = ([^;]*);/.exec(lines[i]) : null;
          if (set !== null && set[1] === v && m.index === set[0].indexOf(v) && !new RegExp(`\\b${v}\\b`).test(set[2]))
            deadIn.add(v);
        }
      }
    }
    const passed = params.filter((v) => !deadIn.has(v));
    // the exits: branches to labels outside the run, and returns (with or without a value)
    const exits = new Map<string, number>();
    const exitCode = (key: string) => {
      let c = exits.get(key);
      if (c === undefined) exits.set(key, (c = exits.size + 1));
      return c;
    };
    const leave = (c: number) => `{ ${EXIT_CODE} = ${c}; break ${EXIT_LABEL}; }`;
    const inner = body.map((l) => {
      let s = l.replace(JUMP, (all, kind: string, label: string) =>
        defined.has(label) ? all : leave(exitCode(`${kind} ${label};`)),
      );
      if (s.includes(fn.ret))
        s = replaceReturns(s, fn.ret, (value) => {
          if (value === '') return leave(exitCode(`${fn.ret};`));
          // a value already in `H.O[0]` (the return of a nested run's call) stays there
          const put = value === 'H.O[0]' ? '' : `H.O[0] = ${value}; `;
          return `{ ${put}${EXIT_CODE} = ${exitCode(`${fn.ret} H.O[0];`)}; break ${EXIT_LABEL}; }`;
        });
      return s;
    });
    // a flat run is entered at its first case (falling through into it) or at the case `st` names (a dispatch); a
    // jump to a case outside it leaves it to the region's dispatch (`st` holds the case)
    const again = flat === null ? '' : `{ ${EXIT_CODE} = ${exitCode(`continue ${flat};`)}; break ${EXIT_LABEL}; }`;
    if (exits.size > maxExits) return size;
    const name = fn.name();
    const restore = back.map((v, k) => `${v} = H.O[${k + 1}];`).join(' ');
    const dispatch =
      exits.size === 0 ? '' : ` switch (${EXIT_CODE}) { ${[...exits].map(([s, c]) => `case ${c}: ${s}`).join(' ')} }`;
    const call = `${name}(${passed.join(', ')});`;
    const stub = [
      cases.map((c) => `case ${c}:`).join(' '),
      fn.handOver,
      exits.size === 0 ? call : `${EXIT_CODE} = ${call}`,
      fn.reload,
      restore,
      dispatch.trim(),
    ]
      .filter((s) => s !== '')
      .join(' ');
    if (stub.length >= size) return size;
    // the run's lines without their common indentation
    let cut = Number.POSITIVE_INFINITY;
    for (const l of inner) cut = Math.min(cut, /^ */.exec(l)?.[0].length ?? 0);
    const code = inner.map((l) => `    ${l.slice(cut)}`);
    made.push({
      name,
      params: passed,
      lines: [
        ...(flat === null ? [] : ['  let fe = 1;']),
        `  ${EXIT_LABEL}: {`,
        ...(flat === null
          ? code
          : [
              `  ${FLAT_LABEL}: for (;;) {`,
              `  switch (st) {`,
              `  default: if (fe === 0) ${again} st = ${cases[0]};`,
              ...code,
              '  }',
              `  break ${FLAT_LABEL};`,
              '  }',
            ]),
        `    ${EXIT_CODE} = 0;`,
        '  }',
        ...(back.length > 0 ? [`  ${back.map((v, k) => `H.O[${k + 1}] = ${v};`).join(' ')}`] : []),
        `  ${fn.ret} ${EXIT_CODE};`,
      ],
    });
    countIn(text, -1);
    countIn(stub, 1);
    const indent = /^\s*/.exec(lines[a])?.[0] ?? '';
    lines[a] = `${indent}${stub}`;
    for (let i = a + 1; i < b; i++) lines[i] = fn.dropped;
    return stub.length + indent.length + 1;
  };

  /**
   * Reduces a statement list (its nodes' bodies first) to at most `limit` characters where it can; its size. `flat`:
   * the label of the flat region whose `switch (st)` the list is the body of (its runs may hold cases).
   */
  const reduce = (list: Node[], flat: string | null): number => {
    const sizes = list.map((node) => nodeSize(node));
    let sum = sizes.reduce((n, s) => n + s, 0);
    if (sum <= fn.limit) return sum;
    // runs of nodes between barriers, in chunks of at most `limit` characters (a larger node is a chunk of its own)
    const chunks: { run: Node[]; size: number; done?: boolean }[] = [];
    let run: Node[] = [];
    let size = 0;
    const close = () => {
      if (run.length > 0) chunks.push({ run, size });
      run = [];
      size = 0;
    };
    list.forEach((node, i) => {
      if (flat === null) {
        // a run holds no case; a node holding outlined calls is a chunk of its own (see below)
        if (node.barrier) return close();
        if (size + sizes[i] > fn.limit || node.calls || run[run.length - 1]?.calls) close();
      } else if (node.barrier && size + sizes[i] > fn.limit / 2) {
        // in a flat region a run starts at a case (it is entered there) and holds the cases up to the next run
        close();
      }
      run.push(node);
      size += sizes[i];
    });
    close();
    if (flat !== null) chunks.splice(0, chunks.length, ...chunks.filter((c) => c.run[0].barrier));
    // the largest first, until the list fits; runs that branch to many places (a dispatch: its call would return
    // a code to dispatch on again) only if that is not enough; never a node holding outlined calls (the nested
    // blocks of a br_table's dispatch would become a chain of calls, each returning a code to the next: a dispatch
    // would cost a call per case); runs shorter than `MIN_RUN` characters (or the limit) stay (their call would cost
    // more than their code)
    chunks.sort((x, y) => y.size - x.size || x.run[0].start - y.run[0].start);
    const before = made.length;
    for (const [maxExits, least, withCalls] of [
      [FEW_EXITS, MIN_RUN, false],
      [Number.POSITIVE_INFINITY, MIN_RUN, false],
      [Number.POSITIVE_INFINITY, SMALL_RUN, false],
      [Number.POSITIVE_INFINITY, SMALL_RUN, true],
    ] as const)
      for (const c of chunks) {
        if (sum <= fn.limit || c.size < Math.min(least, fn.limit)) break;
        if (c.done || (c.run[0].calls === true && !withCalls)) continue;
        const after = outlineRun(c.run, c.size, maxExits, flat);
        if (after !== c.size) c.done = true;
        sum -= c.size - after;
      }
    outlinedHere = made.length > before;
    return sum;
  };

  /** Whether the last `reduce` outlined runs of its list. */
  let outlinedHere = false;
  const nodeSize = (node: Node): number => {
    let size = 0;
    let i = node.start;
    for (const body of node.bodies) {
      // the lines before this body (the opening line, an `} else {`) and the body itself
      const first = body.length > 0 ? body[0].start : i + 1;
      for (; i < first; i++) size += lineSize(i);
      if (body.length > 0) {
        if (node.guarded) size += body.reduce((n, b) => n + plainSize(b), 0);
        else {
          size += reduce(body, FLAT.exec(lines[node.start])?.[1] ?? null);
          if (outlinedHere || body.some((b) => b.calls)) node.calls = true;
        }
        i = body[body.length - 1].end;
      }
    }
    for (; i < node.end; i++) size += lineSize(i);
    return size;
  };
  const plainSize = (node: Node): number => {
    let size = 0;
    for (let i = node.start; i < node.end; i++) size += lineSize(i);
    return size;
  };

  // the function's own statements are left to `split` (it cuts between them); their blocks are reduced
  if (fn.top === true) reduce(top, null);
  else for (const node of top) nodeSize(node);
  return made;
}

/** Replaces each `<ret> <value>;` statement of `line` by `replace(value)` (value '' for a bare return). */
function replaceReturns(line: string, ret: string, replace: (value: string) => string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = line.indexOf(ret, i);
    if (at < 0) return out + line.slice(i);
    out += line.slice(i, at);
    let j = at + ret.length;
    let depth = 0;
    let quote = '';
    for (; j < line.length; j++) {
      const c = line[j];
      if (quote !== '') {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === ';' && depth === 0) break;
    }
    out += replace(line.slice(at + ret.length, j).trim());
    i = j + 1;
  }
}

/** Per line: the brace depth at its start, the lowest depth within it, and the depth at its end (strings skipped). */
function braceDepths(lines: readonly string[]): { d0: Int32Array; min: Int32Array; d1: Int32Array } {
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
function parse(lines: readonly string[], depth: { d0: Int32Array; min: Int32Array; d1: Int32Array }): Node[] {
  const { d0, min, d1 } = depth;
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
      barrier: BARRIER.test(lines[i]),
      guarded: /\btry\s*\{/.test(lines[i]),
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

// Outlining: a function body whose JS is too large for the host's optimizing tier and is not cut by `split` (its
// code is one large loop: an interpreter's dispatch loop, a regex matcher, a VM's `exec`) gets runs of statements
// inside its loops and blocks moved into functions of their own, until every block is at most `limit` characters
// (README.md, "Outlining large loops"). It works on the translator's output lines, after translation: a run of
// sibling statements is moved as text, and the variables it shares with the rest of the function go in as
// arguments and come back through `H.O`; branches out of the run and returns come back as an exit code.

import { RUN_WORDS } from './limits.js';
import { type FactsCache, factsAt, factsCache, JUMP, liveness, type Node, parse, runFlow } from './outline-flow.js';

/** What the outliner needs to know of the function it works on. */
export interface OutlineFunction {
  /** Characters of JS above which a body (or piece) gets statements outlined (`OUTLINE_FACTOR` times `splitChars`). */
  readonly limit: number;
  /**
   * Characters of JS each block's statements, and so each outlined function, are brought down to once a body is over
   * `limit` (the function's `splitChars`): below `limit`, so that an outlined function stays within the optimizing
   * tier's reach in code whose characters make more bytecode than usual (README.md, "Outlining").
   */
  readonly target: number;
  /** The function's variables (parameters and declared variables): the names a run may share with the rest. */
  readonly vars: ReadonlySet<string>;
  /**
   * Variables an outlined function may declare afresh (the function's declared variables, not its parameters): one
   * a run mentions but need not be passed (its value at the call is dead) is declared, the others passed.
   */
  readonly fresh: ReadonlySet<string>;
  /** Variables each outlined function declares afresh (fuel and epoch counters, the exit code `oc`): never passed. */
  readonly own: ReadonlySet<string>;
  /**
   * The epoch poll count (`ec`, one of `own`), passed in to a run that mentions it and not handed back (the call's
   * `reload` sets it to -1 after): a run of a loop's back edges counts on from the caller's count, as the loop did
   * inline. Declared afresh (-1) instead, an outlined loop's first back edge found it spent and left for the
   * caller's poll after every iteration (simd-f32's loops of their own). Undefined without epochs.
   */
  readonly countdown?: string;
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
  /**
   * Characters of JS above which each loop that has a sibling loop (another loop in the same loop body, or at the
   * function's top level, not nested in it) becomes a function of its own, whatever the limit (README.md, "Loops of
   * their own"): V8 compiles a function with OSR at the loop running then, with the feedback gathered so far, and
   * deopts where the compiled code reaches a later loop that had not run; one function per loop compiles each loop
   * once, with its own feedback. Undefined: no such outlining.
   */
  readonly loops?: number;
  /**
   * Whether a variable always holds an int32 (read back from `H.O` as one, `| 0`: V8's optimizing tier types an
   * array element as nothing, and a sum of it runs in float64).
   */
  readonly int32?: (v: string) => boolean;
  /**
   * Whether a variable always holds an f32 or f64 value (a number, or a NaN kept as its bits: environ's `NaNBits`).
   * Such a variable assigned by a run comes back through a Float64Array (`floats`) rather than `H.O`, where each
   * double was a heap number.
   */
  readonly float?: (v: string) => boolean;
  /**
   * The name of a Float64Array of at least `n` elements, one per instance (for the floats a run hands back; see
   * `float`).
   */
  readonly floats?: (n: number) => string;
}

/** An outlined run: a function with these parameters whose body is these lines (the `return` marker included). */
export interface Outlined {
  readonly name: string;
  readonly params: string[];
  readonly lines: string[];
  /**
   * The names its lines mention that may be the function's variables (what the facts of the run's lines name, and
   * the exit code and, in a flat region, `st`, which the lines around them name): its caller declares those of its
   * variables the lines mention without reading the lines again.
   */
  readonly mentions: ReadonlySet<string>;
}

/** The variable holding an outlined call's exit code, declared in every function that makes one. */
export const EXIT_CODE = 'oc';
/** Runs shorter than this many characters are not outlined (nor runs shorter than the limit, when it is smaller). */
const MIN_RUN = 1000;
/** Runs shorter than this are never outlined. */
const SMALL_RUN = 200;
/** Runs that branch to more places than this are outlined last (see `reduce`). */
const FEW_EXITS = 16;
/** A `switch` with at least this many cases is a dispatch (a `br_table`; see `dispatching`). */
const DISPATCH_CASES = 16;
/** The first line of a switch that is a translated `br_table` (not a flat region's, an exit code's or a handler's). */
const TABLE_SWITCH = /^\s*(?:[A-Z][A-Z0-9]*:\s*)?switch \((?!st\)|oc\)|hs\))/;
/** The first line of a flat region (translate.ts): its label. */
const FLAT = /^\s*(S\d+): for \(;;\) switch \(st\) \{\s*$/;
/** The case labels a line of a flat region starts with. */
const CASE_LABELS = /^\s*(?:case \d+:\s*)+/;
/** The label of an outlined flat run's own dispatch loop. */
const FLAT_LABEL = 'SQ';
/** The label of the block around an outlined run (an exit leaves it with its code in `oc`). */
const EXIT_LABEL = 'ZO';

/**
 * Outlines runs of statements of `lines` (changed in place: a run's first line becomes the call, its other lines
 * `dropped`, so line numbers stay valid) until each block of the function's own top-level statements is at most
 * `fn.target` characters (when the whole is over `fn.limit`), where runs can be found. Returns the outlined functions, in the order made (a later one
 * may call an earlier one).
 */
export function outline(lines: string[], fn: OutlineFunction): Outlined[] {
  const total = lines.reduce((n, l) => n + fn.length(l) + 1, 0);
  const byLoops = fn.loops !== undefined && total > fn.loops;
  if (total <= fn.limit && !byLoops) return [];
  const target = fn.target;
  const lineSize = (i: number) => (lines[i] === fn.dropped ? 0 : fn.length(lines[i]) + 1);
  const top = parse(lines);
  // what is live after each statement of a list long enough to be reduced (by its lines' sizes, as `reduce` sees it)
  const sizeBefore = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) sizeBefore[i + 1] = sizeBefore[i] + lineSize(i);
  const trackedVars = new Set<string>();
  for (const v of fn.vars) if (!fn.own.has(v)) trackedVars.add(v);
  const tracked = (v: string) => trackedVars.has(v);
  // each line's facts, read once (src/outline-flow.ts): the liveness, the runs' flows and `outlineRun` share them
  const facts: FactsCache = factsCache();
  const inWindow = handOverWindows(lines, fn, facts);
  /** Whether a node must stay in the run of the node before it (it begins inside a hand-over window). */
  const glued = (node: Node): boolean => inWindow !== null && inWindow[node.start] === 1;
  const spine = dispatching(lines, top);
  // the loops to outline whole (`fn.loops`), inner ones first
  const loops = byLoops ? siblingLoops(lines, top, spine) : [];
  const loopSet = new Set(loops);
  const live = liveness(
    lines,
    top,
    trackedVars,
    (list) =>
      (list.length > 1 && sizeBefore[list[list.length - 1].end] - sizeBefore[list[0].start] > target) ||
      list.some((node) => spine.has(node) || loopSet.has(node)),
    facts,
  );
  // the first lines of the runs outlined so far (each now the run's call)
  const calls = new Set<number>();
  // the catch parameters anywhere in the function: a run may mention one only if the catch is in the run
  const catchVars = new Set<string>();
  const declared = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === fn.dropped) continue;
    const f = factsAt(lines, i, facts);
    for (let k = 0; k < f.caught.length; k++) catchVars.add(f.caught[k]);
    for (let k = 0; k < f.declares.length; k++) declared.add(f.declares[k]);
  }
  const declaredList = [...declared];
  const catchList = [...catchVars];
  const made: Outlined[] = [];

  /**
   * Outlines the run of nodes `run` (consecutive siblings) if it can be and branches out of it to at most `maxExits`
   * places; the new size of the run.
   */
  const outlineRun = (run: Node[], size: number, maxExits: number, flat: string | null): number => {
    const a = run[0].start;
    const b = run[run.length - 1].end;
    if (inWindow !== null && (inWindow[a] === 1 || inWindow[b] === 1)) return size;
    // in a flat region (`S<k>: for (;;) switch (st)`): the cases of the run, which it dispatches itself
    const cases: string[] = [];
    if (flat !== null)
      for (const node of run)
        if (node.barrier && lines[node.start] !== fn.dropped) {
          // a line of case labels, or the call of a run of cases outlined before (its labels, then the call): a run
          // of such calls is outlined again when the region is still too long, else the region is outlined whole, a
          // function beyond the optimizing tier's reach (esbuild's Go code: regions of 700 cases, 200,000 characters)
          const labels = CASE_LABELS.exec(lines[node.start]);
          if (labels === null || (labels[0].length !== lines[node.start].length && !calls.has(node.start))) return size;
          for (const m of labels[0].matchAll(/case (\d+):/g)) cases.push(m[1]);
        }
    // what the run's lines mention, may assign, bind and define (their facts, read once per line), read before its
    // lines are copied: most runs that stay, stay for what these say
    const defined = new Set<string>(flat === null ? [] : [FLAT_LABEL]);
    const caught = new Set<string>();
    const names = new Set<string>();
    const maybeAssigned = new Set<string>();
    for (let i = a; i < b; i++) {
      if (lines[i] === fn.dropped) continue;
      const f = factsAt(lines, i, facts);
      // an unlabeled jump, or a `return` of the translator's own (a piece's call of the next piece), stays
      if (f.unlabeledAnywhere || f.plainReturn) return size;
      if (f.label !== null) defined.add(f.label);
      // indexed loops: a `for...of` allocates a result per step in the unoptimized tiers this first runs in
      for (let k = 0; k < f.caught.length; k++) caught.add(f.caught[k]);
      for (let k = 0; k < f.names.length; k++) names.add(f.names[k]);
      for (let k = 0; k < f.assigned.length; k++) maybeAssigned.add(f.assigned[k]);
    }
    // a variable the lines declare themselves (a split body's `let nx`, its pieces' results) stays in its scope:
    // a run that declares or mentions one stays
    for (let k = 0; k < declaredList.length; k++) if (names.has(declaredList[k])) return size;
    const mentioned = new Set<string>();
    names.forEach((v) => {
      if (tracked(v)) mentioned.add(v);
    });
    for (let k = 0; k < catchList.length; k++) if (!caught.has(catchList[k]) && names.has(catchList[k])) return size;
    let body: string[] = [];
    for (let i = a; i < b; i++) if (lines[i] !== fn.dropped) body.push(lines[i]);
    if (flat !== null) {
      // a jump to the region's dispatch becomes one to the run's own
      const again = new RegExp(`continue ${flat};`, 'g');
      const jump = `continue ${flat};`;
      body = body.map((l) => (l.includes(jump) ? l.replace(again, `{ fe = 0; continue ${FLAT_LABEL}; }`) : l));
    }
    // the exits: branches to labels outside the run, and returns (with or without a value)
    const exits = new Map<string, number>();
    const exitCode = (key: string) => {
      let c = exits.get(key);
      if (c === undefined) exits.set(key, (c = exits.size + 1));
      return c;
    };
    const leave = (c: number) => `{ ${EXIT_CODE} = ${c}; break ${EXIT_LABEL}; }`;
    const inner = body.map((l) => {
      let s =
        l.includes('break') || l.includes('continue')
          ? l.replace(JUMP, (all, kind: string, label: string) =>
              defined.has(label) ? all : leave(exitCode(`${kind} ${label};`)),
            )
          : l;
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
    // passed in: what the run may read before writing it; handed back: what it writes that is live after it (after
    // its last statement or where it jumps out to), and passed in too unless every exit has written it
    const flow = runFlow(lines, run, calls, tracked, flat !== null, fn.dropped, facts);
    const assigned = new Set<string>();
    maybeAssigned.forEach((v) => {
      if (mentioned.has(v)) assigned.add(v);
    });
    const last = run[run.length - 1];
    const liveOut = (v: string) =>
      live.liveAfter(last, v) ||
      flow.exits.some((e) => live.liveAtJump(e.cont, e.label, v)) ||
      (flat !== null && live.liveAtJump(true, flat, v));
    const back = [...assigned].filter(liveOut);
    const needed = new Set(flow.exposed);
    for (const v of back) if (flow.written === null || !flow.written.has(v)) needed.add(v);
    // a flat run dispatches on `st` itself
    if (flat !== null) needed.add('st');
    // one the outlined function cannot declare (a parameter of the function) is passed whenever mentioned
    const passed = [...mentioned].filter((v) => needed.has(v) || !fn.fresh.has(v));
    if (fn.countdown !== undefined && names.has(fn.countdown)) passed.push(fn.countdown);
    if (flat !== null && !mentioned.has('st')) passed.push('st');
    const name = fn.name();
    // an int32 word comes back through `H.OW` (an Int32Array: a store and a load), a float through a Float64Array
    // (`putFloats`), anything else through `H.O`, where a word outside the small-integer range or a double was a heap
    // number each time; a float's index in `H.O` is kept for the hand-over of a NaN kept as bits
    const word = (v: string, k: number) => k + 1 < RUN_WORDS && fn.int32?.(v) === true;
    const floatBack: string[] = [];
    const inO: number[] = [];
    const isFloat = new Uint8Array(back.length);
    if (fn.float !== undefined && fn.floats !== undefined)
      for (let k = 0; k < back.length; k++)
        if (fn.float(back[k])) {
          isFloat[k] = 1;
          floatBack.push(back[k]);
          inO.push(k + 1);
        }
    const hf = floatBack.length === 0 ? '' : (fn.floats as (n: number) => string)(floatBack.length + 1);
    const restore: string[] = [];
    const handBack: string[] = [];
    for (let k = 0; k < back.length; k++)
      if (isFloat[k] === 0) {
        const v = back[k];
        restore.push(word(v, k) ? `${v} = H.OW[${k + 1}];` : `${v} = H.O[${k + 1}]${fn.int32?.(v) ? ' | 0' : ''};`);
        handBack.push(word(v, k) ? `H.OW[${k + 1}] = ${v};` : `H.O[${k + 1}] = ${v};`);
      }
    if (floatBack.length > 0) {
      restore.push(takeFloats(hf, floatBack, inO, false));
      handBack.push(putFloats(hf, floatBack, inO));
    }
    // the floats passed in go the same way (an argument that is a double is a heap number at a call V8 does not
    // inline), written before the call and read first thing in the run, `H.O` from index 1 behind the flag
    const floatIn = fn.float === undefined || fn.floats === undefined ? [] : passed.filter(fn.float);
    const hfIn = floatIn.length === 0 ? '' : (fn.floats as (n: number) => string)(floatIn.length + 1);
    const nIn = floatIn.length;
    const inAt = floatIn.map((_, f) => f + 1);
    const putIn = nIn === 0 ? '' : putFloats(hfIn, floatIn, inAt);
    const takeIn = nIn === 0 ? [] : [`  ${takeFloats(hfIn, floatIn, inAt, true)}`];
    const args = nIn === 0 ? passed : passed.filter((v) => !fn.float?.(v));
    const dispatch =
      exits.size === 0 ? '' : ` switch (${EXIT_CODE}) { ${[...exits].map(([s, c]) => `case ${c}: ${s}`).join(' ')} }`;
    const call = `${name}(${args.join(', ')});`;
    const stub = [
      cases.map((c) => `case ${c}:`).join(' '),
      fn.handOver,
      putIn,
      exits.size === 0 ? call : `${EXIT_CODE} = ${call}`,
      fn.reload,
      restore.join(' '),
      dispatch.trim(),
    ]
      .filter((s) => s !== '')
      .join(' ');
    if (stub.length >= size) return size;
    // the run's lines without their common indentation
    let cut = Number.POSITIVE_INFINITY;
    for (let k = 0; k < inner.length; k++) {
      const l = inner[k];
      let j = 0;
      while (j < l.length && j < cut && l.charCodeAt(j) === 32) j++;
      cut = j;
    }
    const code = inner.map((l) => `    ${l.slice(cut)}`);
    // the names the lines mention: the run's, and those of the lines around them (the exit code, `st`)
    names.add(EXIT_CODE);
    if (flat !== null) names.add('st');
    made.push({
      name,
      params: args,
      mentions: names,
      lines: [
        ...takeIn,
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
        ...(back.length > 0 ? [`  ${handBack.join(' ')}`] : []),
        `  ${fn.ret} ${EXIT_CODE};`,
      ],
    });
    const indent = /^\s*/.exec(lines[a])?.[0] ?? '';
    lines[a] = `${indent}${stub}`;
    calls.add(a);
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
    if (sum <= target) return sum;
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
        if ((size + sizes[i] > target || node.calls || run[run.length - 1]?.calls) && !glued(node)) close();
      } else if (node.barrier && size + sizes[i] > target / 2) {
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
        if (sum <= target || c.size < Math.min(least, target)) break;
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
        else if (spine.has(node)) size += collect(body, FLAT.exec(lines[node.start])?.[1] ?? null);
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

  // A dispatch (an interpreter's loop around a `br_table`, the blocks whose ends are its cases) stays where it is:
  // the statements around a dispatching `switch` are never outlined whole (each dispatch would call a function with
  // every variable any case uses, and return as many), and the runs between them, the case bodies, are outlined
  // instead, each with the variables it uses: the largest first, across every level of the dispatch, until the
  // statement holding it fits (`fit`).
  /** Runs of the statement lists around dispatches, found by `collect`, not yet outlined. */
  let candidates: { run: Node[]; size: number; flat: string | null }[] = [];
  /** The size of a statement list around a dispatch, its runs (case bodies) noted as candidates. */
  const collect = (list: Node[], flat: string | null): number => {
    const sizes = list.map((node) => nodeSize(node));
    let run: Node[] = [];
    let size = 0;
    const close = () => {
      if (run.length > 0 && (flat === null || run[0].barrier)) candidates.push({ run, size, flat });
      run = [];
      size = 0;
    };
    list.forEach((node, i) => {
      if (spine.has(node)) return close();
      if (flat === null) {
        if (node.barrier) return close();
        if (size + sizes[i] > target && !glued(node)) close();
      } else if (node.barrier && (size >= MIN_RUN || run.length === 0 || !run[0].barrier)) {
        // in a flat region a run starts at a case: each case's statements, with the next case's while shorter
        // than a call is worth (statements after a dispatch, before the next case, are no run's)
        close();
      }
      run.push(node);
      size += sizes[i];
    });
    close();
    return sizes.reduce((n, s) => n + s, 0);
  };
  /** Outlines the candidates, the largest first, until `size` (of the statement holding them) is at most the target. */
  const fit = (size: number): number => {
    const cs = candidates.sort((x, y) => y.size - x.size || x.run[0].start - y.run[0].start);
    candidates = [];
    for (const [maxExits, least] of [
      [FEW_EXITS, MIN_RUN],
      [Number.POSITIVE_INFINITY, MIN_RUN],
      [Number.POSITIVE_INFINITY, SMALL_RUN],
    ] as const)
      for (const c of cs) {
        if (size <= target || c.size < Math.min(least, target)) break;
        if (c.run.length === 0) continue;
        const after = outlineRun(c.run, c.size, maxExits, c.flat);
        if (after !== c.size) c.run = [];
        size -= c.size - after;
      }
    return size;
  };
  const plainSize = (node: Node): number => {
    let size = 0;
    for (let i = node.start; i < node.end; i++) size += lineSize(i);
    return size;
  };

  // each loop with a sibling loop into a function of its own (`fn.loops`), inner loops first, so an outer loop's
  // function calls its inner loops' functions; the outlined loop is then a plain statement (its call)
  for (const node of loops) {
    const size = plainSize(node);
    if (size < MIN_RUN) continue;
    if (outlineRun([node], size, FEW_EXITS, null) === size) continue;
    node.bodies = [];
    node.calls = true;
  }
  if (made.length > 0 && lines.reduce((n, l) => n + (l === fn.dropped ? 0 : fn.length(l) + 1), 0) <= fn.limit)
    return made;
  // the function's own statements are left to `split` (it cuts between them); their blocks are reduced
  // where the case bodies' calls alone are still over the target (many cases, the limit small), the dispatch's own
  // statements are outlined too, as without it (a call per level of the dispatch)
  const fallBack = (nodes: Node[]) => {
    const drop = (node: Node) => {
      if (!spine.delete(node)) return;
      for (const body of node.bodies) for (const child of body) drop(child);
    };
    for (const node of nodes) drop(node);
  };
  if (fn.top === true) {
    if (!top.some((node) => spine.has(node))) reduce(top, null);
    else if (fit(collect(top, null)) > target) {
      fallBack(top);
      reduce(top, null);
    }
  } else
    for (const node of top) {
      const size = nodeSize(node);
      if (!spine.has(node) || fit(size) <= target) continue;
      fallBack([node]);
      nodeSize(node);
    }
  return made;
}

/** The first line of a translated `loop` (translate.ts: a labeled `for (;;)`; not a flat region's). */
const LOOP = /^\s*L\d+: for \(;;\) \{\s*$/;

/**
 * The loops that share a loop body, or the function's top level, with another loop (found through blocks and ifs,
 * not inside `try`, a `switch` or a dispatch): inner loops before the loops holding them.
 */
function siblingLoops(lines: readonly string[], top: Node[], spine: ReadonlySet<Node>): Node[] {
  const out: Node[] = [];
  const scope = (list: Node[]) => {
    const found: Node[] = [];
    const walk = (nodes: Node[]) => {
      for (const node of nodes) {
        if (node.guarded || spine.has(node) || node.bodies.length === 0) continue;
        if (LOOP.test(lines[node.start])) {
          scope(node.bodies[0]);
          found.push(node);
        } else if (!lines[node.start].includes('switch')) for (const body of node.bodies) walk(body);
      }
    };
    walk(list);
    if (found.length >= 2) out.push(...found);
  };
  scope(top);
  return out;
}

/**
 * The statements that hold a dispatch: each `switch` of at least `DISPATCH_CASES` cases that is a translated
 * `br_table`, and every statement around one.
 */
function dispatching(lines: readonly string[], top: Node[]): Set<Node> {
  const spine = new Set<Node>();
  const visit = (node: Node): boolean => {
    let holds = false;
    for (const body of node.bodies) for (const child of body) if (visit(child)) holds = true;
    if (
      !holds &&
      node.bodies.length === 1 &&
      TABLE_SWITCH.test(lines[node.start]) &&
      node.bodies[0].reduce((n, child) => n + (child.barrier ? 1 : 0), 0) >= DISPATCH_CASES
    )
      holds = true;
    if (holds) spine.add(node);
    return holds;
  };
  for (const node of top) visit(node);
  return spine;
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

/**
 * The hand-over windows of a function with fuel: from a line that ends by handing the counter over (`fn.handOver`:
 * the consumed fuel stored, `fu` back to 0, before a call, a hook or a throw) to the line that reloads `fq` after
 * the call (or ends control: a throw). Inside one, `fq - fu` is not the fuel left: an outlined run that began or ended
 * there would store it at its entry or exit and lose the fuel counted before the hand-over. `inWindow[i]` is 1 where
 * the point before line i is inside a window (`inWindow[lines.length]`: after the last line); null without fuel.
 */
function handOverWindows(lines: readonly string[], fn: OutlineFunction, facts: FactsCache): Uint8Array | null {
  if (fn.handOver === '') return null;
  // the reload's first statement, `fq = <fuel window>[0];`
  const reload = fn.reload.slice(0, fn.reload.indexOf(';') + 1);
  const inWindow = new Uint8Array(lines.length + 1);
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    inWindow[i] = open;
    const l = lines[i];
    if (l === fn.dropped) continue;
    if (l.endsWith(fn.handOver)) open = 1;
    else if (open === 1 && (l.includes(reload) || factsAt(lines, i, facts).ends)) open = 0;
  }
  inWindow[lines.length] = open;
  return inWindow;
}

/**
 * Statements handing the float variables `vars` over through the Float64Array `hf` (one per instance and length: the
 * flag after them is at their count, and a hand-over of another count could leave a value there): each stored, and
 * when their sum is a NaN (one of them is a NaN, a NaN kept as bits, environ's `NaNBits`, included: the array would
 * turn that object into a NaN number; or infinities of both signs) the flag set and each left in `H.O` at `at` too.
 */
function putFloats(hf: string, vars: readonly string[], at: readonly number[]): string {
  const stores = vars.map((v, f) => `${hf}[${f}] = ${v};`).join(' ');
  const sum = vars.map((_, f) => `${hf}[${f}]`).join(' + ');
  const slow = vars.map((v, f) => `H.O[${at[f]}] = ${v}`).join(', ');
  return `${stores} if (!(${sum} <= Infinity)) ${hf}[${vars.length}] = 1, ${slow};`;
}

/** What reads back what `putFloats` handed over (`var` declaring the variables, in the run taking them). */
function takeFloats(hf: string, vars: readonly string[], at: readonly number[], declare: boolean): string {
  const loads = vars.map((v, f) => `${v} = ${hf}[${f}]`);
  const fast = declare ? `var ${loads.join(', ')};` : loads.map((l) => `${l};`).join(' ');
  const slow = vars.map((v, f) => `${v} = H.O[${at[f]}]`).join(', ');
  return `${fast} if (${hf}[${vars.length}] !== 0) ${hf}[${vars.length}] = 0, ${slow};`;
}

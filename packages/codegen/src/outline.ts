// Outlining of large statements into nested functions (README.md, "Outlining"): a function body (or a piece of a
// split one) still longer than `splitChars` after splitting, typically one large loop that has no cut point, gets
// its largest closed statements moved into closures declared inside it, so that no JS function is longer than V8's
// optimizing tier accepts. Works on the emitted lines: a statement is a run of lines from one that opens a brace to
// the one that brings the depth back; it is closed when it has no `return` and no `break`/`continue` to a label
// outside it, so as the body of a nested function it means the same thing.

/**
 * A closure shorter than this (or a twentieth of the limit, when tests set it small) is not worth its call:
 * statements under it stay where they are.
 */
export const MIN_OUTLINE_CHARS = 2_000;

/**
 * Variables that generated code always writes before it reads them within one statement line (address, store and
 * lane temporaries): an outlined closure declares its own.
 */
const SCRATCH = new Set(['ma', 'sa', 'sv', 'qv', 'vt', 'vz', 'vx', 'vy', 'w0', 'w1', 'w2', 'w3', 'qm', 'qn', 'qp']);

/** Stack-slot variables: `s3`, `s3h`, `s3b`. */
const SLOT = /^s\d+(?:[hbcd])?$/;

/**
 * The variables of a generated function (locals, slots, temporaries, counters, and the exception bound by a
 * handler's `catch (eL3)`, which a closure declared at the top of the function cannot see), never the factory's.
 */
const LOCAL = /^(?:[ls]\d+\w*|ma|sa|sv|qv|vt|vz|vx|vy|w[0-3]|q[a-dmnpz]|r\d+|e[LS]\d+|fu|fq|edl|epv|ec|st|hs|dlg)$/;

/** Net brace depth change of a line of generated JS and the lowest depth it reaches (strings and comments skipped). */
function braces(line: string): [net: number, min: number] {
  let d = 0;
  let min = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 123 /* { */) d++;
    else if (c === 125 /* } */) {
      d--;
      if (d < min) min = d;
    } else if (c === 39 || c === 34 || c === 96 /* ' " ` */) {
      for (i++; i < line.length && line.charCodeAt(i) !== c; i++) if (line.charCodeAt(i) === 92) i++;
    } else if (c === 47 /* / */ && line.charCodeAt(i + 1) === 47) break;
    else if (c === 47 && line.charCodeAt(i + 1) === 42 /* * */) {
      const end = line.indexOf('*/', i + 2);
      i = end < 0 ? line.length : end + 1;
    }
  }
  return [d, min];
}

const IDENT = /[A-Za-z_$][\w$]*/g;
const CATCH = /\bcatch \((e[LS]\d+)\)/g;
const LABEL_DEF = /(?:^|[\s;{}])([A-Za-z_$][\w$]*): /g;
const JUMP = /\b(break|continue)\b(?:\s+([A-Za-z_$][\w$]*))?/g;
const ASSIGN = /(?:\+\+|--)\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*(?:\+\+|--|(?:>>>|<<|>>|[-+*/%&|^])?=(?!=))/g;

/**
 * The jumps out of lines `from`..`to` (inclusive), each `break L` or `continue L` to a label they do not define, if
 * those lines can be the body of a nested function (no return, no unlabeled jump); else null.
 */
function exits(lines: readonly string[], from: number, to: number): string[] | null {
  const defined = new Set<string>();
  const jumps = new Set<string>();
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    if (l.includes('\u0002') || /\breturn\b/.test(l) || /\b(?:arguments|this)\b/.test(l)) return null;
    for (const m of l.matchAll(LABEL_DEF)) if (m[1] !== 'default') defined.add(m[1]);
    for (const m of l.matchAll(JUMP)) {
      // an unlabeled break or continue could leave the statement
      if (m[2] === undefined) return null;
      jumps.add(`${m[1]} ${m[2]}`);
    }
  }
  return [...jumps].filter((j) => !defined.has(j.slice(j.indexOf(' ') + 1)));
}

/**
 * Outlines statements of `lines` (a function body's statements, each element one or more complete lines) into
 * closures named `<name>$o<k>` declared at the top, largest first, until the body is at most `limit` characters or no
 * statement of `MIN_OUTLINE_CHARS` to `limit` characters is left. Each closure takes as parameters the variables it
 * reads and never assigns, declares the scratch temporaries and the stack slots that nothing outside it mentions,
 * and shares the others with the body. `next` numbers the closures (shared by the pieces of one body); `live` are
 * variables set before the lines run (a piece's parameters); `length` measures a line (without the position markers
 * of `CompileOptions` source positions, so that the choice is the same with and without them).
 */
export function outline(
  lines: readonly string[],
  name: string,
  limit: number,
  next: { k: number },
  live: readonly string[] = [],
  length: (line: string) => number = (line) => line.length,
): string[] {
  const sizes = lines.map((l) => length(l) + 1);
  let total = 0;
  for (const s of sizes) total += s;
  if (total <= limit) return [...lines];
  // the statements: [from, to, chars]
  const stmts: [number, number, number][] = [];
  const open: [number, number][] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const [net, min] = braces(lines[i]);
    // statements that this line leaves by going below their depth are not statements (`} else {` closes an arm)
    while (open.length > 0 && depth + min < open[open.length - 1][1]) open.pop();
    if (net > 0 && min >= 0) open.push([i, depth]);
    depth += net;
    while (open.length > 0 && open[open.length - 1][1] === depth) {
      const [from] = open.pop() as [number, number];
      let chars = 0;
      for (let k = from; k <= i; k++) chars += sizes[k];
      stmts.push([from, i, chars]);
    }
    while (open.length > 0 && open[open.length - 1][1] > depth) open.pop();
  }
  stmts.sort((a, b) => b[2] - a[2]);
  const min = Math.min(MIN_OUTLINE_CHARS, limit / 20);
  const chosen: [number, number, string[]][] = [];
  for (const [from, to, chars] of stmts) {
    if (total <= limit) break;
    if (chars > limit || chars < min) continue;
    if (chosen.some(([f, t]) => from <= t && f <= to)) continue;
    const out = exits(lines, from, to);
    if (out === null) continue;
    chosen.push([from, to, out]);
    total -= chars;
  }
  if (chosen.length === 0) return [...lines];
  chosen.sort((a, b) => a[0] - b[0]);
  // where each variable occurs: inside which chosen statement (index), or outside all (-1)
  const outside = new Set<string>(live);
  const inside = chosen.map(() => new Set<string>());
  const assigned = chosen.map(() => new Set<string>());
  const bound = chosen.map(() => new Set<string>());
  let c = 0;
  for (let i = 0; i < lines.length; i++) {
    while (c < chosen.length && chosen[c][1] < i) c++;
    const within = c < chosen.length && chosen[c][0] <= i ? c : -1;
    for (const m of lines[i].matchAll(IDENT)) (within < 0 ? outside : inside[within]).add(m[0]);
    if (within >= 0) for (const m of lines[i].matchAll(ASSIGN)) assigned[within].add((m[1] ?? m[2]) as string);
    // a handler's exception bound inside the statement is its own (it is not a variable at the call site)
    if (within >= 0) for (const m of lines[i].matchAll(CATCH)) bound[within].add(m[1]);
  }
  const decls: string[] = [];
  const body: string[] = [];
  let at = 0;
  chosen.forEach(([from, to, jumps], k) => {
    const fname = `${name}$o${next.k++}`;
    const params: string[] = [];
    const own: string[] = [];
    for (const v of inside[k]) {
      if (bound[k].has(v)) continue;
      const set = assigned[k].has(v);
      if (SCRATCH.has(v) && set) own.push(v);
      else if (SLOT.test(v) && set && !outside.has(v) && !chosen.some((_, j) => j !== k && inside[j].has(v)))
        own.push(v);
      // read and never assigned here: its value at the call
      else if (!set && LOCAL.test(v)) params.push(v);
    }
    for (let i = at; i < from; i++) body.push(lines[i]);
    const indent = /^\s*/.exec(lines[from])?.[0] ?? '';
    const call = `${fname}(${params.join(', ')})`;
    // a jump out of the statement returns its number (from 1), and the call site jumps
    body.push(
      jumps.length === 0
        ? `${indent}${call};`
        : `${indent}switch (${call}) { ${jumps.map((j, n) => `case ${n + 1}: ${j};`).join(' ')} }`,
    );
    decls.push(`  function ${fname}(${params.join(', ')}) {`);
    if (own.length > 0) decls.push(`    let ${own.join(', ')};`);
    const out = new Map(jumps.map((j, n) => [j, `return ${n + 1}`]));
    for (let i = from; i <= to; i++)
      decls.push(
        out.size === 0 ? lines[i] : lines[i].replace(JUMP, (j, kind, label) => out.get(`${kind} ${label}`) ?? j),
      );
    decls.push('  }');
    at = to + 1;
  });
  for (let i = at; i < lines.length; i++) body.push(lines[i]);
  return [...decls, ...body];
}

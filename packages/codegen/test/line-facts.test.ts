// The outliner's one reading of a generated line (src/outline-flow.ts, `lineFacts`): a single pass over its
// characters. The regular expressions below are the definitions it replaced (the liveness's and the outliner's
// own scanners, which read each line again per pass and per run); on every line of the disassembly snapshots and
// on lines written to probe the edges, the pass must find exactly what they find.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LineFacts, lineFacts } from '../src/outline-flow.js';

const SIMPLE_SET = /^\s*([A-Za-z_$][\w$]*)\s*=(?!=)([^{}]*)$/s;
const ENDING = /^\s*(?:(?:break|continue)\s+[A-Za-z_$][\w$]*|return\b.*|\u0002return\b.*|throw\b.*)$/s;
const RETURN = /\breturn\b/;
const JUMP = /\b(break|continue)\s+([A-Za-z_$][\w$]*)\s*;/g;
const UNLABELED = /\b(?:break|continue)\s*;/;
const ASSIGN =
  /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:[-+*/%&|^]|<<|>>>?|\*\*)?=(?!=)|(?:\+\+|--)\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g;
const CATCH = /\bcatch\s*\(\s*([A-Za-z_$][\w$]*)\s*\)/g;
const DECLARE = /\b(?:let|const|var)\s+([A-Za-z_$][\w$]*)/g;
const LABEL_DEF = /^\s*([A-Z][A-Z0-9]*)\s*:(?!:)/;
const PLAIN_RETURN = /(?<![\w$\u0002])return\b/;

/** Top-level statements: split at `;` outside brackets and strings, and after a block's closing brace. */
function statements(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let j = 0; j < line.length; j++) {
    const c = line[j];
    if (quote !== '') {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0 && c === '}') {
        out.push(line.slice(from, j + 1));
        from = j + 1;
      }
    } else if (c === ';' && depth === 0) {
      out.push(line.slice(from, j));
      from = j + 1;
    }
  }
  if (line.slice(from).trim() !== '') out.push(line.slice(from));
  return out.filter((s) => s.trim() !== '');
}

/**
 * Identifiers that may name variables: not after `.` (a spread's `...` excepted), not in strings or numbers. A
 * template literal is a string to `lineFacts` too: the generated code's only one is the fuel check's slow path,
 * `${fr<k>}`, whose `fr<k>` is hoisted per instance, never a function's variable.
 */
function names(text: string): string[] {
  const out: string[] = [];
  const ident = /[A-Za-z_$][\w$]*|[0-9][\w$.]*|"(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?|`(?:\\.|[^`\\])*`?/g;
  for (const m of text.matchAll(ident)) {
    const j = m.index;
    if (!/^[A-Za-z_$]/.test(m[0])) continue;
    if (j === 0 || text[j - 1] !== '.' || (j >= 3 && text.startsWith('...', j - 3))) out.push(m[0]);
  }
  return out;
}

function regexFacts(text: string) {
  const line = text.replace(/\/\*.*?\*\//g, '');
  const stmts = statements(line);
  const sets: { name: string; reads: string[] }[] = [];
  let k = 0;
  for (; k < stmts.length; k++) {
    const m = SIMPLE_SET.exec(stmts[k]);
    if (m === null || m[1] === 'case' || m[1] === 'default') break;
    sets.push({ name: m[1], reads: names(m[2]) });
  }
  const rest = stmts
    .slice(k)
    .map((t) => `${t};`)
    .join(' ');
  const all: string[] = [];
  for (const s of sets) all.push(s.name, ...s.reads);
  all.push(...names(rest));
  return {
    sets,
    rest: names(rest),
    jumps: [...rest.matchAll(JUMP)].map((m) => ({ cont: m[1] === 'continue', label: m[2] })),
    unlabeled: UNLABELED.test(rest),
    ends: stmts.length > 0 && ENDING.test(stmts[stmts.length - 1]),
    returns: RETURN.test(rest),
    names: all,
    assigned: [...line.matchAll(ASSIGN)].map((m) => m[1] ?? m[2] ?? m[3]),
    caught: [...line.matchAll(CATCH)].map((m) => m[1]),
    declares: [...line.matchAll(DECLARE)].map((m) => m[1]),
    label: LABEL_DEF.exec(line)?.[1] ?? null,
    unlabeledAnywhere: UNLABELED.test(line),
    plainReturn: PLAIN_RETURN.test(line),
  };
}

const EDGES = [
  's0 = l3 + l4; l5 = (s0 >>> 0) * 2; H.f(s0);',
  '  L3: for (;;) {',
  '  S12: for (;;) switch (st) {',
  'A: { B: {',
  'case 4: case 5: s1 = 2; break L3;',
  'default: break;',
  'if (s0 === 0) { break L7; } s1 = 2; continue L2;',
  'if (s0 !== 0) { l1 = 3; } else { l2 = 4; }',
  '} else {',
  '} catch (eL3) {',
  'try { l1 = f(l2); } catch (e) { l3 = e; }',
  '\u0002return s0;',
  '\u0002return;',
  'return H.O[0];',
  'throw H.trap(3);',
  'let nx = f$s1(l0, l1h, l2);',
  'var a, b = 0, c;',
  'for (let i = 0; i < 3; i++) l2 += i;',
  'l1 += 2; l2 -= l1; l3 *= 3; l4 /= 2; l5 %= 7; l6 &= 1; l7 |= 2; l8 ^= 3; l9 <<= 1; la >>= 2; lb >>>= 3; lc **= 2;',
  'l1 = l2 >= l3; l4 = l5 <= l6; l7 = l8 != l9; la = lb == lc; ld = le === lf;',
  '++l1; l2--; --l3; l4++; H.x++; s0 = l5 - -l6; s1 = l7 + +l8;',
  "sa = (l3>>>0)+16; sv = l0; if (typeof sv === 'number') D0.setFloat64(sa,sv,1); else H.storeF64(D0, sa, sv);",
  // strings the translator writes are type descriptors and `typeof` names (inside a string the pass sees no names,
  // where the expressions did)
  's0 = (r0.fn.$p || H.pa(r0.fn, \'iiijii:\'))(l10, l11); s1 = typeof sv === "number";',
  's0 = 0x1f + 1e3 + 5n + 1.5 + l9;',
  's0 = /*@123*/l1 + /*F4*/l2;',
  's0 = f(...l1, x.l2);',
  'oc = f3$o2(l0, l1); l1 = H.O[1]; switch (oc) { case 1: break L3; case 2: \u0002return H.O[0]; }',
  '{ fe = 0; continue SQ; }',
  'break L3 ;',
  'continue',
  's0 = a ? b : c; s1 = (x, y) => x;',
  '  ',
  '',
  '}',
  '};',
  'Lx: s0 = 1;',
  'AB : s0 = 1;',
  'A::b',
];

/** The facts with their leading assignments and the rest's names as lists of their own (as the expressions find them). */
function view(f: LineFacts) {
  const { setEnds, restFrom, ...others } = f;
  const sets = setEnds.map((end, k) => {
    const from = k === 0 ? 0 : setEnds[k - 1];
    return { name: f.names[from], reads: f.names.slice(from + 1, end) };
  });
  return { ...others, sets, rest: f.names.slice(restFrom) };
}

function corpus(): string[] {
  const dir = new URL('./disas/', import.meta.url);
  const lines = [...EDGES];
  for (const f of readdirSync(dir))
    if (f.endsWith('.js')) lines.push(...readFileSync(new URL(f, dir), 'utf8').split('\n'));
  return lines;
}

describe('lineFacts', () => {
  it('finds what the regular expressions it replaced find, on every line of the disassembly snapshots', () => {
    const lines = corpus();
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect({ line, ...view(lineFacts(line)) }).toEqual({ line, ...regexFacts(line) });
  });
});

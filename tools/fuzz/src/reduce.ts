// Minimising a module that differs (`pnpm fuzz --reduce FILE.wat`): greedy reduction of its text. Each step
// tries, on every parenthesised form from the largest down, to delete it, to replace it by one of its own
// forms, or by a constant of each value type; a candidate is kept when it still assembles, validates and
// shows the same first difference (the comparison and call name before the first colon-separated detail).
// Crude but generic: it needs no knowledge of the generator, so it reduces binaryen's modules (as text from
// `wasm-dis`) as well as ours.
import { parseWat } from '@wasmts/wat';
import { compare } from './diff.js';

/** A parenthesised form's span in the text, with its nested forms. */
interface Form {
  readonly start: number;
  readonly end: number;
  readonly children: Form[];
}

function forms(text: string): Form[] {
  const stack: { start: number; children: Form[] }[] = [{ start: -1, children: [] }];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === ';' && text[i + 1] === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') stack.push({ start: i, children: [] });
    else if (c === ')' && stack.length > 1) {
      const f = stack.pop()!;
      stack[stack.length - 1].children.push({ start: f.start, end: i + 1, children: f.children });
    }
    i++;
  }
  return stack[0].children;
}

function all(fs: readonly Form[], out: Form[] = []): Form[] {
  for (const f of fs) {
    out.push(f);
    all(f.children, out);
  }
  return out;
}

const CONSTANTS = [
  '(i32.const 0)',
  '(i64.const 0)',
  '(f32.const 0)',
  '(f64.const 0)',
  '(i32.const 1)',
  '(v128.const i64x2 0 0)',
  'nop',
];

/** The key of a verdict's first difference: what was compared and which call, not the values. */
export function differenceKey(differences: readonly string[]): string | null {
  if (differences.length === 0) return null;
  const first = differences[0];
  const m = /^([^:]*:[^:]*:\s*\S+)/.exec(first);
  return m === null ? first : m[1];
}

/** The differences of a module text, or null when it does not assemble or validate. */
function differencesOf(text: string): readonly string[] | null {
  let bytes: Uint8Array;
  try {
    bytes = parseWat(text);
  } catch {
    return null;
  }
  const v = compare(bytes);
  if ('unavailable' in v.js) return null;
  return v.differences;
}

/** Reduces `text` while it keeps the first difference it has now; returns the smallest text found. */
export function reduce(text: string, log: (m: string) => void = () => {}): string {
  const start = differencesOf(text);
  const key = start === null ? null : differenceKey(start);
  if (key === null) throw new Error('the module shows no difference');
  log(`reducing ${text.length} characters, keeping: ${key}`);
  const keeps = (candidate: string) => {
    const d = differencesOf(candidate);
    return d !== null && differenceKey(d) === key;
  };
  let current = text;
  for (let changed = true; changed; ) {
    changed = false;
    // the module's own form is not a candidate: only forms inside it
    const candidates = all(forms(current)[0]?.children ?? []).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const f of candidates) {
      const before = current.slice(0, f.start);
      const after = current.slice(f.end);
      const own = f.children.map((c) => current.slice(c.start, c.end));
      const replacements = ['', ...own, ...CONSTANTS];
      const hit = replacements.find((r) => r.length < f.end - f.start && keeps(before + r + after));
      if (hit !== undefined) {
        current = before + hit + after;
        changed = true;
        log(`  ${current.length} characters`);
        break;
      }
    }
  }
  return current;
}

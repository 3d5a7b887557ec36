// vscode-oniguruma unmodified under node --jitless with wasmts/polyfill finds the same tokens as on Node's own
// WebAssembly (this process), and as the same scan with JavaScript regular expressions (these patterns mean the
// same in both: the leftmost match wins, then the first pattern).

import { expect, it } from 'vitest';
import { PATTERNS, text } from '../src/packages/oniguruma.js';
import { dropIn, native } from './drop-in.js';

/** The scan of `answer()` with JavaScript regular expressions. */
function withRegExp(): { counts: number[]; first: [number, number, number][] } {
  const res = PATTERNS.map((p) => new RegExp(p, 'g'));
  const counts = PATTERNS.map(() => 0);
  const first: [number, number, number][] = [];
  for (const line of text().split('\n')) {
    let pos = 0;
    while (pos < line.length) {
      let best: [number, number, number] | null = null;
      for (let i = 0; i < res.length; i++) {
        const re = res[i] as RegExp;
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m !== null && (best === null || m.index < best[1])) best = [i, m.index, m.index + m[0].length];
      }
      if (best === null) break;
      const [i, start, end] = best;
      counts[i] = (counts[i] ?? 0) + 1;
      if (first.length < 40) first.push([i, start, end]);
      pos = end > pos ? end : pos + 1;
    }
  }
  return { counts, first };
}

it('vscode-oniguruma gives the native answers under node --jitless with the drop-in', async () => {
  const got = dropIn('oniguruma');
  expect(got).toEqual(await native('oniguruma'));
  expect(got).toEqual(withRegExp());
});

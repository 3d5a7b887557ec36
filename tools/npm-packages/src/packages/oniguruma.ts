// vscode-oniguruma 2.0.1 (the Oniguruma regular-expression engine in C, emscripten; what VS Code and Shiki run
// TextMate grammars on; `loadWASM` instantiates it with WebAssembly.instantiate): an OnigScanner of six patterns
// tokenizing this repository's own TypeScript line by line, as a grammar's tokenizer does.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The patterns: a small JavaScript tokenizer, in Oniguruma syntax. */
export const PATTERNS = [
  '\\b(?:const|let|var|function|return|if|else|for|while|new|class|this|import|export)\\b',
  '[A-Za-z_$][\\w$]*',
  '0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?',
  '"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'',
  '//[^\\n]*|/\\*[\\s\\S]*?\\*/',
  '[{}()\\[\\];,.<>=!+\\-*/%&|^~?:]+',
];

/** The text tokenized: four of this package's drivers, twice (fixed by the repository's commit). */
export function text(): string {
  const files = ['sqljs', 'brotli', 'esbuild', 'tiktoken'];
  return [...files, ...files].map((p) => readFileSync(new URL(`./${p}.ts`, import.meta.url), 'utf8')).join('\n');
}

interface Onig {
  loadWASM(data: ArrayBuffer | Uint8Array): Promise<void>;
  OnigScanner: new (
    patterns: string[],
  ) => {
    findNextMatchSync(s: unknown, start: number): { index: number; captureIndices: { start: number; end: number }[] };
    dispose(): void;
  };
  OnigString: new (s: string) => { dispose(): void };
}

let loaded: Promise<void> | undefined;

/** Per pattern, how many tokens it matched, and the start and end of the first 40 tokens. */
export async function answer(): Promise<unknown> {
  const onig = require('vscode-oniguruma') as Onig;
  loaded ??= onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  await loaded;
  const scanner = new onig.OnigScanner(PATTERNS);
  const counts = PATTERNS.map(() => 0);
  const first: [number, number, number][] = [];
  for (const line of text().split('\n')) {
    const str = new onig.OnigString(line);
    let pos = 0;
    while (pos < line.length) {
      const match = scanner.findNextMatchSync(str, pos);
      if (!match) break;
      const { start, end } = match.captureIndices[0] ?? { start: pos, end: pos };
      counts[match.index] = (counts[match.index] ?? 0) + 1;
      if (first.length < 40) first.push([match.index, start, end]);
      pos = end > pos ? end : pos + 1;
    }
    str.dispose();
  }
  scanner.dispose();
  return { counts, first };
}

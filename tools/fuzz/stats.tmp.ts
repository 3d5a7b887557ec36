import { parseWat } from '@wasmts/wat';
import { compare } from './src/diff.js';
import { FEATURE_SETS, generateText } from './src/structgen.js';
const set = process.argv[2]; const n = Number(process.argv[3] ?? 30);
const kinds: Record<string, number> = {};
for (let seed = 1; seed <= n; seed++) {
  const v = compare(parseWat(generateText(seed, FEATURE_SETS[set])));
  if ('calls' in v.js) for (const c of v.js.calls) { const k = c.outcome === 'trap' ? `trap ${c.trapKind}` : c.outcome.split(' ')[0]; kinds[k] = (kinds[k] ?? 0) + 1; }
  if (v.differences.length) console.log(seed, v.differences);
}
console.log(set, kinds);

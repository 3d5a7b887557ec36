import { Config, Engine, Module } from 'wasmts';
import { generateText, FEATURE_SETS } from './src/structgen.js';
const set = process.argv[2] ?? 'all';
const n = Number(process.argv[3] ?? 50);
const engine = new Engine(new Config({ backend: 'js' }));
let bad = 0; let size = 0;
for (let seed = 1; seed <= n; seed++) {
  const text = generateText(seed, FEATURE_SETS[set]);
  size += text.length;
  try { new Module(engine, text); } catch (e) { bad++; if (bad <= 3) { console.log(seed, (e as Error).message.slice(0, 300)); if (process.argv[4]) console.log(text); } }
}
console.log(set, 'invalid', bad, 'of', n, 'avg chars', Math.round(size / n));

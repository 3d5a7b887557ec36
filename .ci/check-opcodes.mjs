// `pnpm lint` (after biome): every opcode literal written in a `switch` over operators carries its operator's text
// mnemonic, and the mnemonic agrees with environ's operator table (packages/environ/src/operators.ts), so a raw
// `case 0x..:` keeps the speed of a literal (imported constants in a hot switch were 3x slower: tsc does not inline
// them under isolatedModules) and still says what it is.
//
//   case 0x20: // local.get
//   case 0x1a: {
//     // any.convert_extern
//   case 0xfd: // simd prefix          (the prefix bytes: gc, misc, simd, atomic; see PREFIX_NAMES)
//
// The comment's first word is the name; more text may follow it after a space, comma or colon. A case inside a
// prefixed sub-switch (the cases of one switch all name operators of one prefix space) is a sub-opcode: the lint finds
// a switch's space from the names its cases carry. A switch whose `case 0x..` labels are not operators (value type
// bytes, characters) carries a comment line starting with `// not opcodes:` directly above the `switch`.
//
// Opcode comparisons carry the name the same way, as a block comment after the literal (biome may move it after a
// closing parenthesis or semicolon):
//   if (op === 0x06 /* try */ || op === 0x1f /* try_table */)
// The lint checks every `/* name */` written after a hex literal whose name is an operator's, and requires one
// after a literal compared with `op`, `code`, `sub` or `info.code` in the sources.
//
// Usage: node .ci/check-opcodes.mjs [--fix] [files...]   (default: the sources of packages, apps and tools).
// It first checks itself on .ci/fixtures/opcodes-bad.ts.txt (SELF_TEST: each bad line reported, nothing else).
// --fix adds the missing names of `case 0x..:` labels (in the switch's space, space 0 when no case is named yet) and
// of opcode comparisons (space 0); check what it wrote by hand.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { OPERATORS, PREFIX_NAMES } = await tsImport(join(root, 'packages/environ/src/operators.ts'), import.meta.url);

/** name -> [{ prefix, code }] ; prefix bytes are named '<space> prefix' and live in space 0. */
const byName = new Map();
const add = (name, prefix, code) => {
  const list = byName.get(name) ?? [];
  list.push({ prefix, code });
  byName.set(name, list);
};
for (const op of OPERATORS) add(op.name, op.prefix, op.code);
for (const [byte, name] of Object.entries(PREFIX_NAMES)) add(`${name} prefix`, 0, Number(byte));
/** `${prefix}:${code}` -> name (the first row's). */
const byCode = new Map();
for (const [name, list] of byName)
  for (const { prefix, code } of list) {
    const key = `${prefix}:${code}`;
    if (!byCode.has(key)) byCode.set(key, name);
  }
const hex = (n) => `0x${n.toString(16).padStart(2, '0')}`;
const space = (p) => (p === 0 ? 'single-byte' : `${hex(p)}-prefixed`);

const NAME = /^\s*\/\/ ([a-z0-9_.]+(?: prefix)?)(?=$|[\s,:;)])/;
const CASE = /^(\s*)case (0x[0-9a-fA-F]+):(.*)$/;
const SWITCH = /^(\s*)(?:[A-Za-z_$][\w$]*:\s*)?(?:for \(;;\) )?switch \((.*)\) \{\s*$/;
// a hex literal compared with an opcode variable, and its optional /* name */
const COMPARE =
  /\b(op|code|sub|info\.code)\s*(===|!==|<=|>=|<|>)\s*(0x[0-9a-fA-F]{1,3})\b([);]*\s*\/\* ([^*]+?) \*\/)?/g;
const REVERSED = /\b(0x[0-9a-fA-F]{1,3})\s*(===|!==|<=|>=|<|>)\s*(op|code|sub|info\.code)\b/g;
const NAMED_LITERAL = /\b(0x[0-9a-fA-F]{1,3})[);]*\s*\/\* ([a-z0-9_.]+(?: prefix)?) \*\//g;

function sources() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) {
        if (e !== 'node_modules' && e !== 'dist') walk(p);
      } else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const group of ['packages', 'apps', 'tools']) {
    for (const pkg of readdirSync(join(root, group))) {
      const src = join(root, group, pkg, 'src');
      if (existsSync(src)) walk(src);
    }
  }
  return out;
}

/** Checks one file's text; returns { problems, text } with text rewritten when fix is set. */
export function checkText(file, text, fix) {
  const lines = text.split('\n');
  const problems = [];
  const report = (i, msg) => problems.push(`${file}:${i + 1}: ${msg}`);
  // switches: indentation-scoped (the sources are formatted by biome)
  const switches = [];
  const cases = []; // { line, value, name, nameLine, sw, block }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indent = line.length - line.trimStart().length;
    while (switches.length > 0 && switches[switches.length - 1].open) {
      const top = switches[switches.length - 1];
      if (line.trim() !== '' && indent <= top.indent && !/^\s*case |^\s*default:/.test(line)) {
        top.open = false;
        switches.pop();
      } else break;
    }
    const s = SWITCH.exec(line);
    if (s) {
      const above = lines[i - 1] ?? '';
      switches.push({
        indent: s[1].length,
        line: i,
        open: true,
        opcodes: !/^\s*\/\/ not opcodes:/.test(above),
        cases: [],
      });
      continue;
    }
    const c = CASE.exec(line);
    if (c && switches.length > 0) {
      const sw = switches[switches.length - 1];
      if (!sw.opcodes) continue;
      const rest = c[3].trim();
      let name = null;
      let nameLine = i;
      if (rest.startsWith('//')) name = NAME.exec(rest)?.[1] ?? null;
      else if (rest === '{') {
        nameLine = i + 1;
        name = NAME.exec(lines[i + 1] ?? '')?.[1] ?? null;
      } else if (rest !== '') {
        const m = /^\{\s*(\/\/.*)$/.exec(rest) ?? /^(\/\/.*)$/.exec(rest);
        if (m) name = NAME.exec(m[1])?.[1] ?? null;
      }
      const entry = { line: i, value: Number(c[2]), literal: c[2], name, nameLine, rest, indent: c[1] };
      sw.cases.push(entry);
      cases.push({ entry, sw });
    }
  }
  // each switch's prefix space, from its named cases
  const spaces = new Map();
  for (const { sw } of cases) {
    if (spaces.has(sw)) continue;
    const votes = new Map();
    for (const e of sw.cases) {
      if (e.name === null) continue;
      const rows = byName.get(e.name);
      if (!rows) continue;
      const fit = rows.filter((r) => r.code === e.value);
      for (const r of fit) votes.set(r.prefix, (votes.get(r.prefix) ?? 0) + 1);
    }
    let best = 0;
    let most = -1;
    for (const [p, n] of votes) if (n > most) [best, most] = [p, n];
    spaces.set(sw, { prefix: best, named: most > 0 });
  }
  const inserts = []; // [afterLine, text] for block cases
  for (const { entry: e, sw } of cases) {
    const sp = spaces.get(sw);
    const expected = byCode.get(`${sp.prefix}:${e.value}`);
    const where = `case ${e.literal}`;
    const fits = e.name !== null && byName.get(e.name)?.some((r) => r.code === e.value && r.prefix === sp.prefix);
    if (fix && !fits && e.name !== null && expected !== undefined) e.name = null; // a comment, not a name: add one
    if (e.name === null) {
      if (fix && expected !== undefined) {
        if (e.rest === '{') inserts.push([e.line, `${e.indent}  // ${expected}`]);
        else if (e.rest === '') lines[e.line] = `${lines[e.line]} // ${expected}`;
        else if (e.rest.startsWith('//')) lines[e.line] = lines[e.line].replace(/\/\/ ?/, `// ${expected}: `);
        else report(e.line, `${where} has no operator name; expected \`// ${expected}\``);
        continue;
      }
      report(
        e.line,
        expected === undefined
          ? `${where} has no operator name, and the ${space(sp.prefix)} table has no operator ${e.literal}`
          : `${where} has no operator name; expected \`// ${expected}\` (${space(sp.prefix)} operator ${e.literal})`,
      );
      continue;
    }
    const rows = byName.get(e.name);
    if (!rows) {
      report(e.line, `${where}: \`${e.name}\` is not an operator of the table; expected \`${expected ?? '?'}\``);
      continue;
    }
    if (!rows.some((r) => r.code === e.value && r.prefix === sp.prefix)) {
      const actual = rows.map((r) => (r.prefix ? `${hex(r.prefix)} ${r.code}` : hex(r.code))).join(' or ');
      report(
        e.line,
        `${where} is named \`${e.name}\` (${actual}); the ${space(sp.prefix)} operator ${e.literal} is \`${expected ?? 'not in the table'}\``,
      );
    }
  }
  // comparisons and named literals
  for (let i = 0; i < lines.length; i++) {
    const code = lines[i].replace(/\/\/ .*$/, '');
    if (/^\s*(\*|\/\/)/.test(lines[i])) continue;
    for (const m of code.matchAll(NAMED_LITERAL)) {
      const rows = byName.get(m[2]);
      if (!rows) continue; // a comment that is not an operator name
      const v = Number(m[1]);
      if (!rows.some((r) => r.code === v)) {
        const codes = rows.map((r) => (r.prefix ? `${hex(r.prefix)} ${r.code}` : hex(r.code))).join(' or ');
        report(i, `${m[1]} is named \`${m[2]}\`, which is ${codes} in the table`);
      }
    }
    let fixed = lines[i];
    let changed = false;
    for (const m of code.matchAll(COMPARE)) {
      if (m[4] !== undefined) continue;
      // `sub` is a sub-opcode of a prefix space the lint does not know: name it by hand
      const expected = m[1] === 'sub' ? undefined : byCode.get(`0:${Number(m[3])}`);
      if (fix && expected !== undefined) {
        fixed = fixed.replace(m[0], `${m[0]} /* ${expected} */`);
        changed = true;
      } else report(i, `\`${m[0]}\` has no operator name; expected \`${m[3]} /* ${expected ?? '?'} */\``);
    }
    for (const m of code.matchAll(REVERSED)) {
      const after = code.slice(m.index + m[1].length);
      if (/^[);]*\s*\/\*/.test(after)) continue;
      report(
        i,
        `\`${m[0]}\`: write the opcode variable first and name the literal (\`${m[3]} ${m[2]} ${m[1]} /* name */\`)`,
      );
    }
    if (changed) lines[i] = fixed;
  }
  for (const [after, text] of inserts.sort((a, b) => b[0] - a[0])) lines.splice(after + 1, 0, text);
  return { problems, text: lines.join('\n') };
}

/** The problems the lint must find in its fixture, [line, part of the message]: no more, no fewer. */
const SELF_TEST = [
  [6, 'case 0x21 is named `local.tee` (0x22); the single-byte operator 0x21 is `local.set`'],
  [8, 'case 0x22 has no operator name; expected `// local.tee`'],
  [10, 'case 0x1a: `a` is not an operator of the table; expected `drop`'],
  [18, 'case 0x0d is named `v128.const` (0xfd 12); the 0xfd-prefixed operator 0x0d is `i8x16.shuffle`'],
  [20, 'case 0x0e has no operator name; expected `// i8x16.swizzle`'],
  [24, 'case 0xfc is named `gc prefix` (0xfb); the single-byte operator 0xfc is `misc prefix`'],
  [32, '0x0c is named `br_if`, which is 0x0d in the table'],
  [33, '`op === 0x0f` has no operator name; expected `0x0f /* return */`'],
  [34, '`0x10 === op`: write the opcode variable first'],
];

function selfTest() {
  const file = '.ci/fixtures/opcodes-bad.ts.txt';
  const { problems } = checkText(file, readFileSync(join(root, file), 'utf8'), false);
  const missing = SELF_TEST.filter(
    ([line, part]) => !problems.some((p) => p.startsWith(`${file}:${line}: `) && p.includes(part)),
  );
  const extra = problems.filter(
    (p) => !SELF_TEST.some(([line, part]) => p.startsWith(`${file}:${line}: `) && p.includes(part)),
  );
  for (const [line, part] of missing) console.log(`opcodes self-test: ${file}:${line}: not reported: ${part}`);
  for (const p of extra) console.log(`opcodes self-test: unexpected: ${p}`);
  return missing.length + extra.length === 0;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (!selfTest()) process.exit(1);
  const args = process.argv.slice(2);
  const fix = args.includes('--fix');
  const files = args.filter((a) => a !== '--fix');
  const list = files.length > 0 ? files.map((f) => join(process.cwd(), f)) : sources();
  let problems = 0;
  for (const f of list) {
    const text = readFileSync(f, 'utf8');
    const out = checkText(relative(root, f), text, fix);
    if (fix && out.text !== text) writeFileSync(f, out.text);
    for (const p of out.problems) console.log(p);
    problems += out.problems.length;
  }
  console.log(
    `opcodes: ${problems} problem(s) in ${list.length} files (self-test: ${SELF_TEST.length} bad lines found)`,
  );
  process.exit(problems > 0 ? 1 : 0);
}

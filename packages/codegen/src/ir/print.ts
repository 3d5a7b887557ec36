// The IR as text, for snapshot tests and debugging: one node per line, nested lists indented, values as
// `v<id>:<type>`, variables by their JS names, labels as `L<n>` (`L-1` is the function: a return).

import type { IrFunc, Node } from './ir.js';

/** The text form of `fn`. */
export function printIr(fn: IrFunc): string {
  const lines: string[] = [];
  const v = (x: number) => `v${x}`;
  const vs = (xs: number[]) => xs.map(v).join(', ');
  const def = (x: number) => `v${x}:${fn.types[x]}`;
  const name = (l: number) => fn.varNames[l];
  const node = (n: Node, ind: string): void => {
    const out = (s: string): void => {
      lines.push(`${ind}${s}`);
    };
    switch (n.k) {
      case 'const':
        out(`${def(n.dst)} = const ${n.text}`);
        return;
      case 'get':
        out(`${def(n.dst)} = get ${name(n.local)}`);
        return;
      case 'set':
        out(`set ${name(n.local)}, ${v(n.src)}`);
        return;
      case 'global.get':
        out(`${def(n.dst)} = global.get ${n.global}`);
        return;
      case 'global.set':
        out(`global.set ${n.global}, ${v(n.src)}`);
        return;
      case 'op':
      case 'pexpr':
        out(`${def(n.dst)} = ${n.name} ${vs(n.args)}`);
        return;
      case 'pair':
        out(`${n.dstHi >= 0 ? `${def(n.dst)}, ${def(n.dstHi)}` : def(n.dst)} = pair ${n.name} ${vs(n.args)}`);
        return;
      case 'join':
        out(`${def(n.dst)} = join ${v(n.lo)}, ${v(n.hi)}`);
        return;
      case 'split':
        out(`${def(n.dst)}, ${def(n.dstHi)} = split ${v(n.src)}`);
        return;
      case 'load':
        out(`${def(n.dst)} = ${n.name} m${n.mem}[${v(n.addr)} + ${n.offset}]`);
        return;
      case 'store':
        out(`${n.name} m${n.mem}[${v(n.addr)} + ${n.offset}], ${v(n.src)}`);
        return;
      case 'memory.size':
        out(`${def(n.dst)} = memory.size m${n.mem}`);
        return;
      case 'memory.grow':
        out(`${def(n.dst)} = memory.grow m${n.mem}, ${v(n.src)}`);
        return;
      case 'call':
        out(
          `${n.dsts.map(def).join(', ')}${n.dsts.length > 0 ? ' = ' : ''}call${n.pairAbi ? '.pairs' : ''} f${n.func} ${vs(n.args)}`,
        );
        return;
      case 'call_indirect':
        out(
          `${n.dsts.map(def).join(', ')}${n.dsts.length > 0 ? ' = ' : ''}call_indirect t${n.table}[${v(n.idx)}] type ${n.type} ${vs(n.args)}`,
        );
        return;
      case 'bulk':
        out(`${n.name} ${n.mems.map((m) => `m${m}`).join(', ')} ${vs(n.args)}`);
        return;
      case 'select':
        out(`${def(n.dst)} = select ${v(n.a)}, ${v(n.b)}, ${v(n.cond)}`);
        return;
      case 'fuel':
        out(`fuel ${n.n}`);
        return;
      case 'block':
      case 'loop':
        out(`${n.k} L${n.label} {`);
        for (const m of n.body) node(m, `${ind}  `);
        out('}');
        return;
      case 'if':
        out(`if L${n.label} ${v(n.cond)} {`);
        for (const m of n.yes) node(m, `${ind}  `);
        if (n.no.length > 0) {
          out('} else {');
          for (const m of n.no) node(m, `${ind}  `);
        }
        out('}');
        return;
      case 'br':
        out(`br L${n.label}${n.args.length > 0 ? ` ${vs(n.args)}` : ''}`);
        return;
      case 'br_if':
        out(`br_if L${n.label}, ${v(n.cond)}${n.args.length > 0 ? ` [${vs(n.args)}]` : ''}`);
        return;
      case 'br_table':
        out(
          `br_table [${n.labels.map((l) => `L${l}`).join(' ')}] L${n.dflt}, ${v(n.idx)}${n.args.length > 0 ? ` [${vs(n.args)}]` : ''}`,
        );
        return;
      case 'return':
        out(`return ${vs(n.args)}`.trimEnd());
        return;
      case 'trap':
        out(`trap ${n.code}`);
        return;
    }
  };
  const params = fn.params.map((t, i) => `${name(i)}: ${t}`).join(', ');
  lines.push(`function ${fn.name}(${params}) -> (${fn.results.join(', ')})${fn.pairAbi ? ' pair-abi' : ''}`);
  for (const n of fn.body) node(n, '  ');
  return `${lines.join('\n')}\n`;
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('host independence', () => {
  it('never names the WebAssembly global or imports codegen', () => {
    for (const f of sources(src)) {
      const text = readFileSync(f, 'utf8');
      expect([f, /\bWebAssembly\b/.test(text)]).toEqual([f, false]);
      expect([f, text.includes('@wasmts/codegen')]).toEqual([f, false]);
    }
  });

  it('runs under node --jitless', () => {
    const script = `
      import { f32FromBits, f32ToBits } from '@wasmts/environ';
      import { createBuiltins, Memory, TypeRegistry } from ${JSON.stringify(join(src, 'index.ts'))};
      const rt = createBuiltins(new TypeRegistry());
      const m = new Memory({ limits: { min: 1, max: null }, shared: false, index64: false, pageSizeLog2: 16 });
      rt.memoryFill(m, 0, 7, 10);
      const old = rt.memoryGrow(m, 1);
      console.log(typeof WebAssembly, old, m.u8[9], f32ToBits(f32FromBits(0x7fa00000)).toString(16));
    `;
    const out = execFileSync(
      process.execPath,
      ['--jitless', '--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(out.trim()).toBe('undefined 1 7 7fa00000');
  });
});

// ruby.wasm (Ruby 3.4 for WASI, from @ruby/3.4-wasm-wasi, 16.7 MB) running a short Ruby script. The module is a
// reactor with a wit-bindgen (canonical ABI) interface, driven here as @ruby/wasm-wasi's RubyVM drives it:
// `_initialize` (through WASI), `ruby-init` with the interpreter's arguments, `rb-eval-string-protect` with the
// script. The script prints its checksum with `puts` (WASI fd_write on stdout); that line is the run's checksum.
// Each run gets a fresh instance (a Ruby VM boots once per instance), made before the clock starts: a run's time
// covers the VM's boot (`ruby-init`) and the script; instantiation is timed on its own, as for every program.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HostImport, Program, ProgramExports } from './program.js';

const require = createRequire(import.meta.url);

/** The script: integer arithmetic in a block, a Hash of strings, an Array sort, string building. */
export function rubyScript(n: number): string {
  return `n = ${n}
h = 0
n.times { |i| h = (h * 31 + i) & 0xffffffff }
m = n / 12
words = Hash.new(0)
m.times { |i| words["w#{i % 97}"] += i }
a = (1..m).map { |x| x * x % 1009 }.sort
s = words.sort.map { |k, v| "#{k}=#{v}" }.join(",")
puts h ^ a.sum ^ s.sum
$stdout.flush
`;
}

/** What the script prints, computed here (the known answer). */
export function rubyExpected(n: number): string {
  let h = 0n;
  for (let i = 0n; i < BigInt(n); i++) h = (h * 31n + i) & 0xffffffffn;
  const m = Math.floor(n / 12);
  const words = new Map<string, number>();
  for (let i = 0; i < m; i++) words.set(`w${i % 97}`, (words.get(`w${i % 97}`) ?? 0) + i);
  let aSum = 0n;
  for (let x = 1; x <= m; x++) aSum += BigInt((x * x) % 1009);
  const s = [...words.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  let sSum = 0; // String#sum: the sum of the bytes, modulo 2^16
  for (const byte of new TextEncoder().encode(s)) sSum = (sSum + byte) & 0xffff;
  return String(h ^ aSum ^ BigInt(sSum));
}

/** The interpreter's arguments (no RubyGems: ruby.wasm without its stdlib has none to load). */
const RUBY_ARGS = ['ruby', '--disable-gems', '-EUTF-8', '-e_=0'];

// The bridge to JavaScript (rb-js-abi-host) is never called by a plain script; the canonical ABI's resource table
// only needs to hand back the value it is given (eval's result, dropped unread).
const hostImports: HostImport = (module, name) => {
  if (module === 'canonical_abi' && name === 'resource_new_rb-abi-value') return (value: number) => value;
  if (module === 'canonical_abi' || module === 'rb-js-abi-host')
    return () => {
      throw new Error(`ruby.wasm called ${module}.${name}, which this driver does not provide`);
    };
  return undefined;
};

const encoder = new TextEncoder();

/** Copies `text` (NUL-terminated, as RubyVM does) into guest memory through cabi_realloc; returns [ptr, len]. */
function guestString(exports: ProgramExports, text: string): [number, number] {
  const bytes = encoder.encode(`${text}\0`);
  const ptr = exports.fn('cabi_realloc')(0, 0, 1, bytes.length);
  exports.memory().set(bytes, ptr);
  return [ptr, bytes.length];
}

/** A fresh instance and what it prints. */
export interface RubyInstance {
  readonly exports: ProgramExports;
  readonly stdout: Uint8Array[];
}

/** Instantiates ruby.wasm (WASI `_initialize` included), its stdout collected. */
export function newRuby(instantiate: (stdout: (b: Uint8Array) => void) => ProgramExports): RubyInstance {
  const stdout: Uint8Array[] = [];
  return { exports: instantiate((bytes) => stdout.push(bytes.slice())), stdout };
}

/** Boots the Ruby VM of a fresh instance and runs `script`; returns what it printed. Throws if Ruby raised. */
export function runRuby({ exports, stdout }: RubyInstance, script: string): string {
  const list = exports.fn('cabi_realloc')(0, 0, 4, RUBY_ARGS.length * 8);
  RUBY_ARGS.forEach((arg, i) => {
    const [ptr, len] = guestString(exports, arg);
    const view = new DataView(exports.memory().buffer);
    view.setInt32(list + i * 8, ptr, true);
    view.setInt32(list + i * 8 + 4, len, true);
  });
  exports.fn('ruby-init: func(args: list<string>) -> ()')(list, RUBY_ARGS.length);
  const [ptr, len] = guestString(exports, script);
  const ret = exports.fn('rb-eval-string-protect: func(str: string) -> tuple<handle<rb-abi-value>, s32>')(ptr, len);
  const status = new DataView(exports.memory().buffer).getInt32(ret + 4, true);
  if (status !== 0) throw new Error(`the Ruby script raised (state ${status})`);
  return Buffer.concat(stdout).toString('utf8').trim();
}

/** ruby.wasm as a benchmark program; `wasm2js` says whether binaryen could convert it. */
export function makeRubyProgram(wasm2js: Program['wasm2js']): Program {
  return {
    name: 'ruby',
    kind: 'real (WASI)',
    categories: ['interpreter'],
    origin: 'npm @ruby/3.4-wasm-wasi',
    n: 60_000,
    smokeN: 1200,
    minRounds: 5, // runs vary more (a VM boot, a large heap): more of them, past the time budget
    wasm: () => new Uint8Array(readFileSync(require.resolve('@ruby/3.4-wasm-wasi/dist/ruby.wasm'))),
    // the 16 MB module's wasm2js output is not committed: only binaryen's verdict (programs/build.sh)
    wasm2js:
      'file' in wasm2js ? { unavailable: 'wasm2js converts ruby.wasm but its output is not committed' } : wasm2js,
    hostImports,
    // a fresh instance per run (a Ruby VM boots once per instance), made untimed: instantiation has its own column
    prepare: (session) => newRuby((stdout) => session.instantiate({ stdout })),
    run: (session, n, prepared) =>
      runRuby(
        (prepared as RubyInstance | undefined) ?? newRuby((stdout) => session.instantiate({ stdout })),
        rubyScript(n),
      ),
  };
}

// The part of testharness.js (web-platform-tests) that the JS API tests call, written for this runner:
// `test` runs at once, `promise_test`s run one after another once the file's script has run, `setup`
// failing fails every later test, and assertions throw `AssertionError`. Results go to `results`.

/** One subtest's outcome. */
export interface SubtestResult {
  readonly name: string;
  readonly status: 'pass' | 'fail';
  readonly message?: string;
}

/** Raised by a failed assertion. */
class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function assert(ok: unknown, fn: string, description: string | undefined, message: string): void {
  if (!ok) throw new AssertionError(`${fn}: ${description ? `${description}: ` : ''}${message}`);
}

/** A readable form of a value (testharness's `format_value`, simplified). */
export function formatValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'symbol':
      return v.toString();
    case 'function':
      return `function "${(v as { name?: string }).name ?? ''}"`;
    case 'object':
      if (v === null) return 'null';
      try {
        if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
        return `object "${String(v)}"`;
      } catch {
        return `object "${Object.prototype.toString.call(v)}"`;
      }
    default:
      return String(v);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b);
}

/** A subtest's handle (`t`): cleanups and `unreached_func`. */
class Test {
  readonly name: string;
  readonly cleanups: (() => void)[] = [];
  constructor(name: string) {
    this.name = name;
  }
  add_cleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }
  unreached_func(description?: string): () => never {
    return () => {
      throw new AssertionError(`assert_unreached: ${description ?? ''}: reached unreachable code`);
    };
  }
  step_func<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R {
    return fn;
  }
  runCleanups(): void {
    for (const c of this.cleanups) c();
  }
}

function throwsJs(fnName: string, ctor: new (...a: any[]) => Error, e: unknown, description: string | undefined): void {
  if (e instanceof AssertionError) throw e;
  assert(typeof e === 'object' && e !== null, fnName, description, `threw ${formatValue(e)}, not an object`);
  assert(typeof ctor === 'function', fnName, description, 'the expected constructor is not a function');
  const err = e as { constructor?: unknown; name?: unknown };
  assert(
    err.constructor === ctor && err.name === ctor.name,
    fnName,
    description,
    `threw ${formatValue(e)} (${String(err.name)}: ${String((e as { message?: unknown }).message)}), expected ${ctor.name}`,
  );
}

/** Old testharness's `assert_throws(new X(), f)`: compares the thrown error's `name`. */
function throwsLegacy(fnName: string, code: unknown, e: unknown, description: string | undefined): void {
  if (e instanceof AssertionError) throw e;
  if (typeof code === 'object' && code !== null) {
    const want = (code as { name?: unknown }).name;
    assert(
      typeof e === 'object' && e !== null && (e as { name?: unknown }).name === want,
      fnName,
      description,
      `threw ${formatValue(e)}, expected an error named ${String(want)}`,
    );
    return;
  }
  assert(false, fnName, description, `unsupported expected value ${formatValue(code)}`);
}

/**
 * Installs the harness's globals; `finish()` resolves with every subtest's result when all have run.
 * `onResult` (if given) hears each result as it is recorded, so that a process killed part way through (a
 * slow file past its time limit) has still reported the tests it ran.
 */
export function installHarness(
  global: Record<string, unknown>,
  onResult?: (result: SubtestResult) => void,
): { finish(): Promise<SubtestResult[]> } {
  const results: SubtestResult[] = [];
  const names = new Map<string, number>();
  const promiseTests: { name: string; fn: (t: Test) => unknown }[] = [];
  let setupError: string | null = null;

  const uniqueName = (name: unknown): string => {
    const n = String(name);
    const seen = names.get(n) ?? 0;
    names.set(n, seen + 1);
    return seen === 0 ? n : `${n} #${seen + 1}`;
  };
  const record = (name: string, error: unknown): void => {
    const result: SubtestResult =
      error === undefined ? { name, status: 'pass' } : { name, status: 'fail', message: messageOf(error) };
    results.push(result);
    onResult?.(result);
  };

  global.test = (fn: (t: Test) => void, name: string) => {
    const n = uniqueName(name);
    if (setupError !== null) return record(n, new AssertionError(`setup failed: ${setupError}`));
    const t = new Test(n);
    let error: unknown;
    try {
      fn.call(t, t);
    } catch (e) {
      error = e;
    }
    try {
      t.runCleanups();
    } catch (e) {
      error ??= e;
    }
    record(n, error);
  };
  global.promise_test = (fn: (t: Test) => unknown, name: string) => {
    promiseTests.push({ name: uniqueName(name), fn });
  };
  global.setup = (fnOrOptions: unknown, maybeOptions?: unknown) => {
    void maybeOptions;
    if (typeof fnOrOptions !== 'function') return;
    try {
      fnOrOptions();
    } catch (e) {
      setupError = messageOf(e);
    }
  };
  global.done = () => {};
  global.format_value = formatValue;

  global.assert_true = (v: unknown, d?: string) => assert(v === true, 'assert_true', d, `got ${formatValue(v)}`);
  global.assert_false = (v: unknown, d?: string) => assert(v === false, 'assert_false', d, `got ${formatValue(v)}`);
  global.assert_equals = (a: unknown, b: unknown, d?: string) => {
    assert(
      typeof a === typeof b,
      'assert_equals',
      d,
      `expected (${typeof b}) ${formatValue(b)} but got (${typeof a}) ${formatValue(a)}`,
    );
    assert(sameValue(a, b), 'assert_equals', d, `expected ${formatValue(b)} but got ${formatValue(a)}`);
  };
  global.assert_not_equals = (a: unknown, b: unknown, d?: string) =>
    assert(!sameValue(a, b), 'assert_not_equals', d, `got disallowed value ${formatValue(a)}`);
  global.assert_array_equals = (a: ArrayLike<unknown>, b: ArrayLike<unknown>, d?: string) => {
    assert(
      typeof a === 'object' && a !== null && 'length' in a,
      'assert_array_equals',
      d,
      `value is ${formatValue(a)}, expected array`,
    );
    assert(a.length === b.length, 'assert_array_equals', d, `lengths differ, expected ${b.length} got ${a.length}`);
    for (let i = 0; i < b.length; i++) {
      assert(Object.hasOwn(a, i) === Object.hasOwn(b, i), 'assert_array_equals', d, `property ${i}: presence differs`);
      assert(
        sameValue(a[i], b[i]),
        'assert_array_equals',
        d,
        `property ${i}, expected ${formatValue(b[i])} but got ${formatValue(a[i])}`,
      );
    }
  };
  global.assert_class_string = (o: unknown, cls: string, d?: string) => {
    const s = Object.prototype.toString.call(o);
    assert(s === `[object ${cls}]`, 'assert_class_string', d, `expected [object ${cls}] but got ${s}`);
  };
  global.assert_own_property = (o: object, p: PropertyKey, d?: string) =>
    assert(Object.hasOwn(o, p), 'assert_own_property', d, `expected property ${String(p)} missing`);
  global.assert_not_own_property = (o: object, p: PropertyKey, d?: string) =>
    assert(!Object.hasOwn(o, p), 'assert_not_own_property', d, `unexpected property ${String(p)} is found on object`);
  global.assert_unreached = (d?: string) => assert(false, 'assert_unreached', d, 'reached unreachable code');
  global.assert_throws_js = (ctor: new () => Error, fn: () => void, d?: string) => {
    try {
      fn();
    } catch (e) {
      return throwsJs('assert_throws_js', ctor, e, d);
    }
    assert(false, 'assert_throws_js', d, `${formatValue(fn)} did not throw`);
  };
  global.assert_throws_exactly = (value: unknown, fn: () => void, d?: string) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AssertionError) throw e;
      return assert(
        sameValue(e, value),
        'assert_throws_exactly',
        d,
        `threw ${formatValue(e)}, expected ${formatValue(value)}`,
      );
    }
    assert(false, 'assert_throws_exactly', d, `${formatValue(fn)} did not throw`);
  };
  global.assert_throws = (code: unknown, fn: () => void, d?: string) => {
    try {
      fn();
    } catch (e) {
      return throwsLegacy('assert_throws', code, e, d);
    }
    assert(false, 'assert_throws', d, `${formatValue(fn)} did not throw`);
  };
  global.promise_rejects_js = (_t: Test, ctor: new () => Error, p: Promise<unknown>, d?: string) =>
    Promise.resolve(p).then(
      () => assert(false, 'promise_rejects_js', d, 'should have rejected'),
      (e) => throwsJs('promise_rejects_js', ctor, e, d),
    );
  global.promise_rejects_exactly = (_t: Test, value: unknown, p: Promise<unknown>, d?: string) =>
    Promise.resolve(p).then(
      () => assert(false, 'promise_rejects_exactly', d, 'should have rejected'),
      (e) => assert(sameValue(e, value), 'promise_rejects_exactly', d, `rejected with ${formatValue(e)}`),
    );
  global.promise_rejects = (_t: Test, code: unknown, p: Promise<unknown>, d?: string) =>
    Promise.resolve(p).then(
      () => assert(false, 'promise_rejects', d, 'should have rejected'),
      (e) => throwsLegacy('promise_rejects', code, e, d),
    );

  return {
    async finish(): Promise<SubtestResult[]> {
      // a promise_test may register more promise tests: run until none is left
      for (let i = 0; i < promiseTests.length; i++) {
        const { name, fn } = promiseTests[i];
        if (setupError !== null) {
          record(name, new AssertionError(`setup failed: ${setupError}`));
          continue;
        }
        const t = new Test(name);
        let error: unknown;
        try {
          const p = fn.call(t, t);
          assert(
            typeof p === 'object' && p !== null && typeof (p as { then?: unknown }).then === 'function',
            'promise_test',
            undefined,
            'test body did not return a promise',
          );
          await withTimeout(p as Promise<unknown>, 20_000);
        } catch (e) {
          error = e;
        }
        try {
          t.runCleanups();
        } catch (e) {
          error ??= e;
        }
        record(name, error);
      }
      return results;
    },
  };
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new AssertionError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return formatValue(e);
}

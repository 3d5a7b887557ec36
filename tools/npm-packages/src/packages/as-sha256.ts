// @chainsafe/as-sha256 1.2.5 (AssemblyScript; picks its SIMD build where `WebAssembly.validate` accepts it):
// SHA-256 of inputs from empty to 1 MB, and the 64-byte-pair hashing that Merkle trees use.

/** Fields of the answer that depend on the host's features, not on the computation (`pnpm bench packages` ignores them). */
export const HOST_DEPENDENT = ['simd'];

/** Hex digests of each input, and a digest of 1,000 chained 64-byte hashes. */
export async function answer(): Promise<unknown> {
  const sha = await import('@chainsafe/as-sha256');
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const inputs = [0, 3, 64, 1000, 100_000, 1 << 20].map((n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
    return b;
  });
  let node = new Uint8Array(64);
  for (let i = 0; i < 1000; i++) {
    const h = sha.digest64(node);
    const next = new Uint8Array(64);
    next.set(h);
    next.set(h, 32);
    next[0] = i & 0xff;
    node = next;
  }
  return { simd: sha.simdEnabled, digests: inputs.map((b) => hex(sha.digest(b))), chain: hex(sha.digest64(node)) };
}

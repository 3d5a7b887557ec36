// The benchmark's statistics, through simple-statistics: medians of timed runs, geomeans of ratios, and a 95%
// confidence interval of a geomean by a percentile bootstrap (resampling the programs), so a geomean is reported
// with how far it could move on another draw of the same programs.

import * as ss from 'simple-statistics';

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  return ss.median([...values]);
}

/** Geometric mean of positive values, or null for none. */
export function geomean(values: readonly number[]): number | null {
  return values.length === 0 ? null : ss.geometricMean([...values]);
}

/** A deterministic random source in [0, 1) (mulberry32), so a report's intervals can be reproduced. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 95% percentile-bootstrap confidence interval of the geomean of `values` (2,000 resamples of the values
 * with replacement), or null for fewer than 3 values.
 */
export function geomeanCi95(values: readonly number[], resamples = 2000): [number, number] | null {
  if (values.length < 3) return null;
  const logs = values.map((v) => Math.log(v));
  const random = seeded(0x5eed);
  const means: number[] = [];
  for (let i = 0; i < resamples; i++) means.push(ss.mean(ss.sampleWithReplacement(logs, logs.length, random)));
  return [Math.exp(ss.quantile(means, 0.025)), Math.exp(ss.quantile(means, 0.975))];
}

import { describe, expect, it } from 'vitest';
import { geomean, geomeanCi95, median } from '../src/stats.js';

describe('stats', () => {
  it('medians, geomeans and a bootstrap interval that contains the geomean', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(geomean([])).toBeNull();
    expect(geomean([1, 4])).toBeCloseTo(2, 12);
    const ratios = [1.1, 2.5, 3.2, 1.9, 4.4, 2.2, 1.4, 6.1, 2.9, 1.7];
    const g = geomean(ratios) as number;
    const [lo, hi] = geomeanCi95(ratios) as [number, number];
    expect(lo).toBeLessThan(g);
    expect(hi).toBeGreaterThan(g);
    expect(lo).toBeGreaterThanOrEqual(Math.min(...ratios));
    expect(hi).toBeLessThanOrEqual(Math.max(...ratios));
    // the same values give the same interval (a seeded bootstrap); equal values give a point
    expect(geomeanCi95(ratios)).toEqual([lo, hi]);
    const [a, b] = geomeanCi95([2, 2, 2, 2]) as [number, number];
    expect(a).toBeCloseTo(2, 12);
    expect(b).toBeCloseTo(2, 12);
    expect(geomeanCi95([1, 2])).toBeNull();
  });
});

import type { KeyPoint } from '../core/types.js';

/** The `count` points a shorter brief keeps longest (highest `keep`), in the order the brief shows them. */
export function topPoints(points: readonly KeyPoint[], count: number): KeyPoint[] {
  if (points.length <= count) return [...points];
  const kept = new Set([...points].sort((a, b) => b.keep - a.keep).slice(0, Math.max(0, count)));
  return points.filter((p) => kept.has(p));
}

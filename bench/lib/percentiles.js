/**
 * The nearest-rank percentile of an ascending array (the smallest value with at least p % of
 * the values at or below it); null when empty. At these counts (thousands of samples per
 * run) a sorted array is exact and cheap, so no histogram library is needed.
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

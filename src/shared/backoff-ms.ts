/** Delay before attempt `failures + 1`: `baseMs` doubled per failure, capped at `capMs`. */
export function backoffMs(failures: number, baseMs: number, capMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), Math.max(capMs, baseMs));
}

/**
 * What `/readyz` reports: each part of Sitrep that must be up to serve (topics loaded, store open,
 * each configured platform connected), set as it starts and cleared as it stops.
 */
export interface Readiness {
  /** Declares a part not yet ready (a platform that is configured but not started). */
  expect(part: string): void;
  set(part: string, ready: boolean): void;
  report(): HealthReport;
}

export interface HealthReport {
  readonly ready: boolean;
  readonly parts: Readonly<Record<string, boolean>>;
}

export function createReadiness(): Readiness {
  const parts = new Map<string, boolean>();
  return {
    expect: (part) => void (parts.has(part) || parts.set(part, false)),
    set: (part, ready) => void parts.set(part, ready),
    report: () => ({ ready: parts.size > 0 && [...parts.values()].every(Boolean), parts: Object.fromEntries(parts) }),
  };
}

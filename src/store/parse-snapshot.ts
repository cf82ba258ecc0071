import type { DigestSnapshot } from '../core/diff-briefings.js';

/**
 * A stored snapshot as a value, or undefined when it is not one this Sitrep wrote (an unknown
 * version, a damaged row): the next digest then reads as a first one rather than failing. Every
 * store reads its snapshots through here, so that they agree on what counts as valid.
 */
export function toSnapshot(value: unknown): DigestSnapshot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<DigestSnapshot>;
  return v.version === 1 && typeof v.takenAt === 'string' && Array.isArray(v.articleIds) && Array.isArray(v.keyPoints) ? (v as DigestSnapshot) : undefined;
}

/** `toSnapshot` of a JSON text; text that is not JSON is no snapshot either. */
export function parseSnapshot(json: string): DigestSnapshot | undefined {
  try {
    return toSnapshot(JSON.parse(json));
  } catch {
    return undefined;
  }
}

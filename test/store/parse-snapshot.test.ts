import { describe, expect, it } from 'vitest';
import { parseSnapshot, toSnapshot } from '../../src/store/parse-snapshot.js';

const snapshot = { version: 1, takenAt: '2025-01-02T06:00:00.000Z', articleIds: ['a1'], figures: {}, keyPoints: ['p'] };

describe('stored snapshots', () => {
  it('accepts a version-1 snapshot, as JSON text (SQLite) or as a value (a JSON column)', () => {
    expect(parseSnapshot(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(toSnapshot(snapshot)).toEqual(snapshot);
  });

  it('reads anything else as no snapshot rather than failing the digest', () => {
    expect(parseSnapshot('{"version":1,')).toBeUndefined();
    expect(toSnapshot({ ...snapshot, version: 2 })).toBeUndefined();
    expect(toSnapshot({ ...snapshot, articleIds: 'a1' })).toBeUndefined();
    expect(toSnapshot({ version: 1, articleIds: [], keyPoints: [] })).toBeUndefined();
    expect(toSnapshot(null)).toBeUndefined();
    expect(toSnapshot('text')).toBeUndefined();
  });
});

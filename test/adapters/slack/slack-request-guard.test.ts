import { describe, expect, it } from 'vitest';
import { createSlackRequestGuard } from '../../../src/adapters/slack/create-slack-request-guard.js';

describe('the Slack replay guard', () => {
  it('forgets a signature once its timestamp leaves the five-minute window, when the timestamp check refuses it anyway', () => {
    let now = 1_700_000_000_000;
    const guard = createSlackRequestGuard({ now: () => now });
    const ts = now / 1000;
    expect(guard.screen(ts, 'v0=a')).toBe('fresh');
    now += 299_000;
    expect(guard.screen(ts, 'v0=a')).toBe('replayed');
    now += 2_000;
    expect(guard.screen(ts, 'v0=a')).toBe('stale');
    expect(guard.size).toBe(0);
  });

  it('keeps at most maxEntries signatures, however many requests arrive in the window', () => {
    const now = 1_700_000_000_000;
    const guard = createSlackRequestGuard({ now: () => now, maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) expect(guard.screen(now / 1000, `v0=${i}`)).toBe('fresh');
    expect(guard.size).toBe(100);
    expect(guard.screen(now / 1000, 'v0=999')).toBe('replayed');
  });

  it('refuses a timestamp more than the window ahead, and one that is no number', () => {
    const now = 1_700_000_000_000;
    const guard = createSlackRequestGuard({ now: () => now });
    expect(guard.screen(now / 1000 + 301, 'v0=b')).toBe('future-dated');
    expect(guard.screen(now / 1000 + 299, 'v0=b')).toBe('fresh');
    expect(guard.screen(Number.NaN, 'v0=c')).toBe('future-dated');
  });
});

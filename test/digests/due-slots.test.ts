import { describe, expect, it } from 'vitest';
import { checkCron, dueSlots, latestSlot, nextSlot } from '../../src/digests/due-slots.js';
import { localParts } from '../../src/digests/zoned-time.js';

const iso = (dates: readonly Date[]): string[] => dates.map((d) => d.toISOString());
const wall = (d: Date, zone: string): string => {
  const p = localParts(d, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

describe('dueSlots', () => {
  it('keeps 08:00 New York at 08:00 local across the March switch to daylight time (UTC moves from 13:00 to 12:00)', () => {
    const slots = dueSlots('0 8 * * *', 'America/New_York', new Date('2025-03-07T00:00Z'), new Date('2025-03-11T23:00Z'));
    expect(iso(slots)).toEqual(['2025-03-07T13:00:00.000Z', '2025-03-08T13:00:00.000Z', '2025-03-09T12:00:00.000Z', '2025-03-10T12:00:00.000Z', '2025-03-11T12:00:00.000Z']);
    expect(slots.every((s) => wall(s, 'America/New_York').endsWith('08:00'))).toBe(true);
  });

  it('keeps 08:00 New York at 08:00 local across the November switch back', () => {
    const slots = dueSlots('0 8 * * *', 'America/New_York', new Date('2025-11-01T00:00Z'), new Date('2025-11-03T23:00Z'));
    expect(iso(slots)).toEqual(['2025-11-01T12:00:00.000Z', '2025-11-02T13:00:00.000Z', '2025-11-03T13:00:00.000Z']);
  });

  it('keeps 08:00 Kyiv at 08:00 local across the last Sunday of March and of October', () => {
    const march = dueSlots('0 8 * * *', 'Europe/Kyiv', new Date('2025-03-29T00:00Z'), new Date('2025-03-31T23:00Z'));
    expect(iso(march)).toEqual(['2025-03-29T06:00:00.000Z', '2025-03-30T05:00:00.000Z', '2025-03-31T05:00:00.000Z']);
    const october = dueSlots('0 8 * * *', 'Europe/Kyiv', new Date('2025-10-25T00:00Z'), new Date('2025-10-26T23:00Z'));
    expect(iso(october)).toEqual(['2025-10-25T05:00:00.000Z', '2025-10-26T06:00:00.000Z']);
  });

  it('handles half-hour zones and weekday schedules (Asia/Kolkata, Monday to Friday)', () => {
    const slots = dueSlots('30 9 * * 1-5', 'Asia/Kolkata', new Date('2025-06-06T00:00Z'), new Date('2025-06-10T00:00Z'));
    expect(iso(slots)).toEqual(['2025-06-06T04:00:00.000Z', '2025-06-09T04:00:00.000Z']);
  });

  it('skips a wall time that a spring-forward switch jumps over, and fires once in an hour that repeats', () => {
    const gap = dueSlots('30 2 * * *', 'America/New_York', new Date('2025-03-08T00:00Z'), new Date('2025-03-10T23:00Z'));
    expect(gap.map((s) => wall(s, 'America/New_York'))).toEqual(['2025-03-08 02:30', '2025-03-10 02:30']);
    const repeat = dueSlots('30 1 * * *', 'America/New_York', new Date('2025-11-02T00:00Z'), new Date('2025-11-02T23:00Z'));
    expect(iso(repeat)).toEqual(['2025-11-02T05:30:00.000Z']);
  });

  it('counts slots in (from, to]: a slot exactly at `from` was the previous window', () => {
    expect(iso(dueSlots('0 8 * * *', 'UTC', new Date('2025-01-01T08:00Z'), new Date('2025-01-02T08:00Z')))).toEqual(['2025-01-02T08:00:00.000Z']);
  });

  it('reads six-field (seconds) and last-day-of-month expressions as node-cron does', () => {
    expect(iso(dueSlots('15 0 8 * * *', 'UTC', new Date('2025-01-01T00:00Z'), new Date('2025-01-01T12:00Z')))).toEqual(['2025-01-01T08:00:15.000Z']);
    expect(iso(dueSlots('0 18 L * *', 'UTC', new Date('2024-02-01T00:00Z'), new Date('2024-04-01T00:00Z')))).toEqual(['2024-02-29T18:00:00.000Z', '2024-03-31T18:00:00.000Z']);
    expect(iso(dueSlots('0 9 * * 1#2', 'UTC', new Date('2025-03-01T00:00Z'), new Date('2025-03-31T00:00Z')))).toEqual(['2025-03-10T09:00:00.000Z']);
  });
});

describe('latestSlot and nextSlot', () => {
  it('finds only the latest slot of a long window', () => {
    expect(latestSlot('*/15 * * * *', 'Europe/Kyiv', new Date('2025-01-01T00:00Z'), new Date('2025-01-03T10:07Z'))?.toISOString()).toBe('2025-01-03T10:00:00.000Z');
    expect(latestSlot('0 8 * * *', 'UTC', new Date('2025-01-01T08:00Z'), new Date('2025-01-01T09:00Z'))).toBeUndefined();
  });

  it('finds the next slot, however far (29 February)', () => {
    expect(nextSlot('0 8 * * *', 'Europe/Kyiv', new Date('2025-03-29T07:00Z'))?.toISOString()).toBe('2025-03-30T05:00:00.000Z');
    expect(nextSlot('0 9 29 2 *', 'UTC', new Date('2025-03-01T00:00Z'))?.toISOString()).toBe('2028-02-29T09:00:00.000Z');
  });
});

describe('checkCron', () => {
  it('accepts five and six fields and explains a bad one', () => {
    expect(checkCron('0 8 * * *')).toEqual({ ok: true });
    expect(checkCron('0 0 8 * * 1-5')).toEqual({ ok: true });
    const bad = checkCron('0 25 * * *');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/hour/);
  });
});

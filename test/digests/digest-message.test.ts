import { describe, expect, it } from 'vitest';
import { snapshotBriefing } from '../../src/core/diff-briefings.js';
import { composeDigest } from '../../src/digests/compose-digest.js';
import { parseSince, renderDigestForCli } from '../../src/digests/render-digest-for-cli.js';
import { renderText } from '../../src/render/render-text.js';
import { dayOne, dayTwo, makeBriefing } from './support/briefing-fixture.js';

const topic = (spec = dayTwo): { title: string; briefing: ReturnType<typeof makeBriefing> } => ({ title: 'North Korean troops in Russia', briefing: makeBriefing(spec) });
const yesterday = snapshotBriefing(makeBriefing(dayOne), '2024-10-20T05:00:00.000Z');
const now = new Date('2024-10-29T05:00:00Z');

describe('the digest message', () => {
  it('leads with what changed: "North Korean troops estimate: 10,000, up from 3,000 — Pentagon"', () => {
    const digest = composeDigest(topic(), yesterday, { timeZone: 'Europe/Kyiv', quietWhenUnchanged: false, now });
    const text = renderText(digest.message!);
    expect(text).toContain('== Digest: North Korean troops in Russia ==');
    expect(text).toContain('Since Sun, 20 Oct 2024, 08:00 (Europe/Kyiv) · 1 new article · 1 new or revised figure · 1 new key point');
    expect(text).toContain('North Korean troops estimate: 10,000, up from 3,000 — Pentagon');
    expect(text).toContain('The Pentagon says some troops have moved toward the Kursk region.');
    expect(text).toMatch(/New articles:\n\[3\] Pentagon raises estimate · AP · 2024-10-28/);
    expect(text.indexOf('New and revised figures')).toBeLessThan(text.indexOf('Key numbers'));
    expect(text).toMatch(/Key numbers:\n- North Korean troops: Latest estimate: 10,000 — Pentagon \[3\]/);
    expect(text).toMatch(/Sources:\n\[1\] Troops arrive/);
    expect(digest.snapshot.takenAt).toBe(now.toISOString());
  });

  it('is one line when nothing changed, naming the last digest with news; nothing at all when quiet', () => {
    const previous = snapshotBriefing(makeBriefing(dayTwo), '2024-10-28T05:00:00.000Z');
    const digest = composeDigest(topic(), previous, { timeZone: 'Europe/Kyiv', quietWhenUnchanged: false, now });
    expect(renderText(digest.message!)).toBe('== Digest: North Korean troops in Russia ==\n\nNo new reporting since Mon, 28 Oct 2024, 07:00 (Europe/Kyiv).');
    expect(digest.snapshot).toBe(previous);
    expect(composeDigest(topic(), previous, { timeZone: 'UTC', quietWhenUnchanged: true, now }).message).toBeUndefined();
  });

  it('shows where the story stands when the channel never had a digest', () => {
    const text = renderText(composeDigest(topic(), undefined, { timeZone: 'UTC', quietWhenUnchanged: false, now }).message!);
    expect(text).toContain('Where the story stands · 3 articles · 1 key number');
    expect(text).not.toContain('New and revised figures');
    expect(text).toContain('Top points:');
  });
});

describe('renderDigestForCli', () => {
  it('treats articles published on or after --since as new', () => {
    const text = renderText(renderDigestForCli('Troops', makeBriefing(dayTwo), new Date('2024-10-28T00:00Z')));
    expect(text).toContain('North Korean troops estimate: 10,000, up from 3,000 — Pentagon');
    expect(text).toContain('1 new article');
  });

  it('counts undated articles as older: nothing says they are new', () => {
    const spec = { ...dayTwo, articles: dayTwo.articles.map((a) => (a.id === 'a3' ? { id: 'a3', title: 'Undated' } : a)) };
    expect(renderText(renderDigestForCli('Troops', makeBriefing(spec), new Date('2024-10-28T00:00Z')))).toMatch(/No new reporting since/);
  });

  it('without --since shows the current state, and parses --since in UTC', () => {
    expect(renderText(renderDigestForCli('Troops', makeBriefing(dayTwo)))).toContain('Where the story stands');
    expect(parseSince('2024-10-28')).toEqual(new Date('2024-10-28T00:00:00Z'));
    expect(parseSince('2024-10-28T08:30')).toEqual(new Date('2024-10-28T08:30:00Z'));
    expect(parseSince('2024-10-28T08:30+02:00')).toEqual(new Date('2024-10-28T06:30:00Z'));
    expect(parseSince('last week')).toMatchObject({ error: expect.stringMatching(/--since/) });
  });
});

describe('a digest on the size of the event', () => {
  it('reports a new value as sources differing, not as the size going down', async () => {
    const { buildBriefing } = await import('../../src/core/briefing.js');
    const first = buildBriefing([{ id: 'a', origin: 'a.md', published: '2031-03-01', text: 'A 6.3-magnitude earthquake struck the Alden valley on Monday, the national seismic service said.' }]);
    const later = buildBriefing([
      { id: 'a', origin: 'a.md', published: '2031-03-01', text: 'A 6.3-magnitude earthquake struck the Alden valley on Monday, the national seismic service said.' },
      { id: 'b', origin: 'b.md', published: '2031-03-02', text: 'A magnitude 6.1 earthquake hit the Alden valley early on Monday, the regional observatory said.' },
    ]);
    const digest = composeDigest({ title: 'Alden quake', briefing: later }, snapshotBriefing(first, '2031-03-01T12:00:00.000Z'), { timeZone: 'UTC', quietWhenUnchanged: false, now: new Date('2031-03-02T12:00:00Z') });
    const text = renderText(digest.message!);
    expect(text).toContain('magnitude estimate: 6.1; sources differ, earlier reported 6.3');
    expect(text).not.toContain('down from');
  });
});

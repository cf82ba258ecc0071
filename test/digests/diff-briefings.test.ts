import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { diffBriefings, snapshotBriefing, snapshotWithout } from '../../src/core/diff-briefings.js';
import { dayOne, dayTwo, makeBriefing } from './support/briefing-fixture.js';

const takenAt = '2024-10-20T08:00:00.000Z';

describe('diffBriefings', () => {
  it('reports a new article, the revised troop estimate and the new point against yesterday', () => {
    const changes = diffBriefings(snapshotBriefing(makeBriefing(dayOne), takenAt), makeBriefing(dayTwo));
    expect(changes.first).toBe(false);
    expect(changes.unchanged).toBe(false);
    expect(changes.newArticles.map((s) => s.articleId)).toEqual(['a3']);
    expect(changes.figures).toHaveLength(1);
    expect(changes.figures[0]).toMatchObject({ kind: 'estimate', direction: 'up', previous: { value: 3000, display: '3,000' }, entry: { value: 10000, speaker: 'Pentagon' } });
    expect(changes.newPoints.map((p) => p.text)).toEqual(['The Pentagon says some troops have moved toward the Kursk region.']);
  });

  it('says nothing changed when the briefing is the same', () => {
    const changes = diffBriefings(snapshotBriefing(makeBriefing(dayTwo), takenAt), makeBriefing(dayTwo));
    expect(changes).toMatchObject({ first: false, unchanged: true, newArticles: [], figures: [], newPoints: [] });
  });

  it('has no "changes" for a first digest, only the current state', () => {
    expect(diffBriefings(undefined, makeBriefing(dayOne))).toMatchObject({ first: true, unchanged: false, newArticles: [], figures: [] });
  });

  it('reports a quantity it never gave before as new, and a lower value as down', () => {
    const before = makeBriefing(dayTwo);
    const after = makeBriefing({
      ...dayTwo,
      articles: [...dayTwo.articles, { id: 'a4', published: '2024-11-02' }],
      figures: [
        ...dayTwo.figures,
        { quantity: 'troops', label: 'North Korean troops', value: 8000, speaker: 'Kyiv', articleId: 'a4' },
        { quantity: 'casualties', label: 'casualties', value: 40, articleId: 'a4', kind: 'claim' },
      ],
    });
    const changes = diffBriefings(snapshotBriefing(before, takenAt), after);
    expect(changes.figures.map((c) => [c.timeline.quantity, c.kind, c.direction])).toEqual([
      ['troops', 'estimate', 'down'],
      ['casualties', 'claim', 'new'],
    ]);
  });

  it('does not call an old sentence promoted into the key points a new point: new points need new reporting', () => {
    const before = snapshotBriefing(makeBriefing({ ...dayOne, points: dayOne.points.slice(0, 1) }), takenAt);
    expect(diffBriefings(before, makeBriefing(dayOne)).newPoints).toEqual([]);
  });

  it('keeps a snapshot small and JSON-able', () => {
    const snapshot = snapshotBriefing(makeBriefing(dayTwo), takenAt);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot).toEqual({
      version: 1,
      takenAt,
      articleIds: ['a1', 'a2', 'a3'],
      figures: { 'troops||estimate': { value: 10000, display: '10,000', speaker: 'Pentagon' } },
      keyPoints: dayTwo.points.map((p) => p.text),
    });
  });
});

describe('snapshotWithout', () => {
  it('reconstructs what a briefing said before some articles arrived', () => {
    const snapshot = snapshotWithout(makeBriefing(dayTwo), new Set(['a3']), takenAt);
    expect(snapshot.articleIds).toEqual(['a1', 'a2']);
    expect(snapshot.figures['troops||estimate']?.value).toBe(3000);
    expect(snapshot.keyPoints).toHaveLength(2);
  });
});

describe('a denial reversed since the last digest', () => {
  it('reports the folded point as new, though its denial was shown before', () => {
    const denied = { id: 'a', origin: 'a.md', published: '2031-03-03', text: 'Both Norland and the Brill Company have denied reports that the convoy crossed into Alden, calling them baseless. The rains over the Alden valley eased on day one.' };
    const confirmed = { id: 'b', origin: 'b.md', published: '2031-03-05', text: 'The rains over the Alden valley eased on day two. On Tuesday, however, Norland President Ana Vell confirmed that the Brill Company convoy had crossed into Alden.' };
    const before = buildBriefing([denied]);
    const after = buildBriefing([denied, confirmed]);
    expect(after.keyPoints.some((p) => p.then)).toBe(true);
    const changes = diffBriefings(snapshotBriefing(before, takenAt), after);
    expect(changes.newPoints.map((p) => p.then?.text)).toContain('On Tuesday, however, Norland President Ana Vell confirmed that the Brill Company convoy had crossed into Alden.');
    // Against the same two articles, nothing is new.
    expect(diffBriefings(snapshotBriefing(after, takenAt), after).newPoints).toEqual([]);
  });
});

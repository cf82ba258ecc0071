/** How long the brief is: what it leaves out when its points, numbers and sources would run past its words. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article, KeyPoint } from '../../src/core/types.js';
import { briefWords, renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';
import { renderDigestMessage } from '../../src/render/digest-message.js';
import { makeBriefing } from '../digests/support/briefing-fixture.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
/** A point of 30 words, told apart by its first word. */
const longPoint = (name: string): string => `${name} said the crews worked through the night along the river road to clear the fallen trees and the mud from the bridge before the morning traffic could return to it again.`;
const names = ['Ana', 'Brill', 'Corran', 'Dell', 'Esk', 'Fenn', 'Gale', 'Hart', 'Isla', 'Joss', 'Kessa', 'Lorn', 'Mara', 'Nell', 'Orla', 'Pell', 'Quist', 'Rook'];

/** A briefing of `count` long points whose `keep` ranks are given (the lowest goes first). */
function briefingOf(count: number, keep: (i: number) => number) {
  const b = makeBriefing({ articles: [{ id: 'a', source: 'Alden Courier', published: '2031-03-03' }], points: names.slice(0, count).map((n) => ({ text: longPoint(n), articles: ['a'] })) });
  return { ...b, keyPoints: b.keyPoints.map((p, i): KeyPoint => ({ ...p, keep: keep(i) })) };
}

describe('a brief that would run long', () => {
  // Keep ranks out of order: the points to go are 2, 5, 8, … (lowest keep), not the last ones.
  const keep = (i: number): number => (i % 3 === 2 ? i : 100 + i);
  const briefing = briefingOf(18, keep);
  const text = renderText(renderBriefingMessage('Alden floods', briefing));

  it(`is held to ${briefWords} words, points, numbers and sources together`, () => {
    expect(words(renderText(renderBriefingMessage('Alden floods', briefing, Infinity)))).toBeGreaterThan(briefWords);
    expect(words(text)).toBeLessThanOrEqual(briefWords);
  });

  it('leaves out the points a shorter brief keeps least, and shows the rest in their order', () => {
    const shown = names.filter((n) => text.includes(`${n} said`));
    expect(shown.length).toBeGreaterThan(3);
    const left = names.slice(0, 18).filter((n) => !shown.includes(n));
    // Every point left out ranks below every point shown.
    const rank = (n: string): number => keep(names.indexOf(n));
    for (const l of left) for (const s of shown) expect(rank(l)).toBeLessThan(rank(s));
    expect(left).toContain('Corran');
    const at = shown.map((n) => text.indexOf(`${n} said`));
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it('keeps every point when the brief fits, and never fewer than three when it cannot', () => {
    const short = renderText(renderBriefingMessage('Alden floods', briefingOf(4, (i) => i)));
    expect(names.slice(0, 4).every((n) => short.includes(`${n} said`))).toBe(true);
    const tight = renderText(renderBriefingMessage('Alden floods', briefingOf(6, (i) => i), 40));
    expect(names.slice(0, 6).filter((n) => tight.includes(`${n} said`))).toEqual(['Dell', 'Esk', 'Fenn']);
  });
});

describe('how long a point is kept (KeyPoint.keep)', () => {
  const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });
  const briefing = buildBriefing([
    article('a', 'Rescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', '2031-03-02'),
    article('b', 'Engineers from the Brill institute said a blocked culvert under the Marlow road caused the flooding.\nVolunteers from Corran brought boats to the flooded streets of the old town.', '2031-03-03'),
    article('c', 'Mayor Ana Vell said the Kettle Ford bridge would stay closed until inspectors from Tallis had checked it.\nThe regional council said on Wednesday that the shelters in the Marlow school gymnasium were full.', '2031-03-04'),
  ]);

  it('ranks every point of a brief apart from the others', () => {
    expect(briefing.keyPoints.length).toBeGreaterThan(2);
    const ranks = briefing.keyPoints.map((p) => p.keep);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const r of ranks) expect(r).toBeGreaterThanOrEqual(0);
  });
});

describe('the top points of a digest', () => {
  it('are the five a shorter brief keeps longest, in the brief\'s order', () => {
    const keep = (i: number): number => [3, 9, 1, 8, 7, 0, 6, 2][i]!;
    const briefing = briefingOf(8, keep);
    const text = renderText(renderDigestMessage({ topicTitle: 'Alden floods', briefing, changes: { first: true, newArticles: [], figures: [], newPoints: [], unchanged: false }, timeZone: 'UTC' }));
    const top = text.slice(text.indexOf('Top points:'));
    expect(names.slice(0, 8).filter((n) => top.includes(`${n} said`))).toEqual(['Ana', 'Brill', 'Dell', 'Esk', 'Gale']);
  });
});

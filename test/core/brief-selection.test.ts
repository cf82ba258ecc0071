/** What the brief's points leave to Key numbers, and how long the brief is: rules on sentences of an invented story. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });

describe('a point that only restates a number Key numbers shows', () => {
  const articles = [
    article('a', 'The death toll from the Alden floods rose to 12 on Monday, officials said.\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.', '2031-03-02'),
    article('b', 'The death toll from the Alden floods rose to 30 on Tuesday.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', '2031-03-03'),
    article(
      'c',
      'The death toll from the Alden floods has risen to 41, officials said on Wednesday.\nEngineers from the Brill institute found that a blocked culvert under the Marlow road caused the flooding that killed 12 people in Kettle Ford.',
      '2031-03-04',
    ),
  ];
  const briefing = buildBriefing(articles);

  it('is left to Key numbers: "the toll has risen to 41, officials said" is no point', () => {
    const deaths = briefing.timelines.find((t) => t.measure === 'deaths');
    expect(deaths?.latest.estimate?.value).toBe(41);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/toll/);
  });

  it('stays a point when it says more than the number: a cause beside a figure of the series', () => {
    expect(briefing.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/blocked culvert/));
  });
});

describe('a sentence led by the quantity it gives', () => {
  // The third article's toll sentence adds colour (hopes fading for the missing) but opens with the toll: Key numbers says it.
  const articles = [
    article('a', 'Officials said 12 people had died in the Alden floods.\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.', '2031-03-02'),
    article('b', 'Officials said 30 people had died in the Alden floods.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', '2031-03-03'),
    article('c', 'The death toll from the Alden floods climbed to 41 on Wednesday, with hopes fading for those still missing.\nEngineers from the Brill institute said a blocked culvert under the Marlow road caused the flooding.', '2031-03-04'),
  ];
  const briefing = buildBriefing(articles);

  it('is left to Key numbers even with a few words of colour', () => {
    expect(briefing.timelines.find((t) => t.measure === 'deaths')?.latest.estimate?.value).toBe(41);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/hopes fading/);
  });

  it('is left to Key numbers after an introduction of source or time, and a live page\'s update label', () => {
    for (const opening of ['According to reports from Wednesday (4 March), the', 'Update 2031-03-04 (3): On Wednesday, the']) {
      const introduced = buildBriefing([...articles.slice(0, 2), article('c', `${opening} death toll from the Alden floods climbed to 41, with hopes fading for those still missing.\nEngineers from the Brill institute said a blocked culvert under the Marlow road caused the flooding.`, '2031-03-04')]);
      expect(introduced.timelines.find((t) => t.measure === 'deaths')?.latest.estimate?.value).toBe(41);
      expect(introduced.keyPoints.length).toBeGreaterThan(0);
      for (const p of introduced.keyPoints) expect(p.text).not.toMatch(/hopes fading/);
    }
  });

  it('stays a point when the same words are not led by the quantity', () => {
    const led = buildBriefing([...articles.slice(0, 2), article('c', 'Hopes were fading for those still missing on Wednesday as the death toll from the Alden floods climbed to 41.', '2031-03-04')]);
    expect(led.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/hopes were fading/i));
  });
});

describe('two points that give the same value of one measure', () => {
  // "900 feared dead" twice, in other words and for another scope: one fact, said once.
  const briefing = buildBriefing([
    article('a', 'As many as 900 people are feared dead after floods swept away whole streets of Alden, as storm Kessa struck.\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.', '2031-03-02'),
    article('b', 'In a radio interview on Monday, Mayor Ana Vell said that 900 were feared dead in the eastern district of Marlow, and hundreds more were missing.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', '2031-03-03'),
    article('c', 'Officials said 1,200 people had died in the Alden floods.\nEngineers said a blocked culvert under the Marlow road caused the flooding.', '2031-03-04'),
  ]);

  it('are one point: the value is said once by a point, and in Key numbers', () => {
    expect(briefing.timelines.filter((t) => t.measure === 'deaths' && t.entries.some((e) => e.value === 900)).length).toBeGreaterThan(0);
    expect(briefing.keyPoints.filter((p) => p.text.includes('900'))).toHaveLength(1);
  });
});

describe('points that give different values of one measure', () => {
  // Three magnitudes of one quake, each with colour of its own: Key numbers shows the values side by side.
  const briefing = buildBriefing([
    article('a', 'A quake of magnitude 7.1 struck the Corran valley before dawn on Monday, waking the towns of Tallis and Orla.\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.', '2031-03-02'),
    article('b', 'The Norland geological office put the magnitude of the Corran valley quake at 6.8, near the mining towns of Tallis and Orla.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', '2031-03-03'),
    article('c', 'A magnitude 7.3 quake hit the Corran valley on Monday, the Kessa observatory said, shaking windows as far away as Marlow.\nEngineers said a blocked culvert under the Marlow road flooded the lower town.', '2031-03-04'),
  ]);

  it('are one point: the history of a number is told once, in Key numbers', () => {
    const magnitude = briefing.timelines.find((t) => t.measure === 'magnitude');
    expect(magnitude?.entries.map((e) => e.value).sort()).toEqual([6.8, 7.1, 7.3]);
    expect(briefing.keyPoints.filter((p) => /\b(?:7\.1|6\.8|7\.3)\b/.test(p.text))).toHaveLength(1);
    // What only the other sentences say is still there.
    expect(briefing.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/blocked culvert/));
  });
});

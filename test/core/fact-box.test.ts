/**
 * The key numbers read as a wire editor's fact box: each series one measure of one place or
 * party, parts and additions kept out of totals, earlier values marked by the words that call
 * them earlier, speakers named whole. Every sentence here is invented.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article, Briefing, FigureTimeline } from '../../src/core/types.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({ id, origin: `${id}.md`, text, ...extra });
const brief = (...texts: string[]): Briefing => buildBriefing(texts.map((t, i) => article(String.fromCharCode(97 + i), t)));
const series = (b: Briefing, label: string): FigureTimeline | undefined => b.timelines.find((t) => t.label === label);
const valuesOf = (t: FigureTimeline | undefined): number[] => (t ? t.entries.map((e) => e.value) : []);

describe('fact box: places', () => {
  it('scopes a count to the place after it, though a lowercase word follows ("in Alden so far")', () => {
    const b = brief('Officials say nine storm deaths have been reported in Alden so far.', 'The storm killed 30 people.');
    expect(valuesOf(series(b, 'deaths in Alden'))).toEqual([9]);
    expect(valuesOf(series(b, 'deaths'))).toEqual([30]);
  });

  it('scopes "in the coastal city of Alden" and "in neighboring Brill" to the place', () => {
    const b = brief('About 700 people were feared dead in the coastal city of Alden.', 'Almost 90 deaths have been confirmed in neighboring Brill.', 'The floods killed 800 people.');
    expect(valuesOf(series(b, 'deaths in Alden'))).toEqual([700]);
    expect(valuesOf(series(b, 'deaths in Brill'))).toEqual([90]);
    expect(valuesOf(series(b, 'deaths'))).toEqual([800]);
  });

  it('reads a breakdown line\'s place into "in the state", and keeps an unnamed state out of the total', () => {
    const b = brief('Norland: Gov. Ana Vell said at least 11 people had died in the state.', 'Gov. Sami Brill said the storm killed four people in the state.', 'The storm has killed 60 people.');
    expect(valuesOf(series(b, 'deaths in Norland'))).toEqual([11]);
    expect(valuesOf(series(b, 'deaths'))).toEqual([60]);
  });

  it('gives the second of two places in one sentence its own count ("1,204 in Alden and 380 in Brill")', () => {
    const b = brief('Officials said 1,204 people had died in Alden and 380 in Brill from the March 2 tremor, bringing the confirmed total to 1,584.');
    expect(valuesOf(series(b, 'deaths in Alden'))).toEqual([1204]);
    expect(valuesOf(series(b, 'deaths in Brill'))).toEqual([380]);
    expect(valuesOf(series(b, 'deaths'))).toEqual([1584]);
  });

  it('keeps a count for part of a place ("in parts of Alden") out of every series', () => {
    const b = brief('At least 14 people died in northern parts of Alden, officials said.', 'The quake killed 300 people.');
    expect(b.timelines.flatMap((t) => t.entries.map((e) => e.value))).not.toContain(14);
  });

  it('folds the story\'s one setting into the unplaced series: "deaths in Alden" in a story about Alden', () => {
    const articles = [
      article('a', 'The floods killed 40 people in Alden.', { title: 'Alden floods kill 40' }),
      article('b', 'The toll rose to 90 deaths, officials said.', { title: 'Alden toll rises' }),
      article('c', 'The floods have now killed 120 people.', { title: 'Floods in Alden: 120 dead' }),
    ];
    const b = buildBriefing(articles);
    expect(series(b, 'deaths in Alden')).toBeUndefined();
    expect(valuesOf(series(b, 'deaths'))).toEqual([40, 90, 120]);
  });

  it('scopes a county office\'s count to the county, and reads "for the county"', () => {
    const b = brief('The Hill County Sheriff\'s Office revised the death toll down to 25, having earlier reported 30 deaths.', 'County officials now defer to a state tally of 25 deaths for the county, Hill County said.');
    const county = series(b, 'deaths in Hill County');
    expect(county?.latest.estimate?.value).toBe(25);
    expect(county?.entries.find((e) => e.value === 30)?.superseded).toBe(true);
  });
});

describe('fact box: totals, parts and changes', () => {
  it('takes "two of five deaths" as part of the five, never a value of its own', () => {
    const b = brief('Drowning accounted for at least two of five deaths reported in Alden.');
    expect(valuesOf(series(b, 'deaths in Alden'))).toEqual([5]);
  });

  it('keeps "11 additional deaths" out of the level of deaths', () => {
    const b = brief('The storm has killed 50 people.', 'Officials announced 11 additional deaths on Sunday.');
    expect(valuesOf(series(b, 'deaths'))).toEqual([50]);
  });

  it('reads the largest of one sentence\'s unplaced values as the total, the others as parts', () => {
    const b = brief('Losses reached $3 million, with one sector losing about $1 million of it.');
    expect(valuesOf(series(b, 'cost'))).toEqual([3e6]);
  });

  it('keeps a threshold and a count of things out of a magnitude series', () => {
    const b = brief('The quake had a magnitude of 6.1.', 'There had been over 100 aftershocks with magnitudes of 4 or more.');
    expect(valuesOf(series(b, 'magnitude'))).toEqual([6.1]);
  });

  it('reads "a father of three" as no figure', () => {
    const b = brief('Rescuers searched for six workers missing after the collapse.', 'Family members identified one of the missing workers as Ana Vell, a father of three who has lived in Alden for 19 years.');
    expect(valuesOf(b.timelines.find((t) => t.measure === 'missing'))).toEqual([6]);
  });

  it('keeps things apart by what they are: dams destroyed are not homes destroyed', () => {
    const b = brief('The floods destroyed two dams upstream.', 'Officials said 400 homes were destroyed.');
    const destroyed = b.timelines.filter((t) => t.measure === 'destroyed').map(valuesOf);
    expect(destroyed).toEqual(expect.arrayContaining([[2], [400]]));
  });

  it('pools no unmeasured "people": the treated and the sheltering are two things', () => {
    const b = brief('More than 400 people were still being treated in hospitals.', 'More than 2,500 people taking refuge in temporary shelters were counted.');
    expect(b.timelines.some((t) => t.entries.length > 1 && valuesOf(t).includes(400) && valuesOf(t).includes(2500))).toBe(false);
  });
});

describe('fact box: amounts and who bears them', () => {
  it('keys an amount by the company that bears it, and leaves a per-company average out', () => {
    const b = brief('The outage led to a collective loss of $900 million.', 'Norcorp incurred a $50 million loss from the outage.', 'The average loss per affected company was about $4 million.');
    expect(valuesOf(series(b, 'loss for Norcorp'))).toEqual([50e6]);
    expect(valuesOf(series(b, 'cost'))).toEqual([900e6]);
    expect(b.timelines.flatMap((t) => t.entries.map((e) => e.value))).not.toContain(4e6);
  });
});

describe('fact box: what a number measures', () => {
  it('labels a share by what it is a share of', () => {
    const b = brief('The fault affected less than 1 percent of computers on the network, Norcorp said.');
    expect(b.timelines[0]?.label).toBe('share of computers affected');
  });

  it('reads the relative clause on "the number of people": "who were evacuated from the affected areas"', () => {
    const b = brief('It confirmed that the number of people who were evacuated from the affected areas reached 5,200 people.');
    expect(b.timelines[0]?.label).toBe('people evacuated');
  });

  it('keys "cost the airline" to the speaker\'s airline, and a sector\'s loss to the sector', () => {
    const b = brief(
      'The chief executive of Alden Air says the outage has cost the airline as much as $40 million.',
      'Alden Air reported a financial hit of approximately $45 million.',
      'The outage cost businesses $900 million, with the retail sector losing about $200 million.',
    );
    expect(valuesOf(b.timelines.find((t) => t.quantity.includes('alden air')))).toEqual([40e6, 45e6]);
    expect(b.timelines.find((t) => t.label.includes('retail sector'))).toBeDefined();
  });
});

describe('fact box: earlier values', () => {
  it('gives "previously reported" to the number it governs, not to the one after it', () => {
    const b = brief('Hill County officials, who previously reported 30 deaths, now count 25 deaths for the county.');
    const t = series(b, 'deaths in Hill County');
    expect(t?.entries.find((e) => e.value === 25)?.superseded).toBe(false);
    expect(t?.entries.find((e) => e.value === 30)?.superseded).toBe(true);
  });

  it('reads "instead of" and a sentence opening "Earlier," as earlier values', () => {
    const b = brief('The agency said at least 300 people have died, instead of 900 as reported before.', 'Earlier, the agency said 900 people were dead.');
    const t = series(b, 'deaths');
    expect(t?.entries.find((e) => e.value === 900)?.superseded).toBe(true);
    expect(t?.latest.estimate?.value).toBe(300);
  });

  it('does not place an article before another for a value it knows was replaced', () => {
    // b tells of the revision (300 for 900) that a reports: b is no older than a for reporting 900.
    const b = buildBriefing([
      article('a', 'The agency has amended the death toll, saying at least 300 people have died instead of 900 as was before reported.', { published: '2031-05-09' }),
      article('b', 'Confusion emerged after the agency announced 900 dead and 100 missing. In a later report, the agency cited figures that 300 people had died.'),
    ]);
    expect(b.index.articleRank.get('b')).toBeGreaterThan(b.index.articleRank.get('a')!);
  });
});

describe('fact box: when', () => {
  it('reads "on Monday" against the article\'s date: the Monday on or before it', () => {
    // 2031-03-04 is a Tuesday.
    const b = buildBriefing([article('a', 'The ministry said on Monday that 41 people were killed.', { published: '2031-03-04' })]);
    expect(b.figures[0]?.when).toBe('Monday (3 Mar)');
    const undated = buildBriefing([article('a', 'The ministry said on Monday that 41 people were killed.')]);
    expect(undated.figures[0]?.when).toBe('Monday');
  });
});

describe('fact box: speakers', () => {
  it('keeps a name particle ("Sami al-Vell") and cuts an acronym bracket whole', () => {
    const b = brief('Sami al-Vell, a spokesperson for the army, said 40 people were missing.', 'In Alden alone, 700 people died, the Disaster Authority [DA] said on Friday.');
    const speakers = b.figures.map((f) => f.speaker);
    expect(speakers).toContain('Sami al-Vell');
    expect(speakers).toContain('Disaster Authority');
  });

  it('names the speaker only, when the apposition after the name is cut short', () => {
    const b = brief('Ana Vell, head of the Alden-based agency\'s rapid response, said 40 buildings were destroyed.');
    expect(b.figures[0]?.speaker).toBe('Ana Vell');
  });

  it('takes no speaker from inside a relative clause ("the county that includes Alden acknowledged")', () => {
    const b = brief('The county that includes Alden acknowledged that it had overcounted deaths by 30.');
    expect(b.figures[0]?.speaker).toBe('');
  });
});

describe('answers and scope', () => {
  const b = buildBriefing([
    article('a', 'The storm has killed 120 people across at least five states, officials said.', { published: '2031-07-01' }),
    article('b', 'The statewide death toll in Norland now stands at 96, officials said.\nThe 1999 storm killed at least 900 people.', { published: '2031-07-03' }),
  ]);

  it('answers "in all" with the total, not a later count for one state', () => {
    expect(answerQuestion('what is the latest death toll across all the states?', b).answer).toMatch(/^120\b/);
  });

  it('never answers with an earlier event\'s figure', () => {
    expect(answerQuestion('how many people did the storm kill?', b).answer).toMatch(/^120\b/);
  });
});

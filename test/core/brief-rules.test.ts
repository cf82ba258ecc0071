/** Rules of the brief on sentences of an invented story: what counts, who said it, what is latest, what is never a point. */
import { describe, expect, it } from 'vitest';
import { numberMentions } from '../../src/core/ask/number-mentions.js';
import { buildBriefing } from '../../src/core/briefing.js';
import { dependent, sentenceFeatures } from '../../src/core/sentence-features.js';
import type { Article } from '../../src/core/types.js';
import { renderBriefingMessage, renderNumbersMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({ id, origin: `${id}.md`, text, ...extra });
const deathsOf = (articles: readonly Article[]) => buildBriefing(articles).timelines.find((t) => t.measure === 'deaths');

describe('who gave a figure', () => {
  it('is not the speaker of the clause before ", while": "…, the agency said on Friday, while the toll in Corran was 90"', () => {
    const { figures } = buildBriefing([
      article('a', "In Norland alone, 440 people died in the quake, the country's Disaster Relief Agency said on Friday, while the latest announced death toll in Corran was 90."),
    ]);
    expect(figures.find((f) => f.value === 440)?.speaker).toMatch(/Disaster Relief Agency/);
    expect(figures.find((f) => f.value === 90)?.speaker).toBe('');
    const both = buildBriefing([article('a', "In Norland alone, 440 people died in the quake, the country's Disaster Relief Agency said, while the toll in Corran was 90, the Corran Health Ministry said.")]);
    expect(both.figures.find((f) => f.value === 90)?.speaker).toMatch(/Corran Health Ministry/);
  });
});

describe('a part of an amount', () => {
  it('is "which includes a $380 million …" and "an offset of $50 million", never the latest value of the total', () => {
    const briefing = buildBriefing([
      article('a', 'Brill Air said the outage cost it approximately $550 million.', { published: '2031-03-02' }),
      article(
        'b',
        'Brill Air outlined the financial impact of the outage in a filing on Thursday, which includes a $380 million hit to revenue.\nThe airline noted a slight offset of $50 million in fuel bills.',
        { published: '2031-03-03' },
      ),
    ]);
    const parts = briefing.figures.filter((f) => f.value === 380e6 || f.value === 50e6);
    expect(parts).toHaveLength(2);
    for (const f of parts) expect(f.quantity).toMatch(/ part$/);
    const cost = briefing.timelines.find((t) => t.measure === 'cost');
    expect(cost?.latest.estimate?.value).toBe(550e6);
  });
});

describe('a count before ", and <verb> another …"', () => {
  it('takes no measure from the coordinated clause after it: "scrapped a third of its flights for a total of 900, and delayed another 300"', () => {
    const mentions = numberMentions('Brill Air has scrapped a third of scheduled flights for a total of 900 since Friday, and delayed another 300.');
    const total = mentions.find((m) => m.value === 900);
    expect(total).toBeDefined();
    expect(total?.measure?.id).not.toBe('delayed');
    const { timelines } = buildBriefing([article('a', 'Brill Air has struck a third of scheduled flights for a total of 900 since Friday, and delayed another 300.')]);
    expect(timelines.find((t) => t.measure === 'delayed' && t.entries.some((e) => e.value === 900))).toBeUndefined();
  });
});

describe('a value from before the event', () => {
  it('is background, never a key number: "It was valued at $40 billion before the outage"', () => {
    const { timelines, figures } = buildBriefing([
      article('a', 'Norcorp shares fell sharply on Monday. It was valued at approximately $40 billion before the outage.\nThe firm is now valued at $31 billion, analysts said.'),
    ]);
    expect(figures.some((f) => f.value === 40e9)).toBe(true);
    const value = timelines.find((t) => t.measure === 'value');
    expect(value?.entries.map((e) => e.value)).toEqual([31e9]);
  });
});

describe('a running total since a year', () => {
  it('is background to a story with numbers of its own: no Key numbers line ("over $40 billion since 2029"), still in /numbers', () => {
    const briefing = buildBriefing([
      article('a', 'Brill has sent Corran aid worth over $40 billion since the war began in 2029, officials said.\nThe Corran army lost 40 tanks in the fighting on Monday, its ministry said.', { published: '2031-03-02' }),
      article('b', 'The Corran army has now lost 55 tanks in the fighting, its ministry said on Tuesday.', { published: '2031-03-03' }),
    ]);
    expect(briefing.timelines.some((t) => t.entries.some((e) => e.since === 'since 2029'))).toBe(true);
    const brief = renderText(renderBriefingMessage('Corran', briefing));
    expect(brief).toContain('55');
    expect(brief.slice(brief.indexOf('Key numbers'))).not.toContain('$40 billion');
    expect(renderText(renderNumbersMessage('Corran', briefing))).toContain('$40 billion since 2029');
  });
});

describe('a count in words that opened its sentence', () => {
  it('reads in lower case in Key numbers: "people rescued: two", not "Two"', () => {
    const briefing = buildBriefing([
      article('a', 'Four people died when the Alden bridge fell, officials said. Two people were rescued from the river, officials said.', { published: '2031-03-02' }),
      article('b', 'Six people died when the Alden bridge fell, the Alden police said. Two people were rescued from the river after the bridge fell, the police said.', { published: '2031-03-03' }),
    ]);
    const numbers = renderText(renderBriefingMessage('Alden', briefing)).split('Key numbers:')[1] ?? '';
    expect(numbers).toMatch(/rescued: two\b/);
    expect(numbers).not.toMatch(/\bTwo\b/);
  });
});

describe('a point with a count in words', () => {
  it('never cites a sentence with another count: "Four people died" is not supported by "Six people died"', () => {
    const briefing = buildBriefing([
      article('a', 'Four people died when the Alden bridge fell, officials said.', { published: '2031-03-02' }),
      article('b', 'Six people died when the Alden bridge fell, officials said.', { published: '2031-03-03' }),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) {
      const count = /\b(?:Four|Six)\b/.exec(p.text)?.[0];
      for (const c of p.citations) expect(c.quote).toContain(count ?? '');
    }
  });
});

describe('a body that speaks', () => {
  it('is "the Brill Helpers rescue team" and "a group of Norland data analysts": a named body with its role word', () => {
    const { figures } = buildBriefing([
      article('a', 'The death toll in the Corran valley rose to 211 and 419 others were injured, the Brill Helpers rescue team said in a tweet.'),
      article('b', 'A group of Norland data analysts and researchers also said there were about 400 confirmed deaths as of Saturday.'),
    ]);
    expect(figures.find((f) => f.value === 211)?.speaker).toBe('Brill Helpers rescue team');
    expect(figures.find((f) => f.value === 400)?.speaker).toMatch(/group of Norland data analysts/);
  });
});

describe('a count over places', () => {
  it('leads with how widely the latest value was counted: "90 deaths in six counties", and no scope it does not say', () => {
    const articles = [
      article('a', 'The death toll from the Alden floods rose to 41 on Monday, officials said.', { published: '2031-03-02' }),
      article('b', 'The death toll from the Alden floods has risen to 90 in six counties, officials said on Tuesday.', { published: '2031-03-03' }),
    ];
    const deaths = deathsOf(articles);
    expect(deaths?.latest.estimate?.scope).toBe('in six counties');
    const latest = (text: string) => text.slice(text.indexOf('Latest:'), text.indexOf('Key points:'));
    expect(latest(renderText(renderBriefingMessage('Floods', buildBriefing(articles))))).toMatch(/90 deaths in six counties\b.*up from 41/);
    const across = buildBriefing([articles[0]!, article('b', 'At least 90 people across six counties have died in the Alden floods, officials said on Tuesday.', { published: '2031-03-03' })]);
    expect(latest(renderText(renderBriefingMessage('Floods', across)))).toMatch(/90 deaths across six counties/);
    // "in Kettle Ford" is a place, not a count of places; "in two hours" no scope at all.
    const place = deathsOf([article('a', 'The death toll from the Alden floods has risen to 90 in two hours, officials said.')]);
    expect(place?.latest.estimate?.scope).toBeUndefined();
  });

  it('reads "risen to 90 in six counties" as 90 deaths, not a ratio; "one in four" stays a ratio', () => {
    const deaths = deathsOf([article('a', 'The death toll from the Alden floods has risen to 90 in six counties, officials said on Monday.')]);
    expect(deaths?.entries.map((e) => e.value)).toEqual([90]);
    const [ratio] = numberMentions('One in four Norcorp customers were affected by the outage.');
    expect(ratio?.role).toBe('ratio');
  });

  it('takes the speaker of "according to a tally by X", and never the "US" of "six US states"', () => {
    const deaths = deathsOf([article('a', 'The death toll from the Alden floods has risen to 90 in six US states, according to a tally by the Brill Post on Monday.')]);
    expect(deaths?.latest.estimate?.speaker).toBe('Brill Post');
    const unattributed = deathsOf([article('a', 'The death toll from the Alden floods has risen to 90 in six US states on Monday.')]);
    expect(unattributed?.latest.estimate?.speaker).toBe('');
  });
});

describe('a rounded restatement', () => {
  const articles = [
    article('a', 'Officials in Rivertown said 47 people died in the floods.', { published: '2031-03-03' }),
    article('b', 'More than 40 people died in the Rivertown floods last week, and the cleanup goes on.', { published: '2031-03-09' }),
  ];

  it('keeps the earlier exact value as the latest: "more than 40" after 47 is no revision down', () => {
    expect(deathsOf(articles)?.latest.estimate?.value).toBe(47);
    const text = renderText(renderBriefingMessage('Rivertown floods', buildBriefing(articles)));
    expect(text).not.toMatch(/down from/);
  });

  it('still takes a lower exact value as a revision down', () => {
    const revised = [articles[0]!, article('b', 'Officials in Rivertown revised the death toll down to 41.', { published: '2031-03-09' })];
    expect(deathsOf(revised)?.latest.estimate?.value).toBe(41);
  });
});

describe('text cut off mid-sentence', () => {
  it('is never a key point while whole sentences are left', () => {
    const briefing = buildBriefing([
      article('a', ['The Alden river burst its banks on Sunday after three days of heavy rain in the hills.', 'Rescuers from Brill joined the search for missing residents across the valley on Monday.', 'More than 40 people across the valley were killed as the river rose thro'].join('\n')),
      article('b', 'Rescuers from Brill joined the search for missing residents on Monday as the Alden river fell.'),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/thro$/);
  });
});

describe('measures read from a phrase', () => {
  const measureOf = (text: string) => buildBriefing([article('a', text)]).figures.map((f) => [f.value, f.measure]);

  it('reads "took the lives of" and "lost their lives" as deaths', () => {
    expect(measureOf('The flood in Alden took the lives of 41 people, the Rivertown health office said.')).toContainEqual([41, 'deaths']);
    expect(measureOf('At least 30 people lost their lives when the Alden dam failed.')).toContainEqual([30, 'deaths']);
  });

  it('never reads "live" as deaths: "12,000 people in five provinces live in areas affected"', () => {
    const figures = buildBriefing([article('a', 'The agency estimated that 12,000 people in five provinces live in areas affected by the Alden floods.')]).figures;
    expect(figures.some((f) => f.measure === 'deaths')).toBe(false);
  });

});

describe('an article the corroborated picture leaves uncited', () => {
  it('still gives a point of what only it reports', () => {
    const shared = [
      'The Alden river burst its banks on Sunday night after three days of heavy rain in the hills above the town.',
      'Rescue teams from Brill and Rivertown searched the flooded streets of Alden for residents trapped in their homes.',
      'The regional governor declared a state of emergency across the Alden valley on Monday morning.',
    ];
    const briefing = buildBriefing(
      [
        article('a', shared.join('\n'), { published: '2031-03-01' }),
        article('b', 'Engineers at the Norcorp waterworks said a cracked sluice gate upstream had released the surge that reached the town first.', { published: '2031-03-02' }),
        article('c', shared.join('\n'), { published: '2031-03-03' }),
        article('d', shared.map((s) => s.replace('Alden', 'the Alden')).join('\n'), { published: '2031-03-04' }),
      ],
      { keyPoints: { maxPoints: 4, maxWords: 80 } },
    );
    expect(briefing.keyPoints.some((p) => p.citations.some((c) => c.articleId === 'b'))).toBe(true);
  });
});

describe('the size of an event', () => {
  it('reads "a 6.1-magnitude earthquake" and "a magnitude 6.1 quake" as the magnitude, and keeps "a second quake of magnitude 5.4" out of it', () => {
    const briefing = buildBriefing([
      article('a', 'A 6.1-magnitude earthquake struck the Alden valley early on Monday, the survey office said.\nAbout 12 hours later, a second earthquake of magnitude 5.4 hit the same region.', { published: '2031-03-03' }),
      article('b', 'The death toll from a magnitude 6.3 earthquake that struck the Alden valley has continued to rise.', { published: '2031-03-05' }),
    ]);
    const size = briefing.timelines.find((t) => t.measure === 'magnitude');
    expect(size?.entries.map((e) => e.value).sort()).toEqual([6.1, 6.3]);
  });
});

describe('a sentence that points back mid-way', () => {
  it('leans on the one before: "the point of that raid was …" weighs as a dependent sentence', () => {
    const flags = (text: string) => sentenceFeatures(text, 3).flags & dependent;
    expect(flags('Ana Vell said the point of that raid was to draw Corran units away from the east of the valley.')).toBe(dependent);
    expect(flags('Ana Vell said the point of the raid was to draw Corran units away from the east of the valley.')).toBe(0);
    expect(flags('Ana Vell said that the raid was meant to draw Corran units away from the east of the valley.')).toBe(0);
  });
});

describe('a sentence led by a pronoun', () => {
  it('is no point when nothing says who the pronoun is', () => {
    const briefing = buildBriefing([
      article('a', ['Mayor Tom Brill said the Alden bridge would stay closed until engineers from Norcorp had inspected it.', 'He added that there were other complications, including a lack of spare parts for the pumps in Rivertown.'].join(' ')),
      article('b', 'He added that there were other complications, including a lack of spare parts for the pumps in Rivertown, on Monday.'),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/^He\b/);
  });
});

describe('a sentence led by a word that points back ("The move", "The development")', () => {
  it('is no point, as a pronoun is not; "The decision to …" names what it is about and is one', () => {
    const briefing = buildBriefing([
      article('a', ['The Alden council closed every school in the valley on Monday after the river burst its banks.', 'The move comes a week after engineers from Norcorp warned that the Rivertown levee was failing.'].join(' ')),
      article('b', 'The move comes a week after engineers from Norcorp warned that the Rivertown levee was failing, and Brill agreed.'),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/^The move\b/);
    const decision = buildBriefing([article('a', 'The decision to close every school in the Alden valley was taken by the council on Monday night.')]);
    expect(decision.keyPoints[0]?.text).toMatch(/^The decision to close/);
  });
});

describe('"The statement, attributed to …, cited …"', () => {
  it('leans on the sentence that named the statement and is no point; "The statement from the council" names it and is one', () => {
    const briefing = buildBriefing([
      article('a', ['The Alden council issued a statement on Tuesday about the count of the dead in the valley.', 'The statement, attributed to spokeswoman Ana Vell, cited delays in reports from Rivertown and Marlow.'].join(' ')),
      article('b', 'The statement, attributed to spokeswoman Ana Vell, cited delays in reports from Rivertown and Marlow and Brill.'),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/^The statement\b/);
    const named = buildBriefing([article('a', 'The statement from the Alden council cited delays in reports from Rivertown and Marlow.')]);
    expect(named.keyPoints[0]?.text).toMatch(/^The statement from/);
  });
});

describe('a quotation nobody is named for', () => {
  it('is no point: the brief would say it in its own voice', () => {
    const briefing = buildBriefing([
      article('a', ['Relief agencies in Alden said the official count of the missing was checked against hospital lists on Monday.', '"Standard procedure is to check every list against the hospital records of Rivertown.'].join(' ')),
      article('b', '"Standard procedure is to check every list against the hospital records of Rivertown, and Brill too.'),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(0);
    for (const p of briefing.keyPoints) expect(p.text).not.toMatch(/^["“]/);
  });

  it('is a point when the sentence names its speaker', () => {
    const briefing = buildBriefing([
      article('a', '"Every list is checked against the hospital records of Rivertown," relief coordinator Mara Quist said on Monday.'),
      article('b', '"Every list is checked against the hospital records of Rivertown," Mara Quist said.'),
    ]);
    expect(briefing.keyPoints.map((p) => p.text)).toContainEqual(expect.stringMatching(/^"Every list is checked/));
  });
});

describe("a live page's update label", () => {
  it('is left off the point', () => {
    const briefing = buildBriefing([article('a', 'Update 2031-03-07 (4): Rescue teams from Brill reached the cut-off villages of the Alden valley on Tuesday night.')]);
    expect(briefing.keyPoints[0]?.text).toBe('Rescue teams from Brill reached the cut-off villages of the Alden valley on Tuesday night.');
  });
});

describe('the speaker after a quotation', () => {
  it('is the name between the closing quotation mark and the verb, not the quotation\'s first word', () => {
    const deaths = deathsOf([article('a', '"With heavy hearts, we mourn the six workers who died in the Alden collapse," Col. Mara Quist, head of the Rivertown state police, said in a statement.')]);
    expect(deaths?.latest.estimate?.speaker).toBe('Col. Mara Quist');
  });
});

describe('a running total', () => {
  it('is marked with the year it counts from, so Key numbers never shows it as this week\'s figure', () => {
    const briefing = buildBriefing([
      article('a', 'Norcorp has paid out over $40 million in flood relief since the first levee failed in 2027.', { published: '2031-03-03' }),
      article('b', 'Norcorp said it had paid out $40 million in flood relief since the first levee failed in 2027, and would pay more.', { published: '2031-03-04' }),
    ]);
    const text = renderText(renderBriefingMessage('Alden floods', briefing));
    // Said in the lead line or in Key numbers, whichever shows it, the total carries its year.
    expect(text).toMatch(/\$40 million since 2027\b/);
    const numbers = text.slice(text.indexOf('Latest:'), text.indexOf('Key points:')) + text.slice(text.indexOf('Key numbers:'), text.indexOf('Sources:'));
    expect(numbers).not.toMatch(/\$40 million (?!since 2027)/);
  });

  it('keeps a figure of an earlier year as background, out of Key numbers', () => {
    const briefing = buildBriefing([
      article('a', 'Five people have died in the Alden floods, officials said; floods in 2019 killed 60 people.', { published: '2031-03-03' }),
      article('b', 'The floods in Alden have killed five people, officials said on Tuesday.', { published: '2031-03-04' }),
    ]);
    const numbers = renderText(renderBriefingMessage('Alden floods', briefing)).split('Key numbers:')[1] ?? '';
    expect(numbers).not.toContain('60');
  });
});

describe('two denials of the same thing', () => {
  it('are one point: the second says again what the first denied', () => {
    const briefing = buildBriefing([
      article('a', 'Both Norland and the Brill Company have denied reports that the convoy crossed into Alden, calling them baseless.\nRescue teams from Kettle searched the hills above Marlow for the missing drivers.', { published: '2031-03-02' }),
      article('b', 'At first, Norland dismissed the reports of a Brill Company convoy in Alden as fake news.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', { published: '2031-03-03' }),
      article('c', 'Engineers said a blocked culvert under the Marlow road caused the flooding.\nThe council said schools in Marlow would reopen on Friday.', { published: '2031-03-04' }),
    ]);
    expect(briefing.keyPoints.length).toBeGreaterThan(2);
    expect(briefing.keyPoints.filter((p) => /denied|dismissed/.test(p.text))).toHaveLength(1);
  });
});

describe('a denial and its later reversal', () => {
  const denied = 'Both Norland and the Brill Company have denied reports that the convoy crossed into Alden, calling them baseless.';
  const confirmed = 'On Tuesday, however, Norland President Ana Vell confirmed that the Brill Company convoy had crossed into Alden.';
  const filler = (id: string): string => `The rains over the Alden valley eased on day ${id}, and the river at Rivertown fell below its banks.`;

  it('read as one point, the denial first and the confirmation after it, each with its sources', () => {
    const briefing = buildBriefing([
      article('a', `${denied} ${filler('one')}`, { published: '2031-03-03' }),
      article('b', `${filler('two')} ${confirmed}`, { published: '2031-03-05' }),
    ]);
    const folded = briefing.keyPoints.find((p) => p.text === denied);
    expect(folded?.then?.text).toBe(confirmed);
    expect(new Set(folded?.citations.map((c) => c.articleId))).toEqual(new Set(['a', 'b']));
    expect(briefing.keyPoints.filter((p) => p.text === confirmed)).toHaveLength(0);
    expect(renderText(renderBriefingMessage('Alden', briefing))).toContain(`${denied} Later: ${confirmed}`);
  });

  it('stay apart when the confirmation is not later than the denial', () => {
    const briefing = buildBriefing([
      article('a', `${filler('one')} ${confirmed}`, { published: '2031-03-03' }),
      article('b', `${denied} ${filler('two')}`, { published: '2031-03-05' }),
    ]);
    expect(briefing.keyPoints.some((p) => p.then)).toBe(false);
  });

  it('stay apart when they are about different parties', () => {
    const briefing = buildBriefing([
      article('a', `${denied} ${filler('one')}`, { published: '2031-03-03' }),
      article('b', `${filler('two')} On Tuesday the Hillford mayor confirmed that schools would reopen.`, { published: '2031-03-05' }),
    ]);
    expect(briefing.keyPoints.some((p) => p.then)).toBe(false);
  });
});

describe('one value of one measure in two wordings', () => {
  it('is one line of Key numbers with the sources of both', () => {
    const briefing = buildBriefing([
      article('a', 'The outage affected 2.4 million computers, Norcorp said.', { published: '2031-03-03' }),
      article('b', 'Some 2.4 million Norcorp devices were affected by the outage, the company said.', { published: '2031-03-04' }),
    ]);
    const affected = briefing.timelines.filter((t) => t.measure === 'affected');
    expect(affected).toHaveLength(1);
    expect(affected[0]!.sourceCount).toBe(2);
  });

  it('stays two lines when the values differ', () => {
    const briefing = buildBriefing([
      article('a', 'The outage affected 2.4 million computers, Norcorp said.', { published: '2031-03-03' }),
      article('b', 'Some 1.1 million Norcorp devices were affected by the outage, the company said.', { published: '2031-03-04' }),
    ]);
    expect(briefing.timelines.filter((t) => t.measure === 'affected').length).toBeGreaterThanOrEqual(1);
    expect(briefing.timelines.flatMap((t) => t.entries.map((e) => e.value))).toEqual(expect.arrayContaining([2_400_000, 1_100_000]));
  });
});

describe('an outage', () => {
  it('reads "remained without power" and "lost power" as people without power, and a computer outage as none', () => {
    expect(numberMentions('More than 40,000 people remained without power in Alden on Friday.')[0]?.measure?.id).toBe('outages');
    expect(numberMentions('About 12,000 homes lost power overnight, Norcorp said.')[0]?.measure?.id).toBe('outages');
    expect(numberMentions('The software outage cost Norcorp $40 million.')[0]?.measure?.id).not.toBe('outages');
  });
});

describe('a point cut to the clause that carries the fact', () => {
  const pointOf = (text: string) => buildBriefing([article('a', text)]).keyPoints[0]?.text;

  it('drops a last clause of detail (", which …", ", as well as …")', () => {
    expect(pointOf('The Alden relief fund handed out emergency grants to more than four hundred families across the valley, which had waited since the storm for any help at all.'))
      .toBe('The Alden relief fund handed out emergency grants to more than four hundred families across the valley.');
    expect(pointOf('The Rivertown field hospital received two planeloads of medicine and blankets from Brill on Thursday, as well as tents and stoves for the camps in the hills.'))
      .toBe('The Rivertown field hospital received two planeloads of medicine and blankets from Brill on Thursday.');
  });

  it('drops an absolute clause (", with a spokeswoman dismissing them as …") and what a meeting is for', () => {
    expect(pointOf('Both Norland and Corran have denied every report of Norland soldiers in the valley, with a Corran ministry spokeswoman dismissing them as "idle talk."'))
      .toBe('Both Norland and Corran have denied every report of Norland soldiers in the valley.');
    expect(pointOf("The foreign ministers of Norland and Corran are scheduled to meet with their Brill counterparts later this week to discuss the implications of the border clashes."))
      .toBe('The foreign ministers of Norland and Corran are scheduled to meet with their Brill counterparts later this week.');
    // A clause that says who said it, or gives a figure, stays.
    const figure = 'Both Norland and Corran have denied every report of Norland soldiers in the valley, with a Corran ministry spokeswoman putting their number at 40 at most.';
    expect(pointOf(figure)).toBe(figure);
  });

  it('keeps who says it: "according to X" and "…, the agency said" stay', () => {
    const according = 'The Alden dam had not been inspected by engineers from the regional water board for more than ten years before it failed, according to the state auditor.';
    expect(pointOf(according)).toBe(according);
    const said = 'The Alden dam had not been inspected by any engineers for more than ten years before it failed, which left the valley exposed, the state auditor said.';
    expect(pointOf(said)).toBe(said);
  });

  it('keeps a clause with a figure, and never cuts inside a sentence', () => {
    const figure = 'The Alden water board published its own report on the failure of the dam on Thursday afternoon, which puts the cost of the repairs at 40 million.';
    expect(pointOf(figure)).toBe(figure);
    const inner = 'Rescue teams from every town of the valley, including volunteers from Brill and Rivertown, worked through the night to reach the families cut off by the water.';
    expect(pointOf(inner)).toBe(inner);
  });
});

describe('the turn in the latest reporting', () => {
  it('gives a confirmation of what an earlier point denied its place among the newest points', () => {
    const briefing = buildBriefing([
      article('a', 'The Alden water board denied reports that the Rivertown dam had cracked before the storm, calling them baseless.', { published: '2031-03-01' }),
      article('b', 'The Alden water board denied reports that the Rivertown dam had cracked, and Brill officials repeated the denial.', { published: '2031-03-02' }),
      article('c', [
        'Crews from Brill cleared the main road into the Alden valley on Friday, the first route open in a week.',
        'Schools in the Alden valley will reopen on Monday, the regional council said in a statement.',
        'The council said new pumps for the Alden valley arrived from Brill on Thursday night.',
        'On Friday the Alden water board confirmed that the Rivertown dam had cracked weeks before the storm.',
      ].join(' '), { published: '2031-03-05' }),
    ], { keyPoints: { maxPoints: 3, maxWords: 200 } });
    const folded = briefing.keyPoints.find((p) => p.then);
    expect(folded?.text).toMatch(/denied reports/);
    expect(folded?.then?.text).toMatch(/confirmed that the Rivertown dam had cracked/);
  });
});

describe('the newest article', () => {
  it('gives at most two points in five, counting the points it gave for what the sources corroborate', () => {
    const briefing = buildBriefing([
      article('a', 'The regional governor spoke to farmers in Ashby on Monday. However, the Alden dam burst after three days of heavy rain in the hills above the valley. Schools in the Quist district will stay closed until the water board tests the wells.', { published: '2031-03-01' }),
      article('b', 'A relief convoy left Corran at dawn with tents and blankets. However, army engineers from Brill brought pumps to drain the flooded market district of Rivertown.', { published: '2031-03-02' }),
      article('c', 'Norcorp lent its cargo barges to carry drinking water to the cut-off villages downstream. However, the Alden dam burst after three days of heavy rain in the hills.', { published: '2031-03-03' }),
      article('d', ['The Alden dam burst after three days of heavy rain in the hills above the valley.', 'Army engineers from Brill brought pumps to drain the flooded market district of Rivertown.', 'Power returned to most homes in Delmar late on Friday.', 'The Eston ferry resumed its crossings at dawn on Saturday.', 'Insurers in Fenwick opened a claims office beside the town hall.'].join(' '), { published: '2031-03-05' }),
    ], { keyPoints: { maxPoints: 5, maxWords: 400 } });
    // The corroborated picture takes two points whose best wording is the newest article's: it gives no more.
    expect(briefing.keyPoints.filter((p) => p.citations.length > 1 && p.citations[0]!.articleId === 'd')).toHaveLength(2);
    expect(briefing.keyPoints.filter((p) => p.citations[0]!.articleId === 'd')).toHaveLength(2);
  });
});

describe('a sentence that leans on the one before without a pronoun', () => {
  it('gives way to another telling of the same point: "Two hours later, …" (later than what?), "Earlier it was reported that …"', () => {
    for (const opening of ['Two hours later, a', 'About 12 hours later, a', 'Earlier it was reported that a']) {
      const briefing = buildBriefing([
        article('a', `${opening} second dam at Tallis burst and flooded the Orla valley, the regional council said.\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.`, { published: '2031-03-02' }),
        article('b', 'A second dam at Tallis burst and flooded the Orla valley on Monday, the regional council said.\nThe regional council opened three shelters in the Marlow school gymnasium for families.', { published: '2031-03-02' }),
      ], { keyPoints: { maxPoints: 3, maxWords: 200 } });
      const dam = briefing.keyPoints.find((p) => /dam at Tallis/i.test(p.text));
      expect(dam?.text, opening).toMatch(/^A second dam/);
    }
  });
});

/**
 * The points of a two-article set whose first article opens with `lead` (then a sentence that can
 * always be a point), beside an article of its own: at least one point, so "no point says X" is
 * not passed by an empty brief.
 */
function pointsBeside(lead: string): string[] {
  const briefing = buildBriefing([
    article('a', `${lead}\nRescue teams from Brill searched the collapsed bridge at Kettle Ford for survivors.`, { published: '2031-03-02' }),
    article('b', 'The regional council opened three shelters in the Marlow school gymnasium for families.', { published: '2031-03-03' }),
  ], { keyPoints: { maxPoints: 6, maxWords: 300 } });
  const points = briefing.keyPoints.map((p) => p.text);
  expect(points.length).toBeGreaterThan(0);
  return points;
}

describe('half a quotation', () => {
  it('is no point: a sentence that opens a quotation the next one goes on with reads as cut off', () => {
    const points = pointsBeside('Asked why the toll fell, Ana Vell said, "In many disasters we end up revising our numbers. We check every report twice before it goes out."');
    for (const p of points) expect(p).not.toMatch(/revising our numbers\.$/);
  });
});

describe('a sentence about a figure it does not give', () => {
  it('is no point: "the minister announced the death toll on Monday in a radio interview" leaves out what was announced', () => {
    const points = pointsBeside('Ana Vell, the health minister of Norland, announced the death toll on Monday afternoon in a radio interview with Kessa FM.');
    for (const p of points) expect(p).not.toMatch(/announced the death toll/);
  });
});

describe('a sentence led by "the county\'s number"', () => {
  it('leans on the sentence before, as "The move …" does, and is no point', () => {
    const points = pointsBeside('Officials in Tallis County said 40 people had died in the floods.\nThe county\'s number dates back to a news release in which officials reported that "40 lives have been lost," repeating a count the sheriff gave.');
    for (const p of points) expect(p).not.toMatch(/^The county's number/);
  });
});

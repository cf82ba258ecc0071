import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const article = (id: string, text: string, published?: string): Article => ({ id, origin: `${id}.txt`, text, ...(published ? { published } : {}) });
const figuresOf = (text: string) => buildBriefing([article('a', text)]).figures;

describe('figures', () => {
  it('normalizes values: 3,000 → 3000, $64.1 billion → 64.1e9, 12% → 12', () => {
    const [troops, money, share] = figuresOf('Officials said 3,000 workers left. The state gave over $64.1 billion in aid. Turnout fell by 12% in the city.');
    expect([troops?.value, money?.value, share?.value]).toEqual([3000, 64.1e9, 12]);
    expect([money?.unit, share?.unit]).toEqual(['$', '%']);
  });

  it('reads what a number counts, its qualifier and who said it', () => {
    const [f] = figuresOf('The Health Ministry said at least 250 flood victims had been rescued.');
    expect(f).toMatchObject({ counts: 'flood victims', qualifier: 'at least', speaker: 'Health Ministry', kind: 'estimate' });
  });

  it('keeps projections and claims apart from estimates', () => {
    const figures = figuresOf('The agency said deliveries could eventually number around 900 trucks. The mayor warned that 40 bridges were unsafe.');
    expect(figures.map((f) => f.kind)).toEqual(['projection', 'claim']);
  });

  it('skips years, dates, ages, ordinals and model names', () => {
    expect(figuresOf('In 2022, on March 3, a 22-year-old flew an F-16 for the 20th time.')).toEqual([]);
  });

  it('follows "revised down to 97 from 115": 97 is the latest, 115 the earlier value', () => {
    const b = buildBriefing([article('a', 'Police said 115 people were hurt.'), article('b', 'Police revised the toll of people hurt down to 97 people from 115 people.')]);
    const t = b.timelines.find((x) => x.entries.some((e) => e.value === 97))!;
    expect(t.latest.estimate?.value).toBe(97);
    expect(t.entries.find((e) => e.value === 115)?.superseded).toBe(true);
  });

  it('orders dated articles by date, whatever the file order', () => {
    const b = buildBriefing([
      article('late', 'Rescuers said 80 people were missing.', '2024-05-03'),
      article('early', 'Rescuers said 20 people were missing.', '2024-05-01'),
    ]);
    expect(b.timelines[0]!.latest.estimate?.value).toBe(80);
  });

  it('shows different values at the same time from different sources as a disagreement', () => {
    const b = buildBriefing([article('a', 'Police said 200 protesters marched. Organisers said 5,000 protesters marched.')]);
    expect(b.timelines[0]!.disagreements[0]?.map((e) => e.value).sort((x, y) => x - y)).toEqual([200, 5000]);
  });

  it('takes a bracketed currency conversion as part of the amount, not a figure of its own', () => {
    const figures = figuresOf('The firm faces a $27.5bn (£14.5bn) back tax bill, officials said.');
    expect(figures.map((f) => f.display)).toEqual(['$27.5bn']);
    expect(figures[0]).toMatchObject({ counts: 'back tax bill', value: 27.5e9 });
  });

  it('keys amounts by what they measure: two damages claims are one cost series, a sale price another', () => {
    const b = buildBriefing([
      article('a', 'The company will seek $20bn in damages from the buyer.'),
      article('b', 'Its parent is suing the state for $28.3bn in damages as well.'),
      article('c', 'The unit was sold for $9.4bn last year.'),
    ]);
    expect(b.figures.map((f) => f.counts)).toEqual(['damages', 'damages', '']);
    expect(b.timelines.map((t) => t.label)).toEqual(['cost', 'price']);
    expect(b.timelines[0]!.entries.map((e) => e.value)).toEqual([20e9, 28.3e9]);
    expect(b.timelines[1]!.entries.map((e) => e.value)).toEqual([9.4e9]);
  });

  it('keeps a whole job title in the speaker, lowercase words inside it included', () => {
    const text =
      'Acme chief financial officer Ann Lee, who joined in May, acknowledged the point. ' +
      'Even so, she told the court that only $480,000 had arrived that day. ' +
      'The company chief executive officer John Smith said 40 stores would close.';
    expect(figuresOf(text).map((f) => f.speaker)).toEqual(['Acme chief financial officer Ann Lee', 'chief executive officer John Smith']);
  });

  it('never makes a street address, a date, a year or a phone number a key number', () => {
    const b = buildBriefing([
      article('a', 'Crews reached 412 Harbor Lane on May 3, 2021, and residents were told to call 911 or 311 for help.'),
      article('b', 'The depot at 88 Mill Road opened in 1998 and closed on June 14.'),
    ]);
    expect(b.timelines).toEqual([]);
    expect(b.figures.map((f) => f.value)).not.toContain(412);
    expect(b.figures.map((f) => f.value)).not.toContain(88);
  });

  it('keeps deaths and evacuations apart, each labelled by what it measures', () => {
    const b = buildBriefing([
      article('a', 'Officials said 12 people were killed and police said 3,000 people were evacuated from the valley.', '2024-05-01'),
      article('b', 'The death toll rose to 19 on Friday, officials said, while 4,500 residents were evacuated.', '2024-05-02'),
    ]);
    const deaths = b.timelines.find((t) => t.measure === 'deaths')!;
    const evacuated = b.timelines.find((t) => t.measure === 'evacuated')!;
    expect(deaths.label).toBe('deaths');
    expect(deaths.entries.map((e) => e.value)).toEqual([12, 19]);
    expect(deaths.latest.estimate?.value).toBe(19);
    expect(evacuated.label).toMatch(/evacuated$/);
    expect(evacuated.entries.map((e) => e.value)).toEqual([3000, 4500]);
  });

  it('labels a series as a readable measure, never "Amount", "Percentage" or a bare noun', () => {
    const b = buildBriefing([
      article('a', 'At least 40 people were injured, and 25 flights were cancelled at the airport, the agency said.'),
      article('b', 'The storm caused $2.5 billion in losses, and 30% of homes lost power; 300 people attended a meeting.'),
    ]);
    const labels = b.timelines.map((t) => t.label);
    expect(labels).toContain('people injured');
    expect(labels).toContain('flights cancelled');
    expect(labels).toContain('cost');
    for (const label of labels) expect(label).not.toMatch(/^(?:Amount|Percentage|people)$/);
    // Every shown value still cites its sentence verbatim.
    for (const t of b.timelines) for (const e of t.entries) for (const f of e.figures) expect(f.citation.quote).toContain(f.display);
  });

  it('reads a count in words when it has a measure, and keeps the figure of an earlier year out of the series', () => {
    const b = buildBriefing([
      article('a', 'Three miners were killed in the blast.', '2024-03-01'),
      article('b', 'Five miners have now died, officials said; a similar blast in 1990 killed 60 miners.', '2024-03-02'),
    ]);
    const deaths = b.timelines.find((t) => t.measure === 'deaths')!;
    expect(deaths.entries.map((e) => e.display)).toEqual(['Three', 'Five']);
    expect(b.figures.some((f) => f.value === 60)).toBe(true);
    expect(deaths.entries.map((e) => e.value)).not.toContain(60);
  });
});

import { describe, expect, it } from 'vitest';
import { numberMentions } from '../../../src/core/ask/number-mentions.js';

const only = (sentence: string) => numberMentions(sentence).map((m) => ({ value: m.value, role: m.role, measure: m.measure?.id, counted: m.counted }));

describe('numbers in a sentence, with what they measure', () => {
  it('takes the measure from the predicate, and keeps two predicates apart', () => {
    expect(only('Twelve people were injured and 40 evacuated.')).toEqual([
      { value: 12, role: 'figure', measure: 'injured', counted: 'people' },
      { value: 40, role: 'figure', measure: 'evacuated', counted: 'evacuated' },
    ]);
  });

  it('takes the measure from a governing noun before the number', () => {
    expect(only('The death toll rose to 57 on Tuesday.')[0]).toMatchObject({ value: 57, measure: 'deaths' });
    expect(only('The number of people killed in the region has now passed 1,200.')[0]).toMatchObject({ value: 1200, measure: 'deaths' });
  });

  it('gives an elliptical count its neighbour\'s measure', () => {
    const [north, south] = numberMentions('Officials said 1,204 people had died in the north and 380 in the south.');
    expect([north?.measure?.id, south?.measure?.id, south?.counted]).toEqual(['deaths', 'deaths', 'people']);
  });

  it('reads ordinals of recovered bodies as a running count', () => {
    const [m] = numberMentions('Divers recovered the body of a fourth victim on Friday.');
    expect([m?.value, m?.ordinal, m?.measure?.id]).toEqual([4, true, 'recovered']);
  });

  it('never makes a date, year, clock time, age, address, phone number or named number a figure', () => {
    const roles = (s: string) => numberMentions(s).map((m) => m.role);
    expect(roles('The shelter at 402 Elm Avenue opened on March 3, 2031 at 4:15 a.m.')).not.toContain('figure');
    expect(roles('Call 911 or the hotline.')).toEqual(['code']);
    expect(roles('The victim, Ana Vell, 37, was a teacher.')).toEqual(['age']);
    expect(numberMentions('It came ashore as a Category 4 storm.')[0]).toMatchObject({ role: 'label', label: 'category' });
  });

  it('reads ranges, scales and units', () => {
    const [range] = numberMentions('Rebuilding will cost between 1.7 and 2.1 billion dollars.');
    expect([range?.value, range?.high, range?.unit, range?.measure?.id]).toEqual([1.7e9, 2.1e9, '$', 'cost']);
  });

  it('marks differences, breakdowns and earlier values', () => {
    expect(numberMentions('The county overcounted deaths by as many as 30.')[0]?.role).toBe('change');
    expect(numberMentions('The dead included 12 people in the port town.')[0]?.breakdown).toBe(true);
    const [now, before] = numberMentions('The ministry revised the toll down to 49, having earlier reported 57 deaths.');
    expect([now?.current, now?.earlier, before?.earlier]).toEqual([true, false, true]);
  });

  it('gives a part of a whole the predicate, not the whole', () => {
    const [part, whole] = numberMentions('The agency said 2,740 of the around 60,000 flights scheduled worldwide were cancelled.');
    expect([part?.measure?.id, whole?.measure?.id]).toEqual(['cancelled', undefined]);
  });
});

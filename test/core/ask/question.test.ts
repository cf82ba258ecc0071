import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/core/ask/question.js';

describe('reading a question', () => {
  it.each([
    ['how many people were killed? just the number', 'number'],
    ['latest toll estimate', 'number'],
    ['Who said "the water came in one wave"?', 'quote'],
    ['who put out the statement that every road into the valley was closed', 'quote'],
    ['Who said the toll would rise?', 'quote'],
    ['Who runs the relief effort?', 'who'],
    ['Why was the death toll revised down?', 'why'],
    ['what caused the flooding?', 'why'],
    ['Where did the storm come ashore?', 'where'],
    ['Which river burst its banks?', 'where'],
    ['When will the bridge reopen?', 'when'],
    ['By when should the new bridge be finished?', 'when'],
    ['What did the mayor of Alden say the toll could reach?', 'number'],
    ['Did the ministry confirm the toll?', 'yesno'],
    ['What is the latest position of the council on the dam?', 'fact'],
  ])('classifies %j as %s, not by the words it shares with other kinds ("quote": who said what a clause says)', (question, type) => {
    expect(parseQuestion(question).type).toBe(type);
  });

  it('takes the measure from the predicate and the counted noun from "how many"', () => {
    const q = parseQuestion("how many of the missing workers' bodies have been recovered so far?");
    expect(q.measure?.id).toBe('recovered');
    expect(q.focus).toBe('body');
    expect(q.order).toBe('latest');
  });

  it('takes the measure from what follows the counted phrase: "bodies of the missing workers … found" counts recoveries', () => {
    expect(parseQuestion('How many bodies of the missing construction workers have now been found?').measure?.id).toBe('recovered');
    expect(parseQuestion('How many of the injured workers were evacuated?').measure?.id).toBe('evacuated');
  });

  it('reads "remain" as "still": the latest figure, and no word the answer must carry', () => {
    const q = parseQuestion('How many people remain missing?');
    expect(q.order).toBe('latest');
    expect(q.terms.map((t) => t.lower)).not.toContain('remain');
  });

  it('never takes a noun after an article for the verb ("did the mayor say", "should the replacement be")', () => {
    expect(parseQuestion('What did the mayor of Alden say the toll could reach?').verbs).not.toContain('mayor');
    expect(parseQuestion('By when should the replacement bridge be completed?').verbs).toEqual(['complet']);
  });

  it('reads order, kind, unit and source, and drops hedges', () => {
    const first = parseQuestion('What was the very first death toll the coast guard gave?');
    expect([first.order, first.measure?.id]).toEqual(['first', 'deaths']);
    const projected = parseQuestion("How high could losses go, according to Norcorp's CEO?");
    expect(projected.wantsProjection).toBe(true);
    expect(projected.unit).toBe('$');
    expect(projected.source.map((w) => w.norm)).toEqual(expect.arrayContaining(['norcorp']));
    const hedged = parseQuestion('roughly how many homes were destroyed? rough number is fine');
    expect(hedged.terms.map((w) => w.lower)).not.toContain('roughly');
    expect(hedged.measure?.id).toBe('destroyed');
  });

  it('keeps the numbers a question names, written in digits or words, out of its answer', () => {
    expect(parseQuestion('of the 1,200 homes, how many were destroyed').numbers).toContain(1200);
    expect(parseQuestion('how many of the six workers were found').numbers).toContain(6);
  });
});

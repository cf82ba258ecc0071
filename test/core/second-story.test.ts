import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import type { Briefing } from '../../src/core/types.js';
import { briefingOf, yukosDir } from '../support/seed.js';

// A story the engine was not tuned on: four BBC articles on the Yukos bankruptcy fight.
let briefing: Briefing;
beforeAll(async () => {
  briefing = await briefingOf(yukosDir);
});

describe('second story: Yukos', () => {
  it('labels sources from their front matter', () => {
    expect(briefing.sources.map((s) => s.label)).toContain('Deutsche attacks Yukos case (BBC News)');
  });

  it('merges what several articles report and counts the sources', () => {
    const corroborated = briefing.keyPoints.filter((p) => p.sourceCount >= 2);
    expect(corroborated.length).toBeGreaterThanOrEqual(3);
    // The bill is the Latest line and Key numbers: a point that only restates it is left out.
    expect(briefing.timelines.some((t) => t.latest.estimate?.display === '$27.5bn')).toBe(true);
  });

  it('tracks the back tax bill: $27.5bn latest, $27bn earlier', () => {
    const bill = briefing.timelines.find((t) => /tax bill/.test(t.label));
    expect(bill?.latest.estimate?.value).toBe(27.5e9);
    expect(bill?.entries.map((e) => e.value)).toContain(27e9);
  });

  it('answers a number question with the value and its citation', () => {
    const answer = answerQuestion('How big is the back tax bill?', briefing);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('$27.5bn');
    expect(answer.citations[0]?.quote).toContain('$27.5bn');
  });

  it('answers a who question from the best sentence', () => {
    const answer = answerQuestion('Who won the auction of Yugansk?', briefing);
    expect(answer.answer).toMatch(/Baikal Finance Group|shell company/);
  });

  it('does not guess', () => {
    expect(answerQuestion('What did the football manager say about the transfer window?', briefing).found).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answer.js';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const article = (id: string, text: string): Article => ({ id, origin: `${id}.txt`, text });

const floods = buildBriefing([
  article('a', 'Heavy rain forced the closure of the valley road on Monday. The mayor said 40 bridges were unsafe after the storm.'),
  article('b', 'Engineers began inspecting the bridges on Tuesday, the county said. Schools in the valley reopened on Wednesday.'),
]);

describe('answers from sentences', () => {
  it('answers from the sentence that holds the question terms', () => {
    const answer = answerQuestion('When did the schools reopen?', floods);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/Schools in the valley reopened on Wednesday/);
  });

  it('does not answer from a sentence that matches only a synonym ("forced" is not "forces")', () => {
    expect(answerQuestion('Where are the troops?', floods).found).toBe(false);
  });

  it('does not answer a question about a number with a sentence that lacks it', () => {
    expect(answerQuestion('Who said 500 bridges were unsafe?', floods).found).toBe(false);
    expect(answerQuestion('Who said 40 bridges were unsafe?', floods).answer).toMatch(/mayor/i);
  });

  it('says nothing when the question holds only question words', () => {
    expect(answerQuestion('What is the latest estimate?', floods).found).toBe(false);
  });
});

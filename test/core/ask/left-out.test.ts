/** "Before X was counted", "excluding X": the answer is a figure that leaves X out, never one that names it. */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { buildBriefing } from '../../../src/core/briefing.js';
import type { Article } from '../../../src/core/types.js';

const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });

const briefing = buildBriefing([
  article('a', 'At least 14 people were reported dead on Monday in the Alden valley after the storm.', '2031-03-03'),
  article('b', 'The death toll in Rivertown alone rose to 900 on Tuesday, the city said.\nThe confirmed death toll across the valley stood at 40, not counting Rivertown.', '2031-03-04'),
  article('c', 'The death toll rose to 1,200 on Thursday, including Rivertown, officials said.', '2031-03-06'),
]);

describe('a question that leaves a place out', () => {
  it('"the first death toll, before Rivertown was counted" is the first figure that does not name Rivertown', () => {
    const answer = answerQuestion('What was the very first death toll reported, before Rivertown was counted?', briefing);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/\b14\b/);
  });

  it('"the latest death toll, excluding Rivertown" is the newest figure that leaves Rivertown out', () => {
    const answer = answerQuestion('What is the latest death toll, excluding Rivertown?', briefing);
    expect(answer.answer).toMatch(/\b40\b/);
  });
});

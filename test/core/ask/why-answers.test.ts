/** "What caused …?" on a story that names its subject in every sentence: the stated cause is found wherever it stands. */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { buildBriefing } from '../../../src/core/briefing.js';
import type { Article } from '../../../src/core/types.js';

const article = (id: string, text: string): Article => ({ id, origin: `${id}.md`, text });

describe('a why question', () => {
  it('finds the sentence that states the cause even when a dozen earlier ones only name the effect', () => {
    const towns = ['Alden', 'Brill', 'Rivertown', 'Hill County', 'Norport', 'Eastvale', 'Westmere', 'Oakridge', 'Pinecrest', 'Lakeside', 'Fairview', 'Stonebridge', 'Millbrook', 'Ashford'];
    const effects = towns.map((t) => `The blackout reached ${t} on Friday and left shops dark for hours.`);
    const briefing = buildBriefing([
      article('a', effects.slice(0, 7).join('\n')),
      article('b', effects.slice(7).join('\n')),
      article('c', 'Norcorp said in its report that the blackout was caused by a faulty relay at its Alden substation.'),
    ]);
    const answer = answerQuestion('what actually caused the blackout', briefing);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('faulty relay');
  });
});

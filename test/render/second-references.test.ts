/** Second references in the brief: a person named with a title once is named alone after. */
import { describe, expect, it } from 'vitest';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';
import { renderDigestMessage } from '../../src/render/digest-message.js';
import { makeBriefing } from '../digests/support/briefing-fixture.js';

function briefOf(points: readonly string[]): string {
  const briefing = makeBriefing({ articles: [{ id: 'a', source: 'Alden Courier' }], points: points.map((text) => ({ text, articles: ['a'] })) });
  return renderText(renderBriefingMessage('Alden floods', briefing, Infinity));
}

describe('second references', () => {
  it('drops the title that opens a later point about someone an earlier point named with it', () => {
    const text = briefOf([
      'Alden Fire Service spokeswoman Mara Quist said the river road would stay shut until Friday.',
      'Norland Interior Minister Ana Vell said the army would send two boats.',
      'Alden Fire Service spokeswoman Mara Quist also said the boats had reached the school.',
      'Norland Interior Minister Ana Vell’s office later confirmed the boats had arrived.',
    ]);
    expect(text).toContain('1. Alden Fire Service spokeswoman Mara Quist said the river road');
    expect(text).toContain('2. Norland Interior Minister Ana Vell said the army');
    expect(text).toContain('3. Mara Quist also said the boats had reached the school.');
    expect(text).toContain('4. Ana Vell’s office later confirmed');
  });

  it('keeps the title of a first reference, and of a different person with the same surname', () => {
    const text = briefOf([
      'Deputy Mayor Tom Brill said the schools would reopen.',
      'Corran Governor Ada Brill said the state would pay for the repairs.',
      'The council said schools would reopen on Friday, when Deputy Mayor Tom Brill visits.',
    ]);
    expect(text).toContain('2. Corran Governor Ada Brill said');
    expect(text).toContain('when Deputy Mayor Tom Brill visits');
  });

  it('never joins words that stood apart: a title after an opening phrase stays', () => {
    const text = briefOf([
      'Norland Interior Minister Ana Vell said the army would send two boats.',
      'Speaking on Monday, Norland Interior Minister Ana Vell said the boats had arrived.',
    ]);
    expect(text).toContain('2. Speaking on Monday, Norland Interior Minister Ana Vell said the boats had arrived.');
  });

  it('hold in a digest too', () => {
    const briefing = makeBriefing({
      articles: [{ id: 'a', source: 'Alden Courier' }],
      points: [
        { text: 'Norland Interior Minister Ana Vell said the army would send two boats.', articles: ['a'] },
        { text: 'Norland Interior Minister Ana Vell also said the boats had reached the school.', articles: ['a'] },
      ],
    });
    const text = renderText(renderDigestMessage({ topicTitle: 'Alden floods', briefing, changes: { first: false, newArticles: [], figures: [], newPoints: briefing.keyPoints, unchanged: false }, timeZone: 'UTC' }));
    expect(text).toContain('Norland Interior Minister Ana Vell said the army');
    expect(text).toContain('Ana Vell also said the boats');
    expect(text).not.toContain('Minister Ana Vell also said');
  });
});

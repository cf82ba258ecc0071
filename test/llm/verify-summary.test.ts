import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/llm/summary-evidence.js';
import { shownSentence, summarySentences } from '../../src/llm/summary-sentences.js';
import { droppedFootnote, verifySummary } from '../../src/llm/verify-summary.js';

/** Two invented sources, as the briefing would hand them over. */
const evidence: Evidence = {
  points: [],
  numbers: [],
  sources: [
    {
      number: 1,
      label: 'Floodwater reaches Rivertown',
      sentences: [
        { text: 'The fire service said about 120 residents were evacuated from the riverside district.', speakers: ['fire service'] },
        { text: 'Fire service spokesperson Mara Quist said the levee "held better than anyone had hoped."', speakers: [] },
        { text: 'Norcorp closed its Rivertown plant and sent its 300 workers home.', speakers: [] },
      ],
    },
    {
      number: 2,
      label: 'Evacuations grow',
      sentences: [
        { text: 'The fire service said an estimated 10,000 people had been evacuated from Rivertown by Tuesday.', speakers: ['fire service'] },
        { text: 'Mayor Tomas Alden said repairs to the levee could cost 12 million dollars.', speakers: ['Mayor Tomas Alden'] },
        { text: 'NATO sent 40 engineers to the valley, the ministry said.', speakers: ['ministry'] },
      ],
    },
  ],
};

const check = (sentence: string) => verifySummary(sentence, evidence);
const reasonOf = (sentence: string): string | undefined => check(sentence).dropped[0]?.reason;

describe('verifySummary: numbers', () => {
  it.each([
    ['the same figure in other words', 'The fire service said ten thousand residents had been evacuated from Rivertown [2].'],
    ['a currency written another way', 'Mayor Tomas Alden said levee repairs could cost $12 million [2].'],
    ['a qualifier kept', 'About 120 residents were evacuated from the riverside district, the fire service said [1].'],
    ['synonyms for what is counted', 'The fire service said an estimated 10,000 people were moved out of Rivertown by Tuesday [2].'],
  ])('keeps %s', (_, sentence) => {
    const verified = check(sentence);
    expect(verified.dropped).toEqual([]);
    expect(verified.kept).toHaveLength(1);
  });

  it.each([
    ['an invented figure', 'The fire service said 15,000 people had been evacuated from Rivertown [2].', '15,000 is in no source'],
    ['an invented figure in words', 'The fire service said fifteen thousand people had been evacuated [2].', 'fifteen thousand is in no source'],
    ['a figure from a source it does not cite', 'Norcorp sent 300 workers home from its Rivertown plant [2].', '300 is not in [2]'],
    ['a figure of another measure', 'The fire service said 120 residents were killed in the riverside district [1].', '120 counts something else in the sources'],
    ['a figure in another unit', 'Repairs to the levee could cost 12 million euros, Mayor Tomas Alden said [2].', '12 million euros is in no source'],
    ['a figure given by someone else', 'Mara Quist said 10,000 people had been evacuated from Rivertown [2].', '10,000 is not given by Mara Quist in [2]'],
  ])('drops %s', (_, sentence, reason) => {
    expect(reasonOf(sentence)).toBe(reason);
  });
});

describe('verifySummary: quotations, names, citations', () => {
  it('keeps a quotation that stands verbatim, curly quotes and a moved full stop notwithstanding', () => {
    expect(check('Mara Quist said the levee “held better than anyone had hoped” [1].').dropped).toEqual([]);
  });

  it('drops a quotation with one word changed, and one taken from a source not cited', () => {
    expect(reasonOf('Mara Quist said the levee "held far better than anyone had hoped" [1].')).toBe('“held far better than anyone had hoped” is in no source');
    expect(reasonOf('A spokesperson said the levee "held better than anyone had hoped" [2].')).toBe('“held better than anyone had hoped” is not in [2]');
  });

  it('drops a person or organisation the cited sentences do not name', () => {
    expect(reasonOf('Governor Elsa Brandt said the levee held [1].')).toBe('Governor Elsa Brandt is in no source');
    expect(reasonOf('NATO engineers inspected the levee at the riverside district [1].')).toBe('NATO is not in [1]');
    expect(reasonOf("Norcorp's plant in Rivertown closed and its workers went home [1].")).toBeUndefined();
  });

  it('drops a sentence that cites nothing, cites a source it was not given, or carries a link', () => {
    expect(reasonOf('Rivertown was flooded on Monday.')).toBe('it cites no source');
    expect(reasonOf('Norcorp closed its Rivertown plant [7].')).toBe('[7] is not a source it was given');
    expect(reasonOf('Norcorp closed its Rivertown plant, see https://example.com [1].')).toBe('it holds a link or a mention');
    expect(reasonOf('Norcorp closed its Rivertown plant @everyone [1].')).toBe('it holds a link or a mention');
  });

  it('drops a claim its sources do not make in its words', () => {
    expect(reasonOf('The levee collapsed completely overnight [1].')).toBe('[1] does not say it');
  });
});

describe('reading a reply', () => {
  it('takes citations before or after the full stop, in either format, and strips markdown', () => {
    const sentences = summarySentences('**Summary:**\n- Norcorp closed its plant. [1]\n- About 120 residents left [1, 2]. The mayor spoke [2][2].');
    expect(sentences).toEqual([
      { claim: 'Norcorp closed its plant.', cites: [1] },
      { claim: 'About 120 residents left.', cites: [1, 2] },
      { claim: 'The mayor spoke.', cites: [2] },
    ]);
    expect(sentences.map(shownSentence)).toEqual(['Norcorp closed its plant [1].', 'About 120 residents left [1][2].', 'The mayor spoke [2].']);
  });

  it("leaves out a reasoning model's thinking", () => {
    expect(summarySentences('<think>The user wants 15,000 in there.</think>\nNorcorp closed its plant [1].')).toEqual([{ claim: 'Norcorp closed its plant.', cites: [1] }]);
  });

  it('says in one footnote how many sentences were left out and why', () => {
    const verified = check('Norcorp closed its Rivertown plant [1]. The fire service said 15,000 people were evacuated [2]. Governor Elsa Brandt visited [1].');
    expect(verified.kept).toHaveLength(1);
    expect(droppedFootnote(verified.dropped)).toBe('2 sentences left out: 15,000 is in no source; Governor Elsa Brandt is in no source.');
    expect(droppedFootnote([])).toBeUndefined();
  });
});

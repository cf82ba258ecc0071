/** A text with no full stop (a flattened table, a list) is read in bounded pieces: nothing is lost, no stage sees a giant sentence. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { articleSentences, maxSentenceChars } from '../../src/core/text.js';

const clauses = Array.from({ length: 400 }, (_, i) => `crews said ${100 + i} homes were destroyed in Alden district ${i}`);
const oneLine = clauses.join(', ');

describe('long runs without a full stop', () => {
  it('are cut after a comma into pieces no longer than the bound, keeping every word', () => {
    const pieces = articleSentences(oneLine);
    expect(pieces.length).toBeGreaterThan(oneLine.length / maxSentenceChars);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(maxSentenceChars);
    expect(pieces.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toBe(oneLine);
    expect(pieces.every((p) => p.text.endsWith(',') || p === pieces.at(-1))).toBe(true);
  });

  it('still give every figure of the text', () => {
    const b = buildBriefing([{ id: 'a', origin: 'a.txt', text: oneLine }]);
    const values = new Set(b.figures.filter((f) => f.measure === 'destroyed').map((f) => f.value));
    for (let i = 0; i < 400; i++) expect(values.has(100 + i)).toBe(true);
  });

  it('leave ordinary sentences whole', () => {
    expect(articleSentences('The storm killed 40 people. Rescuers said 12 were missing.').map((p) => p.text)).toEqual(['The storm killed 40 people.', 'Rescuers said 12 were missing.']);
  });
});

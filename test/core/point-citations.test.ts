/** Every citation of a key point supports the exact point shown. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const article = (id: string, text: string): Article => ({ id, origin: `${id}.md`, text });

describe('key point citations', () => {
  it('never cites a near-duplicate whose figures differ from the point', () => {
    const b = buildBriefing([
      article('a', 'The regional council said the flood had forced 300 families from their homes in the Alden valley on Monday.'),
      article('b', 'The regional council said the flood had forced 450 families from their homes in the Alden valley on Monday.'),
      article('c', 'The regional council said the flood had forced 300 families from their homes in the Alden valley on Monday.'),
    ]);
    for (const p of b.keyPoints) {
      const shown = p.text.match(/\d[\d,]*/g) ?? [];
      for (const c of p.citations) expect(c.quote.match(/\d[\d,]*/g) ?? []).toEqual(shown);
      expect(p.sourceCount).toBe(p.citations.length);
    }
    expect(b.keyPoints.flatMap((p) => p.citations.map((c) => c.articleId)).sort()).toContain('c');
  });
});

describe('quoted points', () => {
  it('gives a quotation its speaker from the sentence before, and cites that sentence too', () => {
    const b = buildBriefing([
      article(
        'a',
        [
          'The Alden dam was breached on Sunday night after three days of heavy rain in the hills.',
          '"The water rose faster than anyone expected," fire chief Mara Quist told reporters. "We cannot yet say how many homes were lost in the valley."',
        ].join('\n'),
      ),
    ]);
    const point = b.keyPoints.find((p) => p.text.includes('We cannot yet say'));
    expect(point?.speaker).toBe('Mara Quist');
    expect(point?.text).toBe('"We cannot yet say how many homes were lost in the valley."');
    expect(point?.citations.map((c) => c.quote)).toContain('"The water rose faster than anyone expected," fire chief Mara Quist told reporters.');
  });
});

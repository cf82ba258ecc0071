/** A deck under the headline ("Ferries halted across Norland", no full stop) is not the article's lead. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const body = [
  'Storm Orla closed every ferry port in Norland on Monday, stranding about 4,000 travellers overnight.',
  '',
  'The coast guard said crews had rescued two fishermen off Brill after their boat lost power.',
  '',
  'Harbour officials in Kessa expect the first sailings to resume on Wednesday morning.',
].join('\n');

const article = (id: string, text: string): Article => ({ id, origin: `${id}.md`, text });

function leadScore(text: string): number | undefined {
  const b = buildBriefing([article('a', text)]);
  return b.keyPoints.find((p) => p.text.startsWith('Storm Orla closed'))?.score;
}

describe('the lead of an article', () => {
  it('is its first sentence below a deck, weighed as if the deck were not there', () => {
    const plain = leadScore(body);
    expect(plain).toBeGreaterThan(0);
    expect(leadScore(`Ferries halted across Norland\n\n${body}`)).toBe(plain);
    expect(leadScore(`Ferries halted across Norland\nBy Ana Vell, staff writer\n\n${body}`)).toBe(plain);
  });

  it('is still the first sentence when the first line ends as a sentence does', () => {
    const b = buildBriefing([article('a', `Ferries were halted across Norland.\n\n${body}`)]);
    const second = b.keyPoints.find((p) => p.text.startsWith('Storm Orla closed'));
    expect(second?.score).toBeLessThan(leadScore(body)!);
  });
});

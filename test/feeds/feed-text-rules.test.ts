import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/feeds/canonical-url.js';
import { isPrivateAddress } from '../../src/feeds/is-private-address.js';
import { matchesKeywords } from '../../src/feeds/match-keywords.js';
import { findNearDuplicate, findSameUrl, jaccard, shingles } from '../../src/feeds/near-duplicate.js';
import { articleFileName, renderArticleFile, slugify } from '../../src/feeds/write-article-file.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { schoolsStory, syndicatedSchoolsStory, rescueStory } from './support/stories.js';

describe('recognizing the same article twice', () => {
  it('treats a link with utm_* parameters, a fragment or a trailing slash as the same address', () => {
    const plain = 'https://News.example.com/world/floods?id=7';
    expect(canonicalUrl('https://news.example.com/world/floods/?utm_source=rss&id=7&utm_medium=feed#comments')).toBe(canonicalUrl(plain));
    expect(canonicalUrl('https://news.example.com/world/floods?id=8')).not.toBe(canonicalUrl(plain));
    const articles = [{ id: 'a', origin: 'a.md', text: 'x', url: plain }];
    expect(findSameUrl('https://news.example.com/world/floods?fbclid=abc&id=7', articles)?.id).toBe('a');
  });

  it("finds a syndicated copy by its 5-shingles (Jaccard ≥ 0.8), not a different report of the same story", () => {
    const original = { id: 'schools', origin: 'schools.md', text: schoolsStory.paragraphs.join('\n') };
    const copy = syndicatedSchoolsStory.paragraphs.join('\n');
    expect(jaccard(shingles(copy), shingles(original.text))).toBeGreaterThanOrEqual(0.8);
    expect(findNearDuplicate(copy, [original])?.id).toBe('schools');
    expect(findNearDuplicate(rescueStory.paragraphs.join('\n'), [original])).toBeUndefined();
  });
});

describe('which addresses are private', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
    // Reserved, documentation and benchmarking ranges, and IPv6 forms that carry an IPv4 address inside.
    '192.0.0.8', '192.0.2.10', '198.18.0.1', '203.0.113.9', '255.255.255.255', '2002:7f00:1::', '2001:0:4136:e378::1', '64:ff9b::7f00:1',
    'not-an-address', '999.1.1.1',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('keyword filtering', () => {
  it('matches case-insensitively at word starts, and everything when there are no keywords', () => {
    expect(matchesKeywords('Floods close schools', ['flood'])).toBe(true);
    expect(matchesKeywords('River Wend bursts banks', ['flood', 'river wend'])).toBe(true);
    expect(matchesKeywords('Film wins award', ['war'])).toBe(false);
    expect(matchesKeywords('Anything at all', [])).toBe(true);
  });
});

describe('article files written from the web', () => {
  it('are named <published-date>_<slug>.md and carry front matter the ingest accepts', () => {
    const meta = { title: 'Floods: 40 schools shut — "for days"', source: 'Daily Post', url: 'https://news.example/a', published: '2024-05-02T09:30:00.000Z' };
    expect(articleFileName(meta)).toBe('2024-05-02_floods-40-schools-shut-for-days.md');
    expect(slugify('A'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
    const split = splitFrontMatter(renderArticleFile(meta, 'First paragraph.\nSecond paragraph.'));
    expect(split).toMatchObject({ ok: true, meta: { title: meta.title, source: 'Daily Post', url: meta.url, published: meta.published } });
    expect(split.ok && split.body.trim()).toBe('First paragraph.\n\nSecond paragraph.');
  });
});

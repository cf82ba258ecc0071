import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { atomFeed, rssFeed } from './support/news-pages.js';

describe('parsing feeds', () => {
  it('reads RSS 2.0 items: CDATA titles, HTML summaries, guids and RFC 822 dates', () => {
    const xml = rssFeed('Daily Post – World', 'https://news.example', [
      { title: 'Floods <b>close</b> schools', link: 'https://news.example/a?utm_source=rss', id: 'post-1', summary: 'Rain &amp; <i>wind</i>', published: '2024-05-02T09:30:00Z' },
      { title: 'No link here', link: 'mailto:desk@news.example' },
    ]);
    const parsed = parseFeed(xml, 'https://news.example/feed.xml');
    expect(parsed).toEqual({
      ok: true,
      feed: {
        title: 'Daily Post – World',
        items: [{ id: 'post-1', url: 'https://news.example/a?utm_source=rss', title: 'Floods close schools', summary: 'Rain & wind', published: '2024-05-02T09:30:00.000Z' }],
      },
    });
  });

  it('reads Atom entries with relative links and HTML titles', () => {
    const xml = atomFeed('Valley Herald', [{ title: 'Rescue & relief', link: '/news/rescue', id: 'tag:herald,2024:1', published: '2024-05-03T07:00:00Z', summary: 'Boats reach villages' }]);
    const parsed = parseFeed(xml, 'https://herald.example/atom.xml');
    expect(parsed.ok && parsed.feed).toEqual({
      title: 'Valley Herald',
      items: [{ id: 'tag:herald,2024:1', url: 'https://herald.example/news/rescue', title: 'Rescue & relief', summary: 'Boats reach villages', published: '2024-05-03T07:00:00.000Z' }],
    });
  });

  it('says what is wrong with a document that is not a feed', () => {
    expect(parseFeed('<html><body>Hi</body></html>', 'https://x.example/')).toEqual({ ok: false, reason: 'not an RSS or Atom feed' });
  });
});

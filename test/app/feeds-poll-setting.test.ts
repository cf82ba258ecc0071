/** FEEDS_POLL=0: a replica that leaves feed polling to another never fetches a feed; the default polls. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOnDemandFeeds } from '../../src/app/create-on-demand-feeds.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryDigestStore } from '../../src/store/memory-digest-store.js';
import { articlePage, rssFeed } from '../feeds/support/news-pages.js';
import { startNewsServer, type NewsServer } from '../feeds/support/news-server.js';
import { rescueStory } from '../feeds/support/stories.js';
import { makeTopicFolder } from '../feeds/support/topic-folder.js';

let server: NewsServer;

beforeEach(async () => {
  server = await startNewsServer();
  server.serve('/news/rescue-teams', articlePage(rescueStory));
  server.route('/feed.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rssFeed('Daily Post', server.base, [{ title: rescueStory.title, link: server.url('/news/rescue-teams'), id: 'r-1', published: rescueStory.published! }]));
  });
});

afterEach(async () => {
  await server.close();
});

async function feedRequestsWith(poll: boolean): Promise<number> {
  const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: [] });
  const feeds = createOnDemandFeeds({ topics: folder.topics, logger: silentLogger, clock: () => new Date('2024-05-05T08:00:00Z'), subscriptions: createMemoryDigestStore(), posters: [], allowPrivate: true, pollMinutes: 15, poll });
  await feeds.startIfNeeded();
  // The first poll starts at once; give it time to ask for the feed.
  const until = Date.now() + 3_000;
  while (Date.now() < until && !server.requests.some((r) => r.path === '/feed.xml')) await new Promise((resolve) => setTimeout(resolve, 20));
  await feeds.stop();
  return server.requests.filter((r) => r.path === '/feed.xml').length;
}

describe('FEEDS_POLL', () => {
  it('is on by default and off for 0, false, no and off', () => {
    const base = { BRIEFINGS_DIR: 'briefings' };
    expect(loadConfig(base).feeds.poll).toBe(true);
    for (const off of ['0', 'false', 'no', 'off']) expect(loadConfig({ ...base, FEEDS_POLL: off }).feeds.poll).toBe(false);
    expect(() => loadConfig({ ...base, FEEDS_POLL: 'sometimes' })).toThrow(/FEEDS_POLL/);
  });

  it('off: the feed is never fetched; on: it is', async () => {
    expect(await feedRequestsWith(false)).toBe(0);
    expect(await feedRequestsWith(true)).toBeGreaterThan(0);
  });
});

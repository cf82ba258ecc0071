/** A person's `add` does not wait behind the feed poller's slow items for the same topic. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-request.js';
import { createAddHandler } from '../../src/feeds/create-add-handler.js';
import { createFeedPoller } from '../../src/feeds/create-feed-poller.js';
import { createResourceFetcher } from '../../src/feeds/create-resource-fetcher.js';
import { createUrlIngestor } from '../../src/feeds/create-url-ingestor.js';
import { silentLogger } from '../../src/logger.js';
import { articlePage, rssFeed } from './support/news-pages.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';
import { rescueStory, schoolsStory } from './support/stories.js';
import { makeTopicFolder, manualClock, topicName } from './support/topic-folder.js';

let server: NewsServer;
let releaseSlowPage: () => void = () => undefined;

beforeEach(async () => {
  server = await startNewsServer();
  server.serve('/news/floods-close-schools', articlePage(schoolsStory));
  // The feed's item: a page that answers only when the test lets it (a slow site).
  server.route('/news/rescue-teams', (_req, res) => {
    releaseSlowPage = () => {
      releaseSlowPage = () => undefined;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(rescueStory));
    };
  });
  server.route('/feed.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rssFeed('Daily Post', server.base, [{ title: rescueStory.title, link: server.url('/news/rescue-teams'), id: 'slow-1', published: rescueStory.published! }]));
  });
});

afterEach(async () => {
  releaseSlowPage();
  await server.close();
});

describe('add beside the feed poller', () => {
  it("answers a person's add at once while the poller waits on a slow page of the same topic", async () => {
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: [] });
    const clock = manualClock();
    const fetcher = createResourceFetcher({ allowPrivate: true, timeoutMs: 10_000 });
    // One ingestor for both, as main wires them, so each sees the other's articles.
    const ingestor = createUrlIngestor({ topics: folder.topics, fetcher, logger: silentLogger });
    const poller = createFeedPoller({ topics: folder.topics, logger: silentLogger, clock: clock.now, ingestor, fetcher, allowPrivate: true, pollMinutes: 15 });
    const add = createAddHandler({ topics: folder.topics, logger: silentLogger, allowPrivate: true, ingestor });
    const context: CommandContext = { platform: 'console', channelId: 'console', userId: 'me', canManageChannel: true, now: clock.now() };

    const polling = poller.pollOnce(topicName);
    await waitUntil(() => server.requests.some((r) => r.path === '/news/rescue-teams'));
    // The slow page is answered only below: an add that waited behind the poller would never return here (the test would time out).
    let pollerDone = false;
    void polling.then(() => (pollerDone = true));
    const reply = await add.handle(server.url('/news/floods-close-schools'), folder.topics.get(topicName)!, context);
    expect(pollerDone).toBe(false);
    expect(reply.title).toBe(`Added: ${schoolsStory.title}`);

    releaseSlowPage();
    const report = await polling;
    expect(report.added.map((a) => a.title)).toEqual([rescueStory.title]);
    expect(folder.topics.get(topicName)!.articles.map((a) => a.title).sort()).toEqual([rescueStory.title, schoolsStory.title].sort());
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

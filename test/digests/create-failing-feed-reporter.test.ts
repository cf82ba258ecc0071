import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand } from '../../src/commands/execute-command.js';
import { createFeedPoller } from '../../src/feeds/create-feed-poller.js';
import { createFailingFeedReporter } from '../../src/digests/create-failing-feed-reporter.js';
import { silentLogger } from '../../src/logger.js';
import { describeFailingFeed } from '../../src/render/failing-feed-message.js';
import { renderText } from '../../src/render/render-text.js';
import type { Subscription } from '../../src/store/digest-store.js';
import { createMemoryDigestStore } from '../../src/store/memory-digest-store.js';
import { createRecordingPoster } from './support/recording-poster.js';
import { startNewsServer, type NewsServer } from '../feeds/support/news-server.js';
import { makeTopicFolder, manualClock, topicName } from '../feeds/support/topic-folder.js';

let server: NewsServer;
beforeEach(async () => {
  server = await startNewsServer();
  server.route('/feed.xml', (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>'));
});
afterEach(() => server.close());

const subscription = (channelId: string, topic: string, extra: Partial<Subscription> = {}): Subscription => ({
  id: `chat:slack:${channelId}:${topic}`,
  platform: 'slack',
  channelId,
  topic,
  cron: '0 8 * * *',
  timezone: 'UTC',
  quietWhenUnchanged: false,
  owner: 'chat',
  activeFrom: '2024-05-01T00:00:00Z',
  ...extra,
});

describe('a feed that keeps failing', () => {
  it('is reported once in the digest channels of its topic and listed under sources', async () => {
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] }, { 'a.txt': 'The council said 40 homes were flooded on Monday.' });
    const store = createMemoryDigestStore();
    await store.saveSubscription(subscription('C-FLOODS', topicName));
    await store.saveSubscription(subscription('C-FLOODS', topicName, { id: 'config:slack:C-FLOODS', owner: 'config' })); // same channel twice: one notice
    await store.saveSubscription(subscription('C-GONE', topicName, { disabled: { reason: 'channel_not_found', at: '2024-05-02T00:00:00Z' } }));
    await store.saveSubscription(subscription('C-OTHER', 'another-topic'));
    const slack = createRecordingPoster('slack');
    const reports: Promise<void>[] = [];
    const report = createFailingFeedReporter({ subscriptions: store, posters: [slack], logger: silentLogger, topicTitle: () => 'Valley floods' });
    const clock = manualClock();
    const feeds = createFeedPoller({
      topics: folder.topics,
      logger: silentLogger,
      clock: clock.now,
      allowPrivate: true,
      pollMinutes: 15,
      fetchTimeoutMs: 2_000,
      onFeedFailing: (topic, feed) => void reports.push(report(topic, feed)),
    });
    for (let poll = 0; poll < 5; poll++) {
      await feeds.pollOnce(topicName);
      clock.advance(24 * 60);
    }
    await Promise.all(reports);

    expect(slack.posts.map((p) => p.channelId)).toEqual(['C-FLOODS']);
    const notice = renderText(slack.posts[0]!.message);
    expect(notice).toContain(server.url('/feed.xml'));
    expect(notice).toContain('HTTP 500 Internal Server Error');
    expect(notice).toMatch(/has failed since 2024-05-05 08:00 UTC/);

    const deps = { topics: folder.topics, logger: silentLogger, feeds: { failing: (topic: string) => feeds.failingFeeds(topic).map(describeFailingFeed) } };
    const context = { platform: 'console' as const, channelId: 'console', userId: 'me', canManageChannel: true, now: clock.now() };
    const sources = renderText((await executeCommand({ name: 'sources', text: '', public: false }, context, deps)).message);
    expect(sources).toMatch(/Failing feeds/);
    expect(sources).toContain(`${server.url('/feed.xml')} has failed since`);
  });
});

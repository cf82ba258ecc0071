import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedPoller, type FeedPollerOptions } from '../../src/feeds/create-feed-poller.js';
import type { FailingFeed } from '../../src/render/failing-feed-message.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { silentLogger } from '../../src/logger.js';
import { articlePage, atomFeed, rssFeed } from './support/news-pages.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';
import { footballStory, powerStory, rescueStory, schoolsStory, syndicatedSchoolsStory } from './support/stories.js';
import { makeTopicFolder, manualClock, topicName, type TopicFolder } from './support/topic-folder.js';

let server: NewsServer;

beforeEach(async () => {
  server = await startNewsServer();
  server.serve('/news/floods-close-schools', articlePage(schoolsStory));
  server.serve('/news/rescue-teams', articlePage(rescueStory));
  server.serve('/sport/cup-final', articlePage(footballStory));
  server.serve('/wire/schools-shut', articlePage(syndicatedSchoolsStory));
});

afterEach(() => server.close());

const rssItems = () => [
  { title: schoolsStory.title, link: server.url('/news/floods-close-schools?utm_source=rss&utm_medium=feed'), id: 'dp-1', summary: 'Forty schools shut as the river rises', published: schoolsStory.published! },
  { title: footballStory.title, link: server.url('/sport/cup-final'), id: 'dp-2', summary: 'A late goal wins it', published: footballStory.published! },
  { title: rescueStory.title, link: server.url('/news/rescue-teams'), id: 'dp-3', summary: 'Boats reach villages cut off by the River Wend', published: rescueStory.published! },
  // The same schools article again, as a second item with other tracking parameters and a fragment.
  { title: schoolsStory.title, link: server.url('/news/floods-close-schools?utm_campaign=push#top'), id: 'dp-4', published: schoolsStory.published! },
];

/** Serves the RSS feed with an ETag and Last-Modified, answering 304 to a matching conditional GET. */
function serveRss(items = rssItems(), etag = '"v1"'): void {
  server.route('/feed.xml', (req, res) => {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Sat, 04 May 2024 12:00:00 GMT' });
    res.end(rssFeed('Daily Post – Valley', server.base, items));
  });
}

function poller(folder: TopicFolder, clock = manualClock(), extra: Partial<FeedPollerOptions> = {}) {
  return createFeedPoller({ topics: folder.topics, logger: silentLogger, clock: clock.now, allowPrivate: true, pollMinutes: 15, fetchTimeoutMs: 2_000, ...extra });
}

async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
}

describe('polling a topic feed', () => {
  it('stores matching items as dated Markdown files with front matter and the text without navigation or ads', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood', 'river'] });
    const report = await poller(folder).pollOnce(topicName);

    expect(report.feeds[0]).toMatchObject({ outcome: 'updated', items: 4, matched: 3, duplicates: 1, pageFailures: 0 });
    expect(await articleFiles(folder.dir)).toEqual(['2024-05-02_floods-close-schools-across-the-valley.md', '2024-05-03_rescue-teams-reach-cut-off-villages.md']);
    const raw = await readFile(join(folder.dir, '2024-05-02_floods-close-schools-across-the-valley.md'), 'utf8');
    const split = splitFrontMatter(raw);
    expect(split).toMatchObject({
      ok: true,
      meta: { title: schoolsStory.title, source: 'Daily Post', url: server.url('/news/floods-close-schools'), published: '2024-05-02T09:30:00.000Z' },
    });
    expect(raw).toContain('At least 40 schools were closed on Tuesday');
    expect(raw).toContain('slowly falling through the rest of the week.');
    for (const junk of ['Advertisement', 'Cheap flights', 'Subscribe', 'Most read', 'Celebrity', 'All rights reserved', 'Share on', 'Business', 'dataLayer']) {
      expect(raw).not.toContain(junk);
    }
  });

  it('keeps only items whose title or summary mentions a keyword, and does not fetch the others', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood', 'river'] });
    await poller(folder).pollOnce(topicName);
    expect(server.requests.some((r) => r.path.startsWith('/sport/'))).toBe(false);
    expect((await articleFiles(folder.dir)).some((f) => f.includes('cup-final'))).toBe(false);
  });

  it('keeps every item when the topic has no keywords', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] });
    const report = await poller(folder).pollOnce(topicName);
    expect(report.added.map((a) => a.title)).toEqual([schoolsStory.title, footballStory.title, rescueStory.title]);
  });

  it('reloads the topic so that its briefing lists the new articles among its sources', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood', 'river'] });
    const report = await poller(folder).pollOnce(topicName);
    const topic = folder.topics.get(topicName)!;
    expect(report.added).toHaveLength(2);
    for (const article of report.added) expect(topic.briefing.sources.map((s) => s.articleId)).toContain(article.id);
    expect(topic.briefing.sources.find((s) => s.articleId === report.added[0]!.id)).toMatchObject({ title: schoolsStory.title, source: 'Daily Post' });
  });

  it('sends the stored ETag and Last-Modified; a 304 keeps the state and adds nothing', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood'] });
    const clock = manualClock();
    const feeds = poller(folder, clock);
    await feeds.pollOnce(topicName);
    const stateBefore = await readFile(join(folder.dir, '.feeds-state.json'), 'utf8');

    clock.advance(15);
    const second = await feeds.pollOnce(topicName);
    const conditional = server.requests.filter((r) => r.path === '/feed.xml').at(-1)!;
    expect(conditional.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Sat, 04 May 2024 12:00:00 GMT' });
    expect(second.feeds[0]).toMatchObject({ outcome: 'not-modified', added: [] });
    const stateAfter = JSON.parse(await readFile(join(folder.dir, '.feeds-state.json'), 'utf8'));
    expect(stateAfter.feeds[server.url('/feed.xml')]).toMatchObject({ etag: '"v1"', seen: JSON.parse(stateBefore).feeds[server.url('/feed.xml')].seen });
    expect(await articleFiles(folder.dir)).toHaveLength(1);
  });

  it('does not poll a feed again before its interval has passed', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood'] });
    const clock = manualClock();
    const feeds = poller(folder, clock);
    await feeds.pollOnce(topicName);
    clock.advance(5);
    const before = server.requests.length;
    expect((await feeds.pollOnce(topicName)).feeds[0]?.outcome).toBe('not-due');
    expect(server.requests.length).toBe(before);
  });

  it('stores a syndicated copy on another site only once', async () => {
    server.route('/feed.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed('Mixed wire', server.base, [
          { title: schoolsStory.title, link: server.url('/news/floods-close-schools'), published: schoolsStory.published! },
          { title: syndicatedSchoolsStory.title, link: server.url('/wire/schools-shut'), published: syndicatedSchoolsStory.published! },
        ]),
      ),
    );
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] });
    const report = await poller(folder).pollOnce(topicName);
    expect(report.feeds[0]).toMatchObject({ duplicates: 1 });
    expect(await articleFiles(folder.dir)).toEqual(['2024-05-02_floods-close-schools-across-the-valley.md']);
  });

  it('reads Atom feeds, naming the feed as the source when the page names no site', async () => {
    server.serve('/power', articlePage(powerStory));
    server.serve('/atom.xml', atomFeed('Grid Watch', [{ title: powerStory.title, link: '/power', id: 'tag:grid,2024:7', published: powerStory.published! }]), 'application/atom+xml');
    const folder = await makeTopicFolder({ feeds: [server.url('/atom.xml')] });
    await poller(folder).pollOnce(topicName);
    const [file] = await articleFiles(folder.dir);
    expect(file).toBe('2024-05-04_power-restored-to-most-flooded-homes.md');
    expect(splitFrontMatter(await readFile(join(folder.dir, file!), 'utf8'))).toMatchObject({ meta: { source: 'Grid Watch', url: server.url('/power') } });
  });

  it('retries an item page that failed at a later poll, even when the feed then answers 304', async () => {
    serveRss([rssItems()[2]!]);
    let pageUp = false;
    server.route('/news/rescue-teams', (_req, res) => {
      if (!pageUp) return void res.writeHead(503, { 'content-type': 'text/html' }).end('busy');
      res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(rescueStory));
    });
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] });
    const clock = manualClock();
    const feeds = poller(folder, clock);
    expect((await feeds.pollOnce(topicName)).feeds[0]).toMatchObject({ outcome: 'updated', pageFailures: 1, added: [] });
    pageUp = true;
    clock.advance(15);
    const second = await feeds.pollOnce(topicName);
    expect(second.feeds[0]).toMatchObject({ outcome: 'not-modified', pageFailures: 0 });
    expect(second.added.map((a) => a.title)).toEqual([rescueStory.title]);
  });
});

describe('running on a schedule', () => {
  it('polls every topic with feeds when started, and stop waits for the poll in progress', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood'] });
    const feeds = poller(folder, manualClock(), { tickMs: 60_000 });
    feeds.start();
    await feeds.stop();
    expect(await articleFiles(folder.dir)).toEqual(['2024-05-02_floods-close-schools-across-the-valley.md']);
  });

  it('starts afresh, with a warning, from a state file that is not valid', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')], keywords: ['flood'] }, { '.feeds-state.json': '{ not json' });
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) };
    const report = await poller(folder, manualClock(), { logger }).pollOnce(topicName);
    expect(report.added).toHaveLength(1);
    expect(warnings).toContain('feed state is not valid JSON; starting fresh');
    expect(JSON.parse(await readFile(join(folder.dir, '.feeds-state.json'), 'utf8')).version).toBe(1);
  });
});

describe('failing feeds', () => {
  it('are reported once after three failed polls, with since and the error, and keep their last good state', async () => {
    let up = true;
    server.route('/feed.xml', (_req, res) => {
      if (!up) return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>');
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"good"' }).end(rssFeed('Daily Post', server.base, [rssItems()[0]!]));
    });
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] });
    const clock = manualClock();
    const reported: { topic: string; feed: FailingFeed }[] = [];
    const feeds = poller(folder, clock, { onFeedFailing: (topic, feed) => reported.push({ topic, feed }) });
    await feeds.pollOnce(topicName);
    up = false;
    const firstFailure = new Date(clock.now().getTime() + 24 * 60 * 60_000);
    for (let attempt = 1; attempt <= 4; attempt++) {
      clock.advance(24 * 60);
      const report = await feeds.pollOnce(topicName);
      expect(report.feeds[0]).toMatchObject({ outcome: 'failed', error: 'HTTP 500 Internal Server Error' });
      expect(reported).toHaveLength(attempt < 3 ? 0 : 1);
    }
    const expected = { url: server.url('/feed.xml'), since: firstFailure, error: 'HTTP 500 Internal Server Error', failures: 4 };
    expect(reported).toEqual([{ topic: topicName, feed: { ...expected, failures: 3 } }]);
    expect(feeds.failingFeeds(topicName)).toEqual([expected]);
    const state = JSON.parse(await readFile(join(folder.dir, '.feeds-state.json'), 'utf8')).feeds[server.url('/feed.xml')];
    expect(state).toMatchObject({ etag: '"good"', failures: 4, seen: ['dp-1', server.url('/news/floods-close-schools')] });

    up = true;
    clock.advance(24 * 60);
    expect((await feeds.pollOnce(topicName)).feeds[0]?.outcome).toBe('updated');
    expect(feeds.failingFeeds(topicName)).toEqual([]);
  });

  it('backs off exponentially between failed polls', async () => {
    const folder = await makeTopicFolder({ feeds: [server.url('/down.xml')] });
    server.route('/down.xml', (_req, res) => res.writeHead(500).end());
    const clock = manualClock();
    const feeds = poller(folder, clock);
    const outcomes: string[] = [];
    for (let minute = 0; minute <= 60; minute += 15) {
      outcomes.push((await feeds.pollOnce(topicName)).feeds[0]!.outcome);
      clock.advance(15);
    }
    // Failed at 0; retried after 15 min, then 30, then 60.
    expect(outcomes).toEqual(['failed', 'failed', 'not-due', 'failed', 'not-due']);
  });

  it('refuses a feed on a private address when private addresses are not allowed', async () => {
    serveRss();
    const folder = await makeTopicFolder({ feeds: [server.url('/feed.xml')] });
    const report = await poller(folder, manualClock(), { allowPrivate: false }).pollOnce(topicName);
    expect(report.feeds[0]).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/private, loopback or link-local/) });
    expect(server.requests).toHaveLength(0);
  });
});

import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-request.js';
import { createAddHandler } from '../../src/feeds/create-add-handler.js';
import { silentLogger } from '../../src/logger.js';
import type { Message } from '../../src/render/message.js';
import { articlePage } from './support/news-pages.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';
import { schoolsStory, syndicatedSchoolsStory } from './support/stories.js';
import { makeTopicFolder, topicName, type TopicFolder } from './support/topic-folder.js';

let server: NewsServer;
let folder: TopicFolder;

const context: CommandContext = { platform: 'console', channelId: 'console', userId: 'me', canManageChannel: true, now: new Date('2024-05-05T08:00:00Z') };

beforeEach(async () => {
  server = await startNewsServer();
  server.serve('/news/floods-close-schools', articlePage(schoolsStory));
  server.serve('/wire/schools-shut', articlePage(syndicatedSchoolsStory));
  server.serve('/index', '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><p>Latest headlines.</p></body></html>');
  folder = await makeTopicFolder();
});

afterEach(() => server.close());

function handler(allowPrivate = true) {
  return createAddHandler({ topics: folder.topics, logger: silentLogger, allowPrivate, fetchTimeoutMs: 2_000 });
}

async function add(url: string, allowPrivate = true): Promise<Message> {
  return handler(allowPrivate).handle(url, folder.topics.get(topicName)!, context);
}

const text = (m: Message): string => [m.title, m.subtitle, ...m.sections.flatMap((s) => s.items.map((i) => `${i.text} ${i.note ?? ''}`)), m.footer].join('\n');

describe('add <url>', () => {
  it('stores the article and replies with its title, outlet and the figures the briefing found in it', async () => {
    const reply = await add(server.url('/news/floods-close-schools?utm_source=chat'));
    expect(reply).toMatchObject({ title: `Added: ${schoolsStory.title}`, tone: 'normal', subtitle: 'Daily Post · 2024-05-02 · to Valley floods' });
    expect(reply.sections[0]?.heading).toBe('Figures in this article');
    const figures = reply.sections[0]!.items.map((i) => i.text);
    expect(figures).toEqual(expect.arrayContaining(['at least 40 schools', 'about 12,000 pupils']));
    expect(reply.sections[0]!.items.find((i) => i.text === 'about 12,000 pupils')?.note).toBe('Education director Maria Lopes');
    expect(await readdir(folder.dir)).toContain('2024-05-02_floods-close-schools-across-the-valley.md');
    const topic = folder.topics.get(topicName)!;
    expect(topic.briefing.sources.map((s) => s.articleId)).toContain('2024-05-02_floods-close-schools-across-the-valley');
  });

  it('says the article is already in the set when the same link comes again with tracking parameters, without fetching it', async () => {
    const add1 = handler();
    await add1.handle(server.url('/news/floods-close-schools'), folder.topics.get(topicName)!, context);
    const fetches = server.requests.length;
    const again = await add1.handle(server.url('/news/floods-close-schools?utm_source=twitter&utm_medium=social#comments'), folder.topics.get(topicName)!, context);
    expect(again.title).toBe('Already in the set');
    expect(text(again)).toContain('2024-05-02_floods-close-schools-across-the-valley.md');
    expect(server.requests.length).toBe(fetches);
    expect((await readdir(folder.dir)).filter((f) => f.endsWith('.md'))).toHaveLength(1);
  });

  it('says a syndicated copy on another site is already in the set', async () => {
    await add(server.url('/news/floods-close-schools'));
    const copy = await add(server.url('/wire/schools-shut'));
    expect(copy.title).toBe('Already in the set');
    expect(text(copy)).toContain('same text as Floods close schools across the valley (Daily Post, 2024-05-02)');
    expect((await readdir(folder.dir)).filter((f) => f.endsWith('.md'))).toHaveLength(1);
  });

  it('refuses a private address when private addresses are not allowed', async () => {
    const reply = await add(server.url('/news/floods-close-schools'), false);
    expect(reply).toMatchObject({ title: 'Could not add that link', tone: 'error' });
    expect(text(reply)).toMatch(/private or local address/);
    expect(server.requests).toHaveLength(0);
  });

  it('explains a page that is missing or is not an article', async () => {
    expect(text(await add(server.url('/gone')))).toContain('The site refused the request (HTTP 404 Not Found)');
    expect(text(await add(server.url('/index')))).toContain('No article text could be found on that page');
    expect((await readdir(folder.dir)).filter((f) => f.endsWith('.md'))).toHaveLength(0);
  });
});

describe('add <url> of a page that is not HTML', () => {
  it.each([
    ['plain text', 'Floods closed forty schools in the valley on Tuesday, officials said. '.repeat(5), /plain text or data sent as a web page/],
    ['JSON', '{"story":"Floods close schools","schools":40}', /JSON data, not HTML/],
    ['nothing', '', /the page is empty/],
  ])('says the link did not return a web page when a text/html answer holds %s', async (_what, body, reason) => {
    server.serve('/not-html', body);
    const reply = await add(server.url('/not-html'));
    expect(reply.title).toBe('Could not add that link');
    expect(text(reply)).toMatch(/That link did not return a web page/);
    expect(text(reply)).toMatch(reason);
    expect(text(reply)).not.toMatch(/Readability|constructor|document object/);
    expect((await readdir(folder.dir)).filter((f) => f.endsWith('.md'))).toHaveLength(0);
  });
});

/**
 * A saved web page in a topic folder is read as a reader view would: the article, not the cookie
 * banner, the menu or the "Trending" list around it; and Readability is loaded only for a set that
 * holds HTML.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { htmlToText } from '../../src/ingest/html-to-text.js';
import { readArticleSet } from '../../src/ingest/read-article-set.js';
import { readableHtmlToText } from '../../src/ingest/readable-html.js';
import { root } from '../main/entry-points.js';

const run = promisify(execFile);

/** Page furniture the plain pass keeps, as none of it is in a <nav>, <header>, <footer> or <aside>. */
const furniture = {
  cookie: 'We use cookies to improve your experience',
  cookieButton: 'Accept all cookies',
  menu: 'Weather Sport Business Opinion',
  trendingHead: 'Trending',
  trending: ['Norcorp shares fall 12% after 300 jobs are cut', 'Alden Rovers sign striker for 4 million', 'Rivertown zoo welcomes 2 panda cubs'],
};

const article = [
  'Floodwater rose through the centre of Alden overnight, and the river crested at 5.2 metres on Tuesday morning, the regional water board said.',
  'Mara Quist, who leads the county emergency service, said 1,400 residents had been evacuated from low-lying streets and 60 of them were spending the night in the Rivertown sports hall.',
  'Crews closed two bridges across the river as a precaution, and the rail line to the coast was suspended until engineers could inspect the embankment.',
  'The water board said the level would fall slowly through Wednesday if the forecast rain held off, but warned that the ground was saturated.',
  'Shopkeepers on the high street moved stock to upper floors, and volunteers handed out sandbags from the town hall until late in the evening.',
];

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>River crests in Alden as 1,400 are evacuated | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier"></head>
<body>
<div class="cookie-banner" id="consent"><p>${furniture.cookie}. By continuing to browse you agree to our use of 3 kinds of cookies.</p><a class="btn" href="#accept">${furniture.cookieButton}</a></div>
<div class="site-menu"><ul class="menu"><li><a href="/weather">Weather</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></div>
<div class="page">
  <div class="story-body" id="main-content">
    <h1>River crests in Alden as 1,400 are evacuated</h1>
    <p class="byline">By Staff Reporter</p>
    ${article.map((p) => `<p>${p}</p>`).join('\n    ')}
  </div>
  <div class="trending-widget"><h3>${furniture.trendingHead}</h3><ol>${furniture.trending.map((t) => `<li><a href="/x">${t}</a></li>`).join('')}</ol></div>
</div>
</body></html>`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-html-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

const junk = [furniture.cookie, furniture.cookieButton, ...furniture.trending, 'Weather', 'Opinion'];

describe('a local HTML article', () => {
  it('is a page whose furniture the plain pass lets through (the case this reader is for)', () => {
    const plain = htmlToText(page).text;
    for (const phrase of [furniture.cookie, furniture.trending[0]!, 'Weather']) expect(plain).toContain(phrase);
  });

  it.each(['river.html', 'river.txt'])('%s: only the article reaches the briefing, not the cookie banner, the menu or the Trending list', async (name) => {
    const set = await readArticleSet(await folder({ [name]: page }));
    expect(set.problems).toEqual([]);
    const [read] = set.articles;
    expect(read?.title).toMatch(/^River crests in Alden as 1,400 are evacuated/);
    for (const paragraph of article) expect(read?.text).toContain(paragraph);
    for (const phrase of junk) expect(read?.text).not.toContain(phrase);
    expect(read?.text).not.toMatch(/\bTrending\b/);

    const briefing = JSON.stringify(buildBriefing(set.articles));
    expect(briefing).toContain('1,400 residents had been evacuated');
    for (const phrase of [...junk, 'Norcorp', 'panda', '12%']) expect(briefing).not.toContain(phrase);
  });

  it('falls back to the plain pass when Readability finds no article in the markup', () => {
    // A fragment with no document around it: Readability returns no article.
    const fragment = '<span>Officials said 40 schools were closed on Tuesday.</span>';
    expect(readableHtmlToText(fragment)).toEqual({ text: 'Officials said 40 schools were closed on Tuesday.' });
    expect(readableHtmlToText('<!doctype html><html><body></body></html>')).toEqual(htmlToText('<!doctype html><html><body></body></html>'));
  });
});

describe('loading Readability', () => {
  /** Whether reading `dir` as a topic library (as start-up's build worker does, from dist/, here on one thread) loaded @mozilla/readability. */
  async function loadsReadability(dir: string): Promise<boolean> {
    const script = `
      import { createRequire } from 'node:module';
      const { createInProcessBuilder, createTopicLibrary } = await import(${JSON.stringify(join(root, 'dist/topics/topic-library.js'))});
      await createTopicLibrary(${JSON.stringify(dir)}, undefined, { builder: createInProcessBuilder() });
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(cache.some((path) => path.includes('@mozilla/readability')));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    return stdout.trim() === 'true';
  }

  it('does not happen at start-up on a set of text files (the bundled story), only once a set holds HTML', async () => {
    expect(await loadsReadability(join(root, 'briefings'))).toBe(false);
    const withHtml = await mkdtemp(join(tmpdir(), 'sitrep-html-topics-'));
    const topic = join(withHtml, 'river');
    await mkdir(topic);
    await writeFile(join(topic, 'river.html'), page);
    expect(await loadsReadability(withHtml)).toBe(true);
  });
});

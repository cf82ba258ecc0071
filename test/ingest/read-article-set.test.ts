import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { readArticleSet } from '../../src/ingest/read-article-set.js';

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

describe('reading an article set', () => {
  it('reports every bad file with its path and reason, and still reads the rest', async () => {
    const dir = await folder({
      'good.txt': 'Officials said 40 schools were closed.',
      'empty.txt': '',
      'binary.txt': Buffer.from([0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
      'bad-front.md': '---\ntitle: [unclosed\n---\nBody text here.',
      'bad-date.md': '---\npublished: someday\n---\nBody text here.',
      'open-front.md': '---\ntitle: x\nBody with no closing fence.',
    });
    const set = await readArticleSet(dir);
    expect(set.articles.map((a) => a.id)).toEqual(['bad-date', 'good']);
    const reasons = Object.fromEntries(set.problems.map((p) => [p.path.split('/').pop(), p.reason]));
    expect(reasons).toMatchObject({
      'empty.txt': 'empty file',
      'binary.txt': expect.stringMatching(/binary/),
      'latin1.txt': 'not valid UTF-8 text',
      'bad-front.md': expect.stringMatching(/not valid YAML/),
      'bad-date.md': expect.stringMatching(/published.*not a date.*left out/),
      'open-front.md': expect.stringMatching(/not closed/),
    });
    expect(set.problems.filter((p) => p.kept).map((p) => p.path)).toEqual(['bad-date.md']);
    expect(set.articles[0]).not.toHaveProperty('published');
  });

  it('treats null and blank front matter fields as absent, keeping the article', async () => {
    const dir = await folder({ 'a.md': '---\ntitle: null\npublished: null\nsource: ""\nurl: ~\n---\nOfficials said 40 schools were closed.' });
    const { articles, problems } = await readArticleSet(dir);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toEqual({ id: 'a', origin: 'a.md', text: 'Officials said 40 schools were closed.' });
  });

  it('reads front matter, HTML and Markdown, and strips boilerplate', async () => {
    const dir = await folder({
      'a.md': '---\ntitle: Floods close schools\nsource: Daily Post\npublished: 2024-05-02\nurl: https://example.com/a\n---\n# Heading\nOfficials said **40** schools were closed.\nRELATED STORY | Something else\nAdvertisement\nRead more: other things',
      'b.html': '<html><head><title>Rain returns</title></head><body><nav>Home | World</nav><p>Forecasters said rain &amp; wind would return.</p><script>var x=1</script><footer>© Paper</footer></body></html>',
    });
    const { articles, problems } = await readArticleSet(dir);
    expect(problems).toEqual([]);
    const [a, b] = articles;
    expect(a).toMatchObject({ title: 'Floods close schools', source: 'Daily Post', published: '2024-05-02', url: 'https://example.com/a' });
    expect(a?.text).toBe('Officials said 40 schools were closed.');
    expect(b?.title).toBe('Rain returns');
    expect(b?.text).toBe('Forecasters said rain & wind would return.');
  });

  it('reports a publication date inferred from the top of the text as a kept problem', async () => {
    const dir = await folder({ 'a.txt': 'Posted May 3, 2021 9:15 AM CDT\nOfficials said 40 schools were closed.' });
    const { articles, problems } = await readArticleSet(dir);
    expect(articles[0]).toMatchObject({ published: '2021-05-03', text: 'Officials said 40 schools were closed.' });
    expect(problems).toEqual([{ path: 'a.txt', reason: 'published date inferred from the text: 2021-05-03', kept: true }]);
  });

  it('normalizes quotes, dashes and stray double periods', async () => {
    const dir = await folder({ 'a.txt': 'He said \u201cyes\u201d \u2014 it\u2019s done.. Then\u00a0more.' });
    const [a] = (await readArticleSet(dir)).articles;
    expect(a?.text).toBe('He said "yes" — it\'s done. Then more.');
  });

  it('keeps two files that differ only in extension as two articles with their own ids', async () => {
    const dir = await folder({ 'a.md': 'Officials said 40 schools were closed.', 'a.txt': 'Rescuers said 12 bridges were unsafe.' });
    const { articles, problems } = await readArticleSet(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['a', 'a.txt']);
    expect(buildBriefing(articles).figures.map((f) => f.citation.articleId).sort()).toEqual(['a', 'a.txt']);
  });
});

/** A `.txt` article that holds HTML is read as HTML: `sitrep brief` shows its text, never its tags. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin/sitrep.js');

async function brief(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-txt-html-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  const { stdout } = await run(process.execPath, [bin, 'brief', '--set', dir, '--format', 'text']);
  return stdout;
}

describe('a .txt file holding HTML, in a brief', () => {
  it('shows the text of a saved HTML page and of paragraph markup, without tags, scripts or entities', async () => {
    const out = await brief({
      'a.txt':
        '<!doctype html><html><head><title>Bridge reopens</title><script>var tracking = 1;</script></head><body>' +
        '<p>Crews reopened the <b>harbor bridge</b> on Friday after 12 days of repairs, the city said.</p>' +
        '<p>About 3,000 cars crossed it in the first hour, <a href="https://example.com/x">officials</a> said &amp; cheered.</p></body></html>',
      'b.txt': '<div><p>The mayor said 15 workers had repaired the bridge.</p><p>The repairs cost an estimated $2 million, officials said.</p></div>',
    });
    expect(out).toMatch(/Crews reopened the harbor bridge on Friday after 12 days of repairs/);
    expect(out).toMatch(/About 3,000 cars crossed it in the first hour, officials said & cheered/);
    expect(out).toMatch(/The mayor said 15 workers had repaired the bridge/);
    expect(out).not.toMatch(/<\/?(?:!doctype|html|head|title|script|body|div|p|b|a)\b[^>]*>|&amp;|tracking/i);
  });

  it('shows the text of an HTML fragment without paragraph tags (<article><h2>…</h2><span>…</span>)', async () => {
    const out = await brief({
      'c.txt': '<article><h2>Ferry service resumes</h2><span>The ferry carried 240 passengers on its first trip, the operator <em>said</em> on Monday.</span></article>',
    });
    expect(out).toMatch(/The ferry carried 240 passengers on its first trip, the operator said on Monday/);
    expect(out).not.toMatch(/<\/?(?:article|h2|span|em)\b/);
  });
});

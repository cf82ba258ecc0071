/** The console shows no pictures: /numbers writes the chart to a file and prints its path under the reply. */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/create-console-adapter.js';
import { consoleChartDir } from '../../src/adapters/console/write-console-chart.js';
import { silentLogger } from '../../src/logger.js';
import { createTopicLibrary } from '../../src/topics/topic-library.js';
import { pngSize } from '../render/png-size.js';
import { seedDir } from '../support/seed.js';

async function consoleLines(lines: string[]): Promise<string> {
  const topics = await createTopicLibrary(seedDir);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const adapter = createConsoleAdapter({ deps: { topics, logger: silentLogger }, input, output, interactive: false });
  const done = adapter.run();
  input.end(lines.join('\n') + '\n');
  await done;
  return text;
}

describe('charts in the console', () => {
  it('prints the path of the chart of the main series after /numbers, and draws none for /brief', async () => {
    const out = await consoleLines(['/brief', '/numbers']);
    const paths = [...out.matchAll(/^Chart: (.+\.png)$/gm)].map((m) => m[1]!);
    expect(paths).toHaveLength(1);
    expect(out.indexOf('Chart: ')).toBeGreaterThan(out.indexOf('Key numbers'));
    expect(paths[0]!.startsWith(consoleChartDir)).toBe(true);
    expect(pngSize(await readFile(paths[0]!))).toEqual({ width: 1600, height: 800 });
  });

  it('charts the series /numbers names, and refuses a word that is neither a topic nor a series', async () => {
    const out = await consoleLines(['/numbers troops', '/numbers bridges']);
    expect(out).toMatch(/^Chart: .*chart-north-korean-troops\.png$/m);
    expect(out).toMatch(/Unknown topic "bridges"/);
  });
});

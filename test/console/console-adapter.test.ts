import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { silentLogger } from '../../src/logger.js';
import { createTopicLibrary } from '../../src/topics/topic-library.js';
import { seedDir } from '../support/seed.js';

async function runLines(lines: string[]): Promise<string> {
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

describe('console adapter', () => {
  it('answers piped commands in order and ends at end of input', async () => {
    const out = await runLines(['/ask latest troop estimate', '/numbers']);
    const answerAt = out.indexOf('== latest troop estimate ==');
    expect(answerAt).toBeGreaterThanOrEqual(0);
    expect(out.slice(answerAt, out.indexOf('Earlier values'))).toContain('10,000');
    expect(out.indexOf('Key numbers')).toBeGreaterThan(answerAt);
  });

  it('gives help, not a crash, for bad commands and missing arguments', async () => {
    const out = await runLines(['/frobnicate', '/ask', '/brief no-such-topic-here', '/help']);
    expect(out).toMatch(/Unknown command "frobnicate"/);
    expect(out).toMatch(/What would you like to know\?/);
    expect(out).toMatch(/Commands:/);
  });

  it('names the known topics when asked for an unknown one', async () => {
    const out = await runLines(['/brief topic:nowhere']);
    expect(out).toMatch(/Unknown topic "nowhere"/);
    expect(out).toMatch(/Known topics: north-korea-troops/);
  });
});

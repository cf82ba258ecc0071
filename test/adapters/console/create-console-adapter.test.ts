import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../src/adapters/console/create-console-adapter.js';
import { silentLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { seedDir } from '../../support/seed.js';

/** The adapter on the seed topic, reading `input` and writing what a screen would show. */
async function consoleOn(interactive: boolean): Promise<{ input: PassThrough; screen: () => string; adapter: ReturnType<typeof createConsoleAdapter>; done: Promise<void> }> {
  const topics = await createTopicLibrary(seedDir);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const adapter = createConsoleAdapter({ deps: { topics, logger: silentLogger }, input, output, interactive });
  return { input, screen: () => text, adapter, done: adapter.run() };
}

async function runLines(lines: string[]): Promise<string> {
  const { input, screen, done } = await consoleOn(false);
  input.end(lines.join('\n') + '\n');
  await done;
  return screen();
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

describe('console adapter at a terminal', () => {
  it('lists every command by name in /help', async () => {
    const out = await runLines(['/help']);
    for (const name of ['/brief [topic]', '/ask <question> [topic]', '/numbers', '/sources', '/digest subscribe', '/add <url>']) expect(out).toContain(name);
  });

  it('ends on /quit with input still open, and prompts no more', async () => {
    const { input, screen, done } = await consoleOn(true);
    input.write('/quit\n');
    await done;
    const after = screen().slice(screen().lastIndexOf('/quit'));
    expect(after).not.toContain('sitrep> ');
    // A prompt after closing would resume the input, and a real stdin would keep the process alive.
    expect(input.isPaused()).toBe(true);
  });

  it('draws a log line above the prompt and redraws the prompt with what was typed', async () => {
    const { input, screen, adapter, done } = await consoleOn(true);
    input.write('/ask lat');
    await new Promise((resolve) => setImmediate(resolve));
    let logged = '';
    adapter.printAbove(() => (logged = 'topic reloaded'));
    expect(logged).toBe('topic reloaded');
    const typed = screen().indexOf('/ask lat');
    expect(typed).toBeGreaterThan(0);
    // Cleared, then the prompt and the half-typed line drawn again.
    // eslint-disable-next-line no-control-regex
    expect(screen().slice(typed + 1)).toMatch(/sitrep> (\x1b\[\d+G)?\/ask lat/);
    adapter.stop();
    await done;
  });
});

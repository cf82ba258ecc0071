/**
 * The optional summary end to end: the real console adapter and command layer, the real HTTP
 * client, and a loopback chat-completions stand-in that answers each request as scripted.
 */
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/create-console-adapter.js';
import type { CommandDeps } from '../../src/commands/execute-command.js';
import { createLlmSummaries } from '../../src/llm/create-llm-summaries.js';
import { PROMPT_VERSION } from '../../src/llm/prompts.js';
import { createLogger } from '../../src/logger.js';
import { createTopicLibrary, type TopicLibrary } from '../../src/topics/topic-library.js';
import { faithful, topicName, useLlmSuite } from './llm-topic-fixture.js';

const apiKey = 'sk-test-not-a-real-key-0000';


const suite = useLlmSuite();
let topics: TopicLibrary;
let logLines: string[];

beforeEach(async () => {
  // A fresh library per test: a summary is remembered per briefing, and each test scripts its own.
  topics = await createTopicLibrary(suite.root, topicName);
  logLines = [];
});

function deps(timeoutMs = 2000): CommandDeps {
  const logger = createLogger({ level: 'debug', secrets: [apiKey], write: (line) => logLines.push(line) });
  return { topics, logger, summaries: createLlmSummaries({ baseUrl: suite.standIn.baseUrl, model: 'stand-in-7b', apiKey, timeoutMs }, logger) };
}

/** Pipes lines into the real console adapter and returns what the screen shows. */
async function consoleRun(lines: string[], commandDeps: CommandDeps): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const adapter = createConsoleAdapter({ deps: commandDeps, input, output, interactive: false });
  const done = adapter.run();
  input.end(lines.join('\n') + '\n');
  await done;
  return text;
}

/** The summary paragraph and its note, as the console shows them (the lines under "Summary:"). */
function summaryOf(screen: string): string | undefined {
  const at = screen.indexOf('\nSummary:\n');
  if (at < 0) return undefined;
  return screen.slice(at + 10, screen.indexOf('\n\n', at + 10));
}

describe('/brief with a model configured (console, over loopback)', () => {
  it('opens with a faithful summary, citations kept, before the key points; the model saw only the briefing', async () => {
    suite.standIn.script({ content: faithful.join(' ') });
    const screen = await consoleRun(['/brief'], deps());
    const summary = summaryOf(screen)!;
    expect(summary).toContain('Floodwater rose through the streets of Rivertown on Monday night [1].');
    expect(summary).toContain('could cost $12 million [2].');
    expect(summary).toContain('Written by stand-in-7b');
    expect(summary).not.toContain('left out');
    expect(screen.indexOf('Summary:')).toBeLessThan(screen.indexOf('Key points:'));

    expect(suite.standIn.requests).toHaveLength(1);
    const request = suite.standIn.requests[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request.body.model).toBe('stand-in-7b');
    const [system, user] = request.body.messages!;
    expect(system!.content).toMatch(/square brackets, before the full stop/);
    expect(user!.content).toContain('- Mayor Tomas Alden said repairs to the levee could cost $12 million [2].');
    expect(user!.content).toMatch(/\[1\] Floodwater reaches Rivertown/);
    expect(logLines.join('\n')).toContain(PROMPT_VERSION);
    expect(logLines.join('\n')).not.toContain(apiKey);
  });

  it.each([
    ['an invented number', 'The fire service said 15,000 people were evacuated from Rivertown [2].', '1 sentence left out: 15,000 is in no source.'],
    ['a misquoted phrase', 'Fire service spokesperson Mara Quist said the levee "held far better than expected" [1].', '1 sentence left out: “held far better than expected” is in no source.'],
    ['a person from nowhere', 'Governor Elsa Brandt said the shelters at the school would stay open [2].', '1 sentence left out: Governor Elsa Brandt is in no source.'],
  ])('drops a sentence with %s, says why in the footnote, and logs the rejected text', async (_, bad, footnote) => {
    suite.standIn.script({ content: [faithful[0], faithful[1], bad, faithful[2]].join(' ') });
    const screen = await consoleRun(['/brief'], deps());
    const summary = summaryOf(screen)!;
    expect(summary).toContain(faithful[1]!.slice(0, 40));
    expect(summary).not.toContain(bad.slice(0, 30));
    expect(summary).toContain(footnote);
    const rejected = logLines.map((l) => JSON.parse(l) as { msg: string; sentence?: string; reason?: string }).find((l) => l.msg === 'llm sentence left out');
    expect(rejected?.sentence).toContain(bad.slice(0, 30));
    expect(footnote).toContain(rejected!.reason!);
  });

  it('shows the extractive brief alone when too little survives the check', async () => {
    suite.standIn.script({ content: `${faithful[0]} The levee broke and 2,000 homes were lost [1]. Governor Elsa Brandt ordered a curfew [2].` });
    const screen = await consoleRun(['/brief'], deps());
    expect(summaryOf(screen)).toBeUndefined();
    expect(screen).toContain('Key points:');
    expect(logLines.join('\n')).toContain('llm summary withheld');
  });

  it('does not wait for a slow model: the brief goes out at the timeout, without a summary', async () => {
    const plain = await consoleRun(['/brief'], { topics, logger: createLogger({ level: 'silent' }) });
    suite.standIn.script({ content: faithful.join(' '), delayMs: 5000 });
    const started = Date.now();
    const screen = await consoleRun(['/brief'], deps(400));
    const took = Date.now() - started;
    expect(took).toBeLessThan(1500);
    expect(screen).toBe(plain);
    expect(logLines.join('\n')).toMatch(/llm summary unavailable.*timeout/);
  });

  it('retries a 429 (after its Retry-After) and shows the summary of the answer that follows', async () => {
    suite.standIn.script({ status: 429, retryAfter: '0' }, { content: faithful.join(' ') });
    const screen = await consoleRun(['/brief'], deps());
    expect(summaryOf(screen)).toContain('Floodwater rose');
    expect(suite.standIn.requests).toHaveLength(2);
  });

  it.each([
    ['a body that is not JSON', { raw: '<html>502 Bad Gateway</html>' }],
    ['JSON with no choices', { raw: '{"object":"chat.completion","choices":[]}' }],
    ['a 500 every time', { status: 500 }],
  ])('falls back to the extractive brief on %s', async (_, reply) => {
    suite.standIn.script(reply, reply, reply);
    const plain = await consoleRun(['/brief'], { topics, logger: createLogger({ level: 'silent' }) });
    const screen = await consoleRun(['/brief'], deps());
    expect(screen).toBe(plain);
    // Only errors that may pass are retried: 5xx (three attempts), not a reply that is no completion.
    expect(suite.standIn.requests).toHaveLength('status' in reply ? 3 : 1);
  });
});

describe('/ask with a model configured', () => {
  it('phrases the answer from the sentences it was found in, checked the same way', async () => {
    suite.standIn.script({ content: 'An estimated 400 people had been evacuated from Rivertown by Tuesday, the fire service said [2]. That is up from 120 on Monday [2].' });
    const screen = await consoleRun(['/ask how many people were evacuated'], deps());
    expect(screen).toContain('In short:');
    expect(screen).toContain('An estimated 400 people had been evacuated from Rivertown by Tuesday, the fire service said [2].');
    expect(screen).toContain('That is up from 120 on Monday [2].');
    // The extractive answer and its quotation stay, under the phrased one.
    expect(screen.indexOf('In short:')).toBeLessThan(screen.indexOf('\nAn estimated 400 people.\n'));
    const user = suite.standIn.requests[0]!.body.messages![1]!.content;
    expect(user).toContain('Question: how many people were evacuated');
  });
});

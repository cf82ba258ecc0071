/**
 * Digests with a model configured, through the real digest service, SQLite store and console
 * poster: the summary opens the digest when the model answers, and a slow model never holds the
 * slot past LLM_TIMEOUT_MS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console/create-console-adapter.js';
import { createDigestService, type DigestService } from '../../src/digests/create-digest-service.js';
import { createLlmSummaries } from '../../src/llm/create-llm-summaries.js';
import { silentLogger } from '../../src/logger.js';
import type { DigestStore } from '../../src/store/digest-store.js';
import { openSqliteStore } from '../../src/store/sqlite-digest-store.js';
import { createTopicLibrary } from '../../src/topics/topic-library.js';
import { faithful, topicName, useLlmSuite } from './llm-topic-fixture.js';

const suite = useLlmSuite();
let dir: string;
const running: { store: DigestStore; service: DigestService }[] = [];

beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'sitrep-llm-digest-'))));
afterEach(async () => {
  for (const { store, service } of running.splice(0)) {
    service.stop();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Subscribes the console to an 08:00 UTC digest and runs the 08:00 slot; returns what the console shows and how long the slot took. */
async function digestAtEight(timeoutMs: number): Promise<{ screen: string; ms: number }> {
  const topics = await createTopicLibrary(suite.root, topicName);
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const adapter = createConsoleAdapter({ deps: { topics, logger: silentLogger }, input: new PassThrough(), output, interactive: false });
  const clock = { now: new Date('2026-03-04T07:00:00Z') };
  const store = openSqliteStore(join(dir, 'sitrep.sqlite'));
  const summaries = createLlmSummaries({ baseUrl: suite.standIn.baseUrl, model: 'stand-in-7b', timeoutMs }, silentLogger);
  const service = createDigestService({ store, topics, posters: [adapter.poster], logger: silentLogger, clock: () => clock.now, graceMinutes: 60, summaries });
  running.push({ store, service });
  await service.commands.handle({ name: 'digest', text: 'subscribe 08:00 UTC', public: false }, topics.get(topicName)!, {
    platform: 'console',
    channelId: 'console',
    userId: 'console',
    canManageChannel: true,
    now: clock.now,
  });
  clock.now = new Date('2026-03-04T08:00:00Z');
  const started = Date.now();
  await service.runDue(clock.now);
  return { screen, ms: Date.now() - started };
}

describe('digests with a model configured', () => {
  it('open with the checked summary, before the key numbers and points', async () => {
    suite.standIn.script({ content: [...faithful, 'The fire service said 15,000 people were evacuated from Rivertown [2].'].join(' ') });
    const { screen } = await digestAtEight(2000);
    expect(screen).toContain('Summary:');
    expect(screen).toContain('Mayor Tomas Alden said repairs to the levee could cost $12 million [2].');
    expect(screen).toContain('1 sentence left out: 15,000 is in no source.');
    expect(screen.indexOf('Summary:')).toBeLessThan(screen.indexOf('Key numbers'));
    expect(suite.standIn.requests).toHaveLength(1);
  });

  it('go out on time without one when the model is slow', async () => {
    suite.standIn.script({ content: faithful.join(' '), delayMs: 5000 });
    const { screen, ms } = await digestAtEight(300);
    expect(ms).toBeLessThan(1500);
    expect(screen).toContain('Key numbers');
    expect(screen).not.toContain('Summary:');
  });
});

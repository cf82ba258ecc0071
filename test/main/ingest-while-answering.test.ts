/**
 * Builds happen off the thread that answers chat: the real bot (`npm start`'s dist/main.js, Slack
 * in HTTP mode against the stand-in) keeps acknowledging slash commands well inside Slack's
 * 3-second deadline while a large article dropped into its topic folder is analyzed, and the
 * article then reaches the briefing. Built on the thread that acks, the article held every
 * command for about three seconds.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSlackStandIn, type SlackStandIn } from '../adapters/slack/slack-stand-in.js';
import { postSigned, signingSecret, slashCommandBody } from '../adapters/slack/slack-requests.js';
import { seedDir } from '../support/seed.js';
import { loggedRecord, spawnStart, until, watch } from './entry-points.js';
import { largeInventedArticle } from './ingest-article.js';

let standIn: SlackStandIn | undefined;
let dir: string | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Ack {
  readonly sentAt: number;
  readonly status: number;
  readonly ms: number;
}

it('acks every slash command within a second while a 1 MB article is built, then briefs from it', async () => {
  standIn = await startSlackStandIn();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
  const topicDir = join(dir, 'briefings/seed');
  await cp(seedDir, topicDir, { recursive: true });
  child = spawnStart(dir, {
    LOG_LEVEL: 'info',
    BRIEFINGS_DIR: join(dir, 'briefings'),
    DATABASE_PATH: join(dir, 'data/sitrep.sqlite'),
    SLACK_BOT_TOKEN: 'xoxb-test-ingest-not-a-real-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const run = watch(child);
  const logged = (msg: string): Record<string, unknown> | undefined => loggedRecord(run.err(), msg);
  await until(() => logged('slack adapter started') !== undefined, 30_000, 'the Slack adapter to start');
  const events = `http://127.0.0.1:${String(logged('slack adapter started')!.port)}/slack/events`;

  const acks: Ack[] = [];
  let sending = true;
  let n = 0;
  const send = async (command: string, text: string): Promise<string> => {
    const id = `ingest-${++n}`;
    const sentAt = Date.now();
    const res = await postSigned(events, slashCommandBody({ command, text, responseUrl: standIn!.responseUrl(id) }));
    acks.push({ sentAt, status: res.status, ms: res.ms });
    return id;
  };
  const load = (async () => {
    while (sending) {
      await send('/brief', '');
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  })();

  await until(() => acks.length >= 5, 15_000, 'the first acks');
  const droppedAt = Date.now();
  await writeFile(join(topicDir, '009_alden-ledger.md'), largeInventedArticle(1_000_000));
  await until(() => logged('topic folder changed') !== undefined, 90_000, 'the large article to be built');
  const builtAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 300));
  sending = false;
  await load;

  const duringBuild = acks.filter((a) => a.sentAt > droppedAt && a.sentAt < builtAt);
  expect(duringBuild.length, 'commands sent while the article was being built').toBeGreaterThanOrEqual(5);
  expect(acks.map((a) => a.status)).toEqual(acks.map(() => 200));
  expect(Math.max(...acks.map((a) => a.ms)), `slowest of ${acks.length} acks (ms)`).toBeLessThan(1000);
  expect(logged('topic folder changed')).toMatchObject({ added: ['009_alden-ledger.md'], articles: 6 });

  const sources = await send('/sources', '');
  const reply = await standIn.waitFor(() => standIn!.responsesTo(sources)[0], 15_000);
  expect(JSON.stringify(reply)).toContain('Alden flood ledger');
}, 150_000);

/**
 * `npm start` with the three OAuth settings, as a child process against the Slack stand-in: the
 * composition root opens the installation store in the SQLite file, serves the install flow on
 * PORT, and logs (at debug, where the Web API client prints request bodies) no secret.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteSlackInstallationStore } from '../../../src/store/sqlite-slack-installation-store.js';
import { loggedRecord, spawnStart, until, watch } from '../../main/entry-points.js';
import { seedDir } from '../../support/seed.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { signingSecret } from './slack-requests.js';

const stateSecret = 'npm-start-state-secret-0123456789';
const botToken = 'xoxb-test-npm-start-alpha-not-real';

let standIn: SlackStandIn | undefined;
let dir: string | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('installs a workspace through npm start, keeps it in the SQLite file, and logs no secret', async () => {
  standIn = await startSlackStandIn();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-oauth-start-'));
  await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  const databasePath = join(dir, 'data/sitrep.sqlite');
  child = spawnStart(dir, {
    LOG_LEVEL: 'debug',
    BRIEFINGS_DIR: join(dir, 'briefings'),
    DATABASE_PATH: databasePath,
    SLACK_CLIENT_ID: standIn.oauth.clientId,
    SLACK_CLIENT_SECRET: standIn.oauth.clientSecret,
    SLACK_STATE_SECRET: stateSecret,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const run = watch(child);
  const logged = (msg: string): Record<string, unknown> | undefined => loggedRecord(run.err(), msg);
  await until(() => logged('started') !== undefined, 30_000, 'Sitrep to start');
  expect(logged('started')?.['platforms']).toMatch(/slack \(http 127\.0\.0\.1:0, oauth\)/);
  const base = `http://127.0.0.1:${String(logged('slack adapter started')!['port'])}`;

  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  standIn.oauth.codes.set('code-npm-start', { teamId: 'T0ALPHA', teamName: 'Alpha News', botToken });
  const done = await fetch(`${base}/slack/oauth_redirect?code=code-npm-start&state=${encodeURIComponent(state)}`, {
    redirect: 'manual',
    headers: { cookie: (start.headers.get('set-cookie') ?? '').split(';')[0]! },
  });
  expect(done.status).toBe(200);
  await until(() => logged('slack workspace installed') !== undefined, 5_000, 'the install to be logged');

  child.kill('SIGTERM');
  await run.exited;
  const installations = openSqliteSlackInstallationStore(databasePath);
  try {
    expect((await installations.listInstallations()).map((r) => r.key)).toEqual(['T0ALPHA']);
  } finally {
    await installations.close();
  }
  // The client sent the secret in oauth.v2.access's body, which the Web API client logs at debug.
  expect(run.err()).toContain('oauth.v2.access');
  for (const secret of [standIn.oauth.clientSecret, stateSecret, botToken, signingSecret]) expect(run.err()).not.toContain(secret);
}, 60_000);

/**
 * `npm start`'s entry point with DATABASE_URL, as a child process: it migrates the Postgres
 * database at start and runs on it; a server it cannot reach fails the start in one line naming
 * the variable. The password never reaches the output.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../src/app/open-stores.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { Topic } from '../../src/topics/topic-library.js';
import { usePostgresWorkspace } from './support/use-postgres-workspace.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'src/main.ts');

const workspace = usePostgresWorkspace();

function start(databaseUrl: string): Promise<{ code: number; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', BRIEFINGS_DIR: join(workspace.dir(), 'briefings'), DATABASE_PATH: join(workspace.dir(), 'data/sitrep.sqlite'), DATABASE_URL: databaseUrl };
  return new Promise((resolve) => {
    const child = execFile(tsx, [main], { cwd: tmpdir(), env, timeout: 40_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
    child.stdin?.end('');
  });
}

describe('npm start with DATABASE_URL', () => {
  it('creates the schema in that database at start and names it, password masked, in the start-up line', async () => {
    const url = await workspace.postgres().createDatabase();
    const run = await start(url);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`"store":"${url.replace(':test-password@', ':***@')}"`);
    expect(run.stderr).not.toContain('test-password');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    await client.end();
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['deliveries', 'delivery_parts', 'feed_states', 'sitrep_schema', 'snapshots', 'subscriptions']));
  }, 60_000);

  it('fails at start in one line naming DATABASE_URL when no server answers, without its password', async () => {
    const run = await start('postgres://sitrep:fake-unreachable-password@127.0.0.1:1/sitrep');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^sitrep: cannot open the database at DATABASE_URL=postgres:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/sitrep: .*ECONNREFUSED/)]);
    expect(run.stderr).not.toContain('fake-unreachable-password');
  }, 60_000);
});

describe('the stores DATABASE_URL opens', () => {
  it('keeps digests and feed state in that one database, for every replica to share', async () => {
    const url = await workspace.postgres().createDatabase();
    const stores = await openStores(loadConfig({ DATABASE_URL: url }, { checkBriefingsDir: false }), silentLogger);
    await stores.digests.claimSlot('s1', '2025-01-02T06:00:00.000Z', new Date('2025-01-02T06:00Z'), { leaseMs: 60_000, retryAfterMs: 60_000, maxAttempts: 3 }, 'k');
    await stores.feedStates?.save({ name: 'troops', dir: '/nowhere' } as Topic, { version: 1, feeds: {} });
    await stores.digests.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const counts = await client.query<{ deliveries: string; feeds: string }>('SELECT (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM feed_states) AS feeds');
    await client.end();
    expect(counts.rows[0]).toEqual({ deliveries: '1', feeds: '1' });
  });

  it('keeps the Slack installations there too when the OAuth flow is on', async () => {
    const url = await workspace.postgres().createDatabase();
    const oauth = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'fake-client-secret', SLACK_STATE_SECRET: 'fake-state-secret-0123456789', SLACK_SIGNING_SECRET: 'fake-signing-secret' };
    const stores = await openStores(loadConfig({ DATABASE_URL: url, ...oauth }, { checkBriefingsDir: false }), silentLogger);
    await stores.slackInstallations?.saveInstallation({ key: 'T0ALPHA', teamId: 'T0ALPHA', installation: '{}', installedAt: '2025-01-02T06:00:00.000Z' });
    await stores.slackInstallations?.close();
    await stores.digests.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const installed = await client.query<{ install_key: string }>('SELECT install_key FROM slack_installations');
    await client.end();
    expect(installed.rows).toEqual([{ install_key: 'T0ALPHA' }]);
  });

  it('keeps feed state in the topic folders with SQLite', async () => {
    const stores = await openStores(loadConfig({ DATABASE_PATH: join(workspace.dir(), 'data/open-stores.sqlite') }, { checkBriefingsDir: false }), silentLogger);
    expect(stores.feedStates).toBeUndefined();
    await stores.digests.close();
  });
});

/**
 * `npm start` with Discord settings: the real entry point, as a child process, logs in to the
 * Discord stand-in and answers a slash command, with no console; SIGTERM stops it cleanly.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../adapters/discord/discord-stand-in.js';
import { slashCommand, str } from '../adapters/discord/discord-interactions.js';
import { seedDir } from '../support/seed.js';
import { spawnStart, watch } from './entry-points.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.start-test-token.not-real-0123456789';
const applicationId = '1100000000000000001';

let standIn: DiscordStandIn | undefined;
let dir: string | undefined;

afterEach(async () => {
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm start with Discord settings', () => {
  it('starts the Discord adapter instead of the console and answers /ask over the gateway', async () => {
    standIn = await startDiscordStandIn({ token, applicationId });
    dir = await mkdtemp(join(tmpdir(), 'sitrep-start-discord-'));
    await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
    // Spawned as npm runs it (node dist/main.js, no tsx wrapper in between to relay signals).
    const child = spawnStart(dir, {
      LOG_LEVEL: 'info',
      BRIEFINGS_DIR: join(dir, 'briefings'),
      DATABASE_PATH: join(dir, 'data/sitrep.db'),
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: applicationId,
      DISCORD_API_URL: standIn.apiUrl,
    });
    const run = watch(child);
    try {
      const ready = standIn;
      await ready.waitFor(() => (ready.identifies.length ? true : undefined), 20_000);
      const { token: tok, payload } = slashCommand({ applicationId, name: 'ask', options: [str('question', 'latest troop estimate')] });
      // The gateway may be identified a moment before the client takes dispatches: resend until answered.
      const answer = await ready.waitFor(() => {
        const call = ready.callsTo('PATCH', new RegExp(`^/webhooks/${applicationId}/${tok}/messages/@original$`))[0];
        if (!call && ready.callsTo('POST', /\/callback$/).length === 0) ready.dispatch('INTERACTION_CREATE', payload);
        return call;
      }, 20_000);
      expect(JSON.stringify(answer.body)).toContain('10,000');
      expect(answer.body).toMatchObject({ allowed_mentions: { parse: [] } });
    } finally {
      // The answer can come before start-up has finished (folder watcher, digests): the handlers
      // are in place from the first line, so this SIGTERM is a clean stop, never exit 143.
      child.kill('SIGTERM');
    }
    const code = await run.exited;
    const [stdout, stderr] = [run.out(), run.err()];
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/Sitrep console/);
    expect(stdout + stderr).toMatch(/discord adapter started/);
    expect(stderr).toMatch(/discord adapter stopped/);
    expect(stdout + stderr).not.toContain(token);
  }, 60_000);
});

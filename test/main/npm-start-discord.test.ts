/**
 * `npm start` with Discord settings: the real entry point, as a child process, logs in to the
 * Discord stand-in and answers a slash command, with no console; SIGTERM stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../discord/discord-stand-in.js';
import { slashCommand, str } from '../discord/discord-interactions.js';
import { seedDir } from '../support/seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
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
    const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main.ts')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'info',
        BRIEFINGS_DIR: join(dir, 'briefings'),
        DATABASE_PATH: join(dir, 'data/sitrep.db'),
        DISCORD_TOKEN: token,
        DISCORD_APPLICATION_ID: applicationId,
        DISCORD_API_URL: standIn.apiUrl,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
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
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/Sitrep console/);
    expect(stdout + stderr).toMatch(/discord adapter started/);
    expect(stdout + stderr).not.toContain(token);
  }, 60_000);
});

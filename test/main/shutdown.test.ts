/**
 * Signals at any moment of `npm start`: the handlers are installed before anything else, so a
 * SIGTERM while a platform is still logging in is a clean, prompt stop, not a kill.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDir } from '../support/seed.js';
import { spawnStart, until, watch } from './entry-points.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A Discord API that takes requests and never answers them: login hangs at its first call. */
async function silentDiscordApi(requests: IncomingMessage[]): Promise<string> {
  server = createServer((request) => void requests.push(request));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

describe('npm start and signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('a %s while Discord is still logging in stops it with exit 0, well within the limit', async (signal) => {
    const requests: IncomingMessage[] = [];
    const apiUrl = await silentDiscordApi(requests);
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-signal-'));
    await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
    const child = spawnStart(dir, {
      LOG_LEVEL: 'info',
      BRIEFINGS_DIR: join(dir, 'briefings'),
      DATABASE_PATH: join(dir, 'data/sitrep.db'),
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.signal-test-token.not-real-0123456789',
      DISCORD_APPLICATION_ID: '1100000000000000001',
      DISCORD_API_URL: apiUrl,
    });
    const run = watch(child);
    try {
      await until(() => requests.length > 0, 20_000, 'the login request');
      const sent = Date.now();
      child.kill(signal);
      expect(await run.exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(5_000);
    } finally {
      child.kill('SIGKILL');
    }
    expect(run.err()).toMatch(/"msg":"stopping"/);
    expect(run.out()).not.toMatch(/Sitrep console/);
  }, 40_000);
});

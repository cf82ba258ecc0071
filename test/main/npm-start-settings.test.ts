/**
 * `npm start`'s entry point, as a child process, refusing settings it cannot run with: each in
 * one line naming the variable, quickly, with a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedDir } from '../support/seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'src/main.ts');
const botToken = 'xoxb-test-start-settings-not-real';
const signingSecret = 'start-settings-signing-secret-not-real';

interface Run {
  readonly code: number;
  readonly stderr: string;
  readonly ms: number;
}

function start(env: Record<string, string>): Promise<Run> {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = execFile(tsx, [main], { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 40_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr, ms: Date.now() - began }),
    );
    child.stdin?.end('');
  });
}

async function workspace(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-settings-'));
  await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  return { dir, env: { BRIEFINGS_DIR: join(dir, 'briefings'), DATABASE_PATH: join(dir, 'data/sitrep.db') } };
}

const lines = (text: string): string[] => text.trim().split('\n').filter(Boolean);

describe('npm start refuses settings it cannot run with', () => {
  it.each([
    ['a BRIEFINGS_DIR that does not exist', async (dir: string) => join(dir, 'nowhere')],
    ['a BRIEFINGS_DIR that is a file', async (dir: string) => (await writeFile(join(dir, 'file.txt'), 'x'), join(dir, 'file.txt'))],
    ['an empty BRIEFINGS_DIR', async (dir: string) => (await mkdir(join(dir, 'empty')), join(dir, 'empty'))],
  ])('%s: one line naming BRIEFINGS_DIR, no raw ENOENT', async (_what, make) => {
    const { dir, env } = await workspace();
    const run = await start({ ...env, BRIEFINGS_DIR: await make(dir) });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^sitrep: Invalid setting BRIEFINGS_DIR: /);
    expect(run.stderr).not.toMatch(/ENOENT|ENOTDIR|scandir/);
  });

  it.each([[''], [' ']])('PORT=%j: one line naming PORT, not a random port', async (port) => {
    const { env } = await workspace();
    const run = await start({ ...env, PORT: port, SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^sitrep: Invalid setting PORT: /)]);
  });

  it('HOST that is no address: one line naming HOST', async () => {
    const { env } = await workspace();
    const run = await start({ ...env, HOST: 'not a host', SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^sitrep: Invalid setting HOST: /)]);
  });
});

describe('npm start with the Slack Web API out of reach', () => {
  it('exits non-zero within 15 s naming SLACK_API_URL when the Web API accepts connections and never answers', async () => {
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/api/`;
    try {
      const { env } = await workspace();
      const run = await start({ ...env, PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: apiUrl });
      expect(run.code).not.toBe(0);
      expect(run.ms).toBeLessThan(15_000);
      expect(run.stderr).toContain(`sitrep: could not start: cannot reach the Slack Web API at SLACK_API_URL=${apiUrl}`);
      // Every line says the same thing (the log line and the summary); no retry warnings.
      for (const line of lines(run.stderr)) expect(line).toContain('SLACK_API_URL');
      expect(run.stderr).not.toContain(botToken);
      expect(run.stderr).not.toContain(signingSecret);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => blackHole.close(resolve));
    }
  }, 30_000);

  it('exits at once naming SLACK_API_URL when nothing listens there', async () => {
    const { env } = await workspace();
    const run = await start({ ...env, PORT: '0', SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: 'http://127.0.0.1:1/api/' });
    expect(run.code).not.toBe(0);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).toMatch(/could not start: cannot reach the Slack Web API at SLACK_API_URL=http:\/\/127\.0\.0\.1:1\/api\/: /);
  }, 30_000);
});

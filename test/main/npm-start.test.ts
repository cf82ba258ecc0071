import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedDir } from '../support/seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'src/main.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm start`'s entry point the way npm does, with stdin piped, in a scratch folder (so no .env is read). */
function start(env: Record<string, string>, input: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(tsx, [main], { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

async function workspace(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-start-'));
  await cp(seedDir, join(dir, 'briefings/seed'), { recursive: true });
  return { BRIEFINGS_DIR: join(dir, 'briefings'), DATABASE_PATH: join(dir, 'data/sitrep.db') };
}

describe('npm start with no tokens', () => {
  it('runs the console on the bundled set, answers piped commands and exits 0 at end of input', async () => {
    const env = await workspace();
    const run = await start(env, '/ask latest troop estimate\n/frobnicate\n');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^Sitrep console · topics: seed/);
    expect(run.stdout).toMatch(/10,000/);
    expect(run.stdout).toMatch(/Unknown command "frobnicate"/);
  });

  it('keeps a console digest subscription in SQLite across a restart', async () => {
    const env = await workspace();
    const first = await start(env, '/digest subscribe 08:00 Europe/Kyiv\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/every day at 08:00 Europe\/Kyiv/);
    const second = await start(env, '/digest status\n');
    expect(second.stdout).toMatch(/every day at 08:00 Europe\/Kyiv/);
  });

  it('stops at start-up with one line naming the variable when config is partial', async () => {
    const env = await workspace();
    const run = await start({ ...env, SLACK_BOT_TOKEN: 'xoxb-not-a-real-token' }, '');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/SLACK_SIGNING_SECRET/);
    expect(run.stderr).not.toContain('xoxb-not-a-real-token');
  });
});

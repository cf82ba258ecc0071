import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDir } from '../support/seed.js';
import { hasScript, spawnStart, spawnStartOnTerminal, until, watch } from './entry-points.js';

interface Run {
  readonly code: number | NodeJS.Signals;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm start`'s entry point the way npm does, with stdin piped, in a scratch folder (so no .env is read). */
async function start(env: Record<string, string>, input: string): Promise<Run> {
  const child = spawnStart(tmpdir(), { LOG_LEVEL: 'warn', ...env });
  const run = watch(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdin.end(input);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, stdout: run.out(), stderr: run.err() };
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

  it('logs one start-up line: the topics with their articles, the platforms, the store, the digest subscriptions', async () => {
    const env = await workspace();
    const run = await start({ ...env, LOG_LEVEL: 'info' }, '');
    expect(run.code).toBe(0);
    const started = run.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === 'started');
    expect(started).toEqual([expect.objectContaining({ level: 'info', topics: 'seed (5 articles)', platforms: 'console', store: env.DATABASE_PATH, digestSubscriptions: 0 })]);
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

  it('keeps logs off stdout: piped, they are JSON lines on stderr', async () => {
    const env = await workspace();
    await writeFile(join(env.BRIEFINGS_DIR!, 'seed/zz-broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const run = await start({ ...env, LOG_LEVEL: 'info' }, '/numbers\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Key numbers/);
    expect(run.stdout).not.toMatch(/skipped article file|"level"/);
    const lines = run.stderr.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { level: string; msg: string; path?: string });
    expect(records).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'skipped article file', path: expect.stringMatching(/zz-broken\.txt$/) }));
  });
});

describe.skipIf(!hasScript)('npm start at a terminal', () => {
  it('leaves at once on /quit, and writes log lines readably, not as JSON', async () => {
    const env = await workspace();
    await writeFile(join(env.BRIEFINGS_DIR!, 'seed/zz-broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const child = spawnStartOnTerminal(tmpdir(), { ...env, LOG_LEVEL: 'info' });
    const run = watch(child);
    try {
      await until(() => run.out().includes('sitrep> '), 15_000, 'the prompt');
      child.stdin.write('/help\n');
      await until(() => run.out().includes('Replies are private'), 15_000, 'the help');
      // stdin stays open: only /quit may end the session.
      child.stdin.write('/quit\n');
      const code = await Promise.race([run.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 8_000))]);
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    const screen = run.out();
    expect(screen).toMatch(/\/quit to leave/);
    expect(screen).toMatch(/WARN +skipped article file .*zz-broken\.txt/);
    expect(screen).not.toContain('{"time"');
    expect(screen).toMatch(/\/brief \[topic\]: The key points/);
  }, 40_000);
});

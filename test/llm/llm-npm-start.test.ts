/**
 * The composition root with the LLM settings: Sitrep's entry point as a child process (through
 * tsx, on the sources), the console on the flood topic, the model on the loopback stand-in.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { faithful, useLlmSuite } from './llm-topic-fixture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiKey = 'sk-test-npm-start-not-a-real-key';
const suite = useLlmSuite();

/** Runs the entry point with `env`, `/brief` on stdin; resolves with what it printed once input ends. */
async function briefWith(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const data = await mkdtemp(join(tmpdir(), 'sitrep-llm-start-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = execFile(
        join(root, 'node_modules/.bin/tsx'),
        [join(root, 'src/main.ts')],
        { cwd: data, timeout: 40_000, env: { PATH: process.env.PATH ?? '', BRIEFINGS_DIR: suite.root, DATABASE_PATH: join(data, 'sitrep.sqlite'), LOG_LEVEL: 'debug', ...env } },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr })),
      );
      child.stdin?.end('/brief\n');
    });
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

describe('npm start with LLM_BASE_URL', () => {
  it('opens /brief with the checked summary, sends the key and never logs it', async () => {
    suite.standIn.script({ content: [...faithful, 'The fire service said 15,000 people were evacuated from Rivertown [2].'].join(' ') });
    const { stdout, stderr } = await briefWith({ LLM_BASE_URL: suite.standIn.baseUrl, LLM_MODEL: 'stand-in-7b', LLM_API_KEY: apiKey, LLM_TIMEOUT_MS: '5000' });
    expect(stdout).toContain('Summary:');
    expect(stdout).toContain('1 sentence left out: 15,000 is in no source.');
    expect(suite.standIn.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(stderr).toContain('llm sentence left out');
    expect(stderr).not.toContain(apiKey);
  }, 60_000);

  it('sends nothing without it', async () => {
    const { stdout } = await briefWith({});
    expect(stdout).toContain('Key points:');
    expect(stdout).not.toContain('Summary:');
    expect(suite.standIn.requests).toHaveLength(0);
  }, 60_000);
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

describe('configuration', () => {
  it('runs offline with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ briefingsDir: 'briefings', console: false, digestConcurrency: 50 });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-fake-123456' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: 'fake-secret-abcdef' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_BOT_TOKEN: 'not-a-bot-token', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN: must start with xoxb-/],
    [{ DISCORD_TOKEN: 'fake.discord.token' }, /DISCORD_APPLICATION_ID/],
    [{ DISCORD_TOKEN: 'fake.discord.token', DISCORD_APPLICATION_ID: 'abc' }, /DISCORD_APPLICATION_ID: must be a numeric snowflake/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '' }, /Invalid setting PORT: is empty/],
    [{ PORT: '   ' }, /Invalid setting PORT: is empty/],
    [{ PORT: '70000' }, /PORT/],
    [{ HOST: 'not a host' }, /Invalid setting HOST/],
    [{ HOST: 'http://127.0.0.1' }, /Invalid setting HOST/],
    [{ HOST: '300.1.2.3' }, /Invalid setting HOST/],
    [{ SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL/],
    [{ DATABASE_URL: 'mysql://sitrep:fake-password@127.0.0.1/sitrep' }, /Invalid setting DATABASE_URL: must be a postgres:\/\//],
    [{ DATABASE_URL: 'data/sitrep.sqlite' }, /Invalid setting DATABASE_URL: must be a postgres:\/\//],
    [{ DATABASE_URL: 'postgres:///sitrep' }, /Invalid setting DATABASE_URL: names no server/],
    [{ DIGEST_CONCURRENCY: '0' }, /Invalid setting DIGEST_CONCURRENCY/],
    [{ DIGEST_CONCURRENCY: 'many' }, /Invalid setting DIGEST_CONCURRENCY/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never quotes a secret value in its error', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-very-secret-value', SLACK_SIGNING_SECRET: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('very-secret-value');
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('keeps the stores in SQLite unless DATABASE_URL names a Postgres server, whose password it masks for logs', () => {
    expect(loadConfig({}).postgres).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: ' ' }).postgres).toBeUndefined();
    const url = 'postgres://sitrep:fake%2Fpass@db.internal:5433/sitrep?sslmode=require';
    expect(loadConfig({ DATABASE_URL: url }).postgres).toEqual({ url, displayUrl: 'postgres://sitrep:***@db.internal:5433/sitrep?sslmode=require', secrets: ['fake%2Fpass', 'fake/pass'] });
    expect(loadConfig({ DATABASE_URL: 'postgresql:///sitrep?host=/var/run/postgresql&user=sitrep' }).postgres?.secrets).toEqual([]);
  });

  it('never quotes a DATABASE_URL password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://sitrep:very-secret-value@127.0.0.1/sitrep' })).toThrow(/^(?!.*very-secret-value).*DATABASE_URL/);
  });

  it('adds the trailing slash Bolt needs to SLACK_API_URL', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-fake-1', SLACK_SIGNING_SECRET: 'fake', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(config.slack?.apiUrl).toBe('http://127.0.0.1:9/api/');
  });
});

describe('BRIEFINGS_DIR', () => {
  const scratch = (): string => mkdtempSync(join(tmpdir(), 'sitrep-config-'));

  it.each([
    ['missing', (dir: string) => join(dir, 'nowhere'), /Invalid setting BRIEFINGS_DIR: no folder at .*nowhere/],
    ['a file', (dir: string) => (writeFileSync(join(dir, 'f.txt'), 'x'), join(dir, 'f.txt')), /Invalid setting BRIEFINGS_DIR: .*f\.txt is not a folder/],
    ['an empty folder', (dir: string) => dir, /Invalid setting BRIEFINGS_DIR: .* holds no topic folders with articles/],
    ['a folder of empty topic folders', (dir: string) => (mkdirSync(join(dir, 'topic')), dir), /BRIEFINGS_DIR: .* holds no topic folders/],
  ])('refuses a BRIEFINGS_DIR that is %s, naming the variable', (_what, make, message) => {
    const dir = make(scratch());
    expect(() => loadConfig({ BRIEFINGS_DIR: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ BRIEFINGS_DIR: dir })).toThrow(message);
  });

  it('is not checked for tools that read no articles (register:discord)', () => {
    expect(loadConfig({ BRIEFINGS_DIR: join(scratch(), 'nowhere') }, { checkBriefingsDir: false }).briefingsDir).toMatch(/nowhere$/);
  });

  it('takes a folder of topic folders, or one topic folder of articles', () => {
    const root = scratch();
    mkdirSync(join(root, 'story'));
    writeFileSync(join(root, 'story', 'a.md'), 'The bridge reopened on Friday.');
    expect(loadConfig({ BRIEFINGS_DIR: root }).briefingsDir).toBe(root);
    expect(loadConfig({ BRIEFINGS_DIR: join(root, 'story') }).briefingsDir).toBe(join(root, 'story'));
  });
});

describe('HOST', () => {
  it.each(['127.0.0.1', '::1', '0.0.0.0', 'localhost', 'sitrep.internal.example'])('binds the Slack receiver to %s', (value) => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-fake-1', SLACK_SIGNING_SECRET: 'fake', HOST: value }).slack?.host).toBe(value);
  });

  it('listens on every interface when unset or empty', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-fake-1', SLACK_SIGNING_SECRET: 'fake', HOST: '' }).slack?.host).toBeUndefined();
  });
});

describe('logs', () => {
  it('redact secrets by value and by key', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets: ['xoxb-fake-supersecret'], write: (l) => lines.push(l) });
    log.error('failed', { error: new Error('call with xoxb-fake-supersecret failed'), token: 'abc', authorization: 'Bearer x' });
    expect(lines.join('\n')).not.toMatch(/supersecret|"abc"|Bearer/);
    expect(lines[0]).toMatch(/\[redacted\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

describe('configuration', () => {
  it('runs offline with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ briefingsDir: 'briefings', console: false });
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
    [{ SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL/],
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

  it('adds the trailing slash Bolt needs to SLACK_API_URL', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-fake-1', SLACK_SIGNING_SECRET: 'fake', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(config.slack?.apiUrl).toBe('http://127.0.0.1:9/api/');
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

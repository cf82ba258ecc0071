import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const oauth = { SLACK_CLIENT_ID: '1111111111.2222222222', SLACK_CLIENT_SECRET: 'fake-client-secret', SLACK_STATE_SECRET: 'fake-state-secret-0123456789', SLACK_SIGNING_SECRET: 'fake-signing' };
const load = (env: Record<string, string>) => loadConfig(env, { checkBriefingsDir: false });
const refusal = (env: Record<string, string>): string => {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
};

describe('Slack OAuth settings', () => {
  it('switch Slack to the OAuth flow in HTTP mode, with no single-workspace token', () => {
    const slack = load({ ...oauth, PORT: '8080' }).slack;
    expect(slack).toMatchObject({ oauth: { clientId: '1111111111.2222222222', clientSecret: 'fake-client-secret', stateSecret: 'fake-state-secret-0123456789' }, signingSecret: 'fake-signing', port: 8080 });
    expect(slack?.botToken).toBeUndefined();
  });

  it('leave single-workspace settings as they were', () => {
    const slack = load({ SLACK_BOT_TOKEN: 'xoxb-fake-1', SLACK_SIGNING_SECRET: 'fake' }).slack;
    expect(slack).toMatchObject({ botToken: 'xoxb-fake-1', signingSecret: 'fake' });
    expect(slack?.oauth).toBeUndefined();
  });

  it.each(['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const)('go together: without %s start-up fails naming it, never a secret', (missing) => {
    const message = refusal({ ...oauth, [missing]: '' });
    expect(message).toMatch(new RegExp(`^Invalid setting ${missing}: required with the other OAuth settings`));
    for (const secret of [oauth.SLACK_CLIENT_SECRET, oauth.SLACK_STATE_SECRET]) expect(message).not.toContain(secret);
  });

  it.each([
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: '' }, /required with SLACK_CLIENT_ID/],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxb-fake-1' }, /leave it unset with SLACK_CLIENT_ID/],
    ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: 'xapp-fake-1' }, /leave it unset with SLACK_CLIENT_ID/],
    ['SLACK_CLIENT_ID', { SLACK_CLIENT_ID: 'my-app' }, /Client ID/],
    ['SLACK_STATE_SECRET', { SLACK_STATE_SECRET: 'short' }, /at least 16 characters/],
  ])('refuse a bad or conflicting %s', (name, change, reason) => {
    const message = refusal({ ...oauth, ...change });
    expect(message.startsWith(`Invalid setting ${name}: `)).toBe(true);
    expect(message).toMatch(reason);
    expect(message).not.toContain('short');
  });
});

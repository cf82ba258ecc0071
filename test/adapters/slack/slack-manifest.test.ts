import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slackCommands } from '../../../src/adapters/slack/register-slack-listeners.js';
import { slackBotScopes } from '../../../src/adapters/slack/slack-scopes.js';

interface Manifest {
  features: { slash_commands: { command: string; url: string; description: string; usage_hint?: string; should_escape: boolean }[] };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean; event_subscriptions?: { request_url: string; bot_events: string[] } };
}

const read = (name: string): Manifest => JSON.parse(readFileSync(new URL(`../../../slack/${name}`, import.meta.url), 'utf8')) as Manifest;

describe.each(['manifest.json', 'manifest-oauth.json'])('slack/%s', (name) => {
  const manifest = read(name);

  it('declares exactly the slash commands the adapter serves, each with a description and usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...slackCommands].sort());
    for (const c of manifest.features.slash_commands) {
      expect(c.url).toBe('https://YOUR-HOST/slack/events');
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  it('asks for the scopes Sitrep uses and no more, with interactivity on and Socket Mode off', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['channels:history', 'chat:write', 'chat:write.public', 'commands', 'files:write', 'groups:history', 'users:read']);
    expect(manifest.oauth_config.scopes.bot).toEqual([...slackBotScopes]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});

describe('slack/manifest-oauth.json', () => {
  it("sends installs back to /slack/oauth_redirect and tells Sitrep when a workspace removes the app", () => {
    const manifest = read('manifest-oauth.json');
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: 'https://YOUR-HOST/slack/events', bot_events: ['app_uninstalled', 'tokens_revoked'] });
  });
});

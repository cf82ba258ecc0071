import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-request.js';
import { parseCommandLine } from '../../src/commands/command-request.js';
import { executeCommand } from '../../src/commands/execute-command.js';
import { createDigestService } from '../../src/digests/create-digest-service.js';
import { silentLogger } from '../../src/logger.js';
import { renderText } from '../../src/render/render-text.js';
import { createMemoryDigestStore } from '../../src/store/memory-digest-store.js';
import { dayOne, dayTwo, makeBriefing } from './support/briefing-fixture.js';
import { createRecordingPoster } from './support/recording-poster.js';
import { makeTopic, makeTopics } from './support/topic-fixture.js';

function setup() {
  const store = createMemoryDigestStore();
  const topics = makeTopics(makeTopic('troops', 'North Korean troops in Russia', makeBriefing(dayTwo)), makeTopic('yukos', 'Yukos', makeBriefing(dayOne)));
  let now = new Date('2025-03-10T09:00:00Z');
  const service = createDigestService({ store, topics, posters: [createRecordingPoster('slack')], logger: silentLogger, clock: () => now, graceMinutes: 360 });
  const context = (over: Partial<CommandContext> = {}): CommandContext => ({ platform: 'slack', channelId: 'C1', userId: 'U1', canManageChannel: true, now, ...over });
  /** Types a line as a user would, through the shared parser and command runner. */
  const type = async (line: string, over: Partial<CommandContext> = {}): Promise<string> => {
    const request = parseCommandLine(line, topics.names());
    if ('error' in request) throw new Error(request.error);
    const reply = await executeCommand(request, context(over), { topics, logger: silentLogger, digests: service.commands });
    return renderText(reply.message);
  };
  return { store, service, type, setNow: (d: Date) => (now = d) };
}

describe('digest commands', () => {
  it('subscribes a channel daily at 08:00 Kyiv time and says so in words, with the next digest', async () => {
    const { store, type } = setup();
    const reply = await type('/digest subscribe 08:00 Europe/Kyiv');
    expect(reply).toContain('== Digest subscribed ==');
    expect(reply).toContain('This channel will get a digest of North Korean troops in Russia every day at 08:00 Europe/Kyiv. The next one: Tue, 11 Mar 2025, 08:00.');
    expect(await store.listSubscriptions()).toMatchObject([
      { id: 'chat:slack:C1:troops', cron: '0 8 * * *', timezone: 'Europe/Kyiv', owner: 'chat', createdBy: 'U1', activeFrom: '2025-03-10T09:00:00.000Z' },
    ]);
  });

  it('defaults to 08:00 UTC, reads 8:30pm and a topic in any order, and changes an existing schedule', async () => {
    const { store, type } = setup();
    expect(await type('/digest subscribe')).toContain('every day at 08:00 UTC');
    const changed = await type('/digest subscribe yukos 8:30pm America/New_York');
    expect(changed).toContain('a digest of Yukos every day at 20:30 America/New_York');
    const again = await type('/digest subscribe 7am yukos');
    expect(again).toContain('== Digest schedule changed ==');
    expect(again).toContain('(was every day at 20:30 America/New_York)');
    expect((await store.listSubscriptions()).map((s) => [s.topic, s.cron, s.timezone])).toEqual([
      ['troops', '0 8 * * *', 'UTC'],
      ['yukos', '0 7 * * *', 'UTC'],
    ]);
  });

  it('explains a bad time (25:00) and an unknown zone (Mars/Base) without subscribing', async () => {
    const { store, type } = setup();
    const time = await type('/digest subscribe 25:00 Europe/Kyiv');
    expect(time).toContain('! "25:00" is not a time of day');
    expect(time).toContain('Give a time like 08:00, 8am or 8:30pm.');
    const zone = await type('/digest subscribe 08:00 Mars/Base');
    expect(zone).toContain('! "Mars/Base" is not a time zone or topic I know');
    expect(zone).toContain('Use an IANA time zone name such as Europe/Kyiv, America/New_York or UTC.');
    expect(await type('/digest subscribe 13pm')).toContain('"13pm" is not a time of day');
    expect(await type('/digest subscribe Europe/Kyyiv')).toContain('Did you mean');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('refuses subscribe and unsubscribe to users who cannot manage the channel, but shows them the status', async () => {
    const { store, type } = setup();
    await type('/digest subscribe 08:00 Europe/Kyiv');
    const refused = await type('/digest unsubscribe', { canManageChannel: false, userId: 'U2' });
    expect(refused).toContain('! Only channel managers can change digests');
    expect(await type('/digest subscribe 09:00', { canManageChannel: false })).toContain('Only channel managers');
    expect(await store.listSubscriptions()).toHaveLength(1);
    expect(await type('/digest status', { canManageChannel: false })).toContain('North Korean troops in Russia: every day at 08:00 Europe/Kyiv');
  });

  it('reports status per channel, and unsubscribes only this channel', async () => {
    const { store, type } = setup();
    expect(await type('/digest status')).toContain('This channel gets no scheduled digests.');
    await type('/digest subscribe 08:00 Europe/Kyiv');
    await type('/digest subscribe 08:00', { channelId: 'C2' });
    const status = await type('/digest status');
    expect(status).toContain('== Digests in this channel ==');
    expect(status).toContain('- North Korean troops in Russia: every day at 08:00 Europe/Kyiv');
    expect(status).toContain('Next: Tue, 11 Mar 2025, 08:00');
    expect(await type('/digest unsubscribe')).toContain('This channel will no longer get digests of North Korean troops in Russia.');
    expect(await type('/digest unsubscribe')).toContain('== No digest to stop ==');
    expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(['C2']);
  });

  it('previews the digest here with `now`, without using up what the next scheduled digest will report', async () => {
    const { store, type } = setup();
    await store.saveSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' }, { version: 1, takenAt: '2025-03-09T06:00:00.000Z', articleIds: ['a1', 'a2'], figures: { 'troops||estimate': { value: 3000, display: '3,000', speaker: '' } }, keyPoints: [] });
    const preview = await type('/digest now');
    expect(preview).toContain('North Korean troops estimate: 10,000, up from 3,000 — Pentagon');
    expect(preview).toMatch(/Preview · not subscribed here/);
    expect((await store.getSnapshot({ platform: 'slack', channelId: 'C1', topic: 'troops' }))?.takenAt).toBe('2025-03-09T06:00:00.000Z');
  });

  it('answers an unknown subcommand with the usage', async () => {
    const { type } = setup();
    expect(await type('/digest weekly')).toMatch(/Unknown digest command "weekly"[\s\S]*\/digest subscribe \[08:00\]/);
  });

  it('lets the console subscribe too', async () => {
    const { store, type } = setup();
    await type('/digest subscribe 6am', { platform: 'console', channelId: 'console' });
    expect((await store.listSubscriptions())[0]).toMatchObject({ id: 'chat:console:console:troops', platform: 'console', cron: '0 6 * * *' });
  });
});

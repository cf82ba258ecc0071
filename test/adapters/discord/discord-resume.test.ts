/**
 * The Discord gateway drops the connection (close code 4000, resumable): discord.js resumes the
 * session (op 6 with its session id and last sequence) instead of identifying again, the stand-in
 * replays the dispatch sent while the bot was away, and every slash command is answered once —
 * the one sent during the outage included, the ones before it not again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/create-discord-adapter.js';
import { silentLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { slashCommand, str } from './discord-interactions.js';
import { startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.js';
import { writeDiscordTopics } from './topic-fixture.js';

const token = 'MTEwMDAwMDAwMDAwMDAwMDAwNQ.resume-test-token.not-real-0123456789';
const applicationId = '1100000000000000005';
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fixture: Awaited<ReturnType<typeof writeDiscordTopics>>;

beforeAll(async () => {
  standIn = await startDiscordStandIn({ token, applicationId });
  fixture = await writeDiscordTopics();
  const topics = await createTopicLibrary(fixture.root, 'north-korea-troops');
  adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl: standIn.apiUrl }, deps: { topics, logger: silentLogger }, logger: silentLogger });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await fixture?.remove();
});

/** Dispatches an /ask over the gateway; `answered()` counts its deferrals and its answers. */
function ask(question: string): { answered: () => { callbacks: number; answers: number } } {
  const { id, token: tok, payload } = slashCommand({ applicationId, name: 'ask', options: [str('question', question)] });
  standIn.dispatch('INTERACTION_CREATE', payload);
  return {
    answered: () => ({
      callbacks: standIn.callsTo('POST', new RegExp(`^/interactions/${id}/${tok}/callback$`)).length,
      answers: standIn.callsTo('PATCH', new RegExp(`^/webhooks/${applicationId}/${tok}/messages/@original$`)).length,
    }),
  };
}

const once = (c: { answered: () => { callbacks: number; answers: number } }) => (c.answered().callbacks && c.answered().answers ? c.answered() : undefined);

it('resumes after the gateway drops, answers the command sent during the outage once, and no earlier one again', async () => {
  const before = ask('latest troop estimate');
  expect(await standIn.waitFor(() => once(before), 10_000)).toEqual({ callbacks: 1, answers: 1 });

  standIn.dropConnections(4000);
  const during = ask('who confirmed the deployment');
  const resume = await standIn.waitFor(() => standIn.resumes[0], 20_000);
  expect(resume).toMatchObject({ token, session_id: 'session-1', seq: expect.any(Number) });
  expect(await standIn.waitFor(() => once(during), 10_000)).toEqual({ callbacks: 1, answers: 1 });

  const after = ask('latest troop estimate');
  expect(await standIn.waitFor(() => once(after), 10_000)).toEqual({ callbacks: 1, answers: 1 });
  await new Promise((resolve) => setTimeout(resolve, 500)); // room for a double
  expect([before.answered(), during.answered(), after.answered()]).toEqual([1, 2, 3].map(() => ({ callbacks: 1, answers: 1 })));
  expect(standIn.identifies).toHaveLength(1);
  expect(standIn.resumes).toHaveLength(1);
}, 60_000);

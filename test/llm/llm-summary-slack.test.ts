/**
 * The summary on Slack: the real Bolt app in HTTP mode against the Slack stand-in, the model
 * against the chat-completions stand-in. The slash command is acknowledged at once however slow
 * the model; the reply, with the checked summary first, follows through response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/create-slack-adapter.js';
import { createLlmSummaries } from '../../src/llm/create-llm-summaries.js';
import { silentLogger } from '../../src/logger.js';
import { createTopicLibrary } from '../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from '../adapters/slack/slack-stand-in.js';
import { postSigned, signingSecret, slashCommandBody } from '../adapters/slack/slack-requests.js';
import { faithful, topicName, useLlmSuite } from './llm-topic-fixture.js';

const suite = useLlmSuite();
let slack: SlackStandIn;
let adapter: SlackAdapter;

beforeAll(async () => {
  slack = await startSlackStandIn();
  const topics = await createTopicLibrary(suite.root, topicName);
  const summaries = createLlmSummaries({ baseUrl: suite.standIn.baseUrl, model: 'stand-in-7b', timeoutMs: 3000 }, silentLogger);
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-0000000000-not-a-real-token', signingSecret, apiUrl: slack.apiUrl, port: 0, host: '127.0.0.1', restrictDigests: false },
    deps: { topics, logger: silentLogger, summaries },
    logger: silentLogger,
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await slack.close();
});

describe('/brief on Slack with a model configured', () => {
  it('acks at once while the model writes, then replies with the checked summary first', async () => {
    suite.standIn.script({ content: [...faithful, 'Governor Elsa Brandt said the shelters at the school would stay open [2].'].join(' '), delayMs: 1500 });
    const events = `http://127.0.0.1:${adapter.port}/slack/events`;
    const ack = await postSigned(events, slashCommandBody({ command: '/brief', text: '', responseUrl: slack.responseUrl('brief1') }));
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(1000);
    const [reply] = await slack.waitFor(() => (slack.responsesTo('brief1').length ? slack.responsesTo('brief1') : undefined), 6000);
    const blocks = JSON.stringify(reply!.blocks);
    expect(blocks).toContain('Summary');
    expect(blocks).toContain('Mayor Tomas Alden said repairs to the levee could cost $12 million [2].');
    expect(blocks).toContain('1 sentence left out: Governor Elsa Brandt is in no source.');
    expect(blocks.indexOf('Summary')).toBeLessThan(blocks.indexOf('Key points'));
  });
});

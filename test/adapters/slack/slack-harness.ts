/** The real Slack adapter in HTTP mode against the stand-in, on a written topic folder. */
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/create-slack-adapter.js';
import type { SlackConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createTopicLibrary } from '../../../src/topics/topic-library.js';
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js';
import { signingSecret } from './slack-requests.js';
import { writeTopicFolder } from './topic-fixture.js';

export const harnessBotToken = 'xoxb-test-0000000000-not-a-real-token';

export interface SlackHarness {
  readonly standIn: SlackStandIn;
  readonly adapter: SlackAdapter;
  /** The adapter's `/slack/events` URL. */
  readonly events: string;
  /** Every log line, as written. */
  readonly logLines: string[];
  /** Another adapter on the same stand-in and topics, not started; closed with the harness. */
  another(config: Partial<SlackConfig>): SlackAdapter;
  close(): Promise<void>;
}

export async function startSlackHarness(config: Partial<SlackConfig> = {}): Promise<SlackHarness> {
  const standIn = await startSlackStandIn();
  const fixture = await writeTopicFolder();
  const topics = await createTopicLibrary(fixture.root, 'harbor-fire');
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [harnessBotToken, signingSecret], write: (line) => logLines.push(line) });
  const adapters: SlackAdapter[] = [];
  const another = (overrides: Partial<SlackConfig>): SlackAdapter => {
    const made = createSlackAdapter({ config: { botToken: harnessBotToken, signingSecret, apiUrl: standIn.apiUrl, port: 0, host: '127.0.0.1', restrictDigests: false, ...overrides }, deps: { topics, logger }, logger });
    adapters.push(made);
    return made;
  };
  const adapter = another(config);
  await adapter.start();
  return {
    standIn,
    adapter,
    events: `http://127.0.0.1:${adapter.port}/slack/events`,
    logLines,
    another,
    async close() {
      for (const a of adapters) await a.stop();
      await standIn.close();
      await fixture.remove();
    },
  };
}

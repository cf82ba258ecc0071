/**
 * Slack slash-command latency for `npm run bench`: the real Bolt app in HTTP mode, signed POSTs
 * over loopback from a worker thread (bench/slack-load.ts), replies caught by the stand-in's response_url. Measured from sending the request
 * to the reply arriving, at 1 and at 50 commands in flight; the baseline is the same command run
 * through the engine alone (no HTTP, no Bolt) in the same run.
 */
import { fileURLToPath } from 'node:url';
import { createSlackAdapter } from '../src/adapters/slack/create-slack-adapter.js';
import { executeCommand } from '../src/commands/execute-command.js';
import { silentLogger } from '../src/logger.js';
import { createTopicLibrary } from '../src/topics/topic-library.js';
import { signingSecret } from '../test/adapters/slack/slack-requests.js';
import { ms, nextMessage, percentiles, tsWorker } from './support.js';

const seedTopicsDir = fileURLToPath(new URL('../briefings', import.meta.url));

const commands = [
  ['/ask', 'latest troop estimate'],
  ['/brief', ''],
  ['/numbers', ''],
  ['/sitrep', 'ask who confirmed the deployment'],
] as const;

export async function benchSlack(print: (line: string) => void): Promise<void> {
  const topics = await createTopicLibrary(seedTopicsDir);
  const engine: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [command, text] = commands[i % commands.length]!;
    const t0 = performance.now();
    await executeCommand(
      { name: command === '/sitrep' ? 'ask' : (command.slice(1) as 'ask'), text: command === '/sitrep' ? text.slice(4) : text, public: false },
      { platform: 'slack', channelId: 'C0NEWS', userId: 'U0ALICE', canManageChannel: true, now: new Date() },
      { topics, logger: silentLogger },
    );
    engine.push(performance.now() - t0);
  }
  const base = percentiles(engine.slice(20));

  const load = tsWorker(new URL('./slack-load.ts', import.meta.url));
  const next = <T>(): Promise<T> => nextMessage<T>(load);
  const { apiUrl } = await next<{ apiUrl: string }>();
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-bench', signingSecret, apiUrl, port: 0, restrictDigests: false },
    deps: { topics, logger: silentLogger },
    logger: silentLogger,
  });
  await adapter.start();
  try {
    load.postMessage({ events: `http://127.0.0.1:${adapter.port}/slack/events`, commands });
    const { serial, concurrent } = await next<{ serial: number[]; concurrent: number[] }>();
    const s = percentiles(serial);
    const c = percentiles(concurrent);
    print(`engine alone (baseline, same commands): p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`);
    print(`1 in flight:   p50 ${ms(s.p50)}, p99 ${ms(s.p99)} over ${serial.length} commands (${(s.p50 / base.p50).toFixed(1)}× the engine at p50)`);
    print(`50 in flight:  p50 ${ms(c.p50)}, p99 ${ms(c.p99)} over ${concurrent.length} commands (target p99 < 100 ms; Slack's deadline is 3,000 ms)`);
  } finally {
    await adapter.stop();
    await load.terminate();
  }
}

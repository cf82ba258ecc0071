/**
 * Discord slash-command latency for `npm run bench`: the real discord.js adapter logged in over
 * loopback to the Discord stand-in, which runs with the load generator in a worker thread
 * (bench/discord-load.ts), as bench/slack.ts does, so that serving the gateway and REST does not
 * take turns with the adapter on one event loop (Discord's servers would not). `/ask latest troop
 * estimate` on the seed topic goes out as an INTERACTION_CREATE dispatch; measured from the
 * dispatch to the stand-in receiving the deferral (POST /interactions/{id}/{token}/callback, what
 * Discord's 3-second deadline applies to) and the answer (PATCH of @original), at 1 and at 50
 * commands in flight. The baseline is the same command run through the engine alone (no gateway,
 * no REST, no discord.js) in the same run.
 */
import { fileURLToPath } from 'node:url';
import { createDiscordAdapter } from '../src/adapters/discord/create-discord-adapter.js';
import { executeCommand } from '../src/commands/execute-command.js';
import { silentLogger, type Logger } from '../src/logger.js';
import { createTopicLibrary } from '../src/topics/topic-library.js';
import { channelId, userId } from '../test/adapters/discord/discord-interactions.js';
import type { DiscordLoadReady, DiscordLoadRequest, DiscordLoadResult, Timing } from './discord-load.js';
import { ms, nextMessage, percentiles, tsWorker } from './support.js';

const seedTopicsDir = fileURLToPath(new URL('../briefings', import.meta.url));
const question = 'latest troop estimate';
const deadlineMs = 3000;
const targetMs = 100;

const perSecond = (count: number, elapsedMs: number): string => `${Math.round((count / elapsedMs) * 1000).toLocaleString('en')} commands/s`;

export async function benchDiscord(print: (line: string) => void): Promise<void> {
  const topics = await createTopicLibrary(seedTopicsDir);
  const engine: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    await executeCommand(
      { name: 'ask', text: question, public: false },
      { platform: 'discord', channelId, userId, canManageChannel: false, now: new Date() },
      { topics, logger: silentLogger },
    );
    engine.push(performance.now() - t0);
  }
  const base = percentiles(engine.slice(20));

  const load = tsWorker(new URL('./discord-load.ts', import.meta.url));
  const next = <T>(): Promise<T> => nextMessage<T>(load);
  const { apiUrl, token, applicationId } = await next<DiscordLoadReady>();
  // The adapter logs each wait discord.js's REST queue makes for a rate limit; count them.
  const waits = { global: 0, route: 0 };
  const logger: Logger = {
    ...silentLogger,
    warn: (msg, fields) => {
      if (msg === 'discord rate limited') waits[fields?.['global'] === true ? 'global' : 'route']++;
    },
  };
  const adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl }, deps: { topics, logger }, logger });
  try {
    await adapter.start();
    const request: DiscordLoadRequest = { question, warmup: 20, serial: 200, rounds: 10, inFlight: 50 };
    load.postMessage(request);
    const { serial, concurrent, serialMs, concurrentMs } = await next<DiscordLoadResult>();
    const line = (label: string, timings: readonly Timing[], elapsedMs: number): void => {
      const a = percentiles(timings.map((t) => t.answer));
      const d = percentiles(timings.map((t) => t.deferral));
      print(
        `${label} p50 ${ms(a.p50)}, p90 ${ms(a.p90)}, p99 ${ms(a.p99)}, max ${ms(a.max)} over ${timings.length} commands, ${perSecond(timings.length, elapsedMs)} ` +
          `(p50 ${(a.p50 / base.p50).toFixed(1)}× the engine; p99 = ${((a.p99 / deadlineMs) * 100).toFixed(1)}% of Discord's 3,000 ms, ${(a.p99 / targetMs).toFixed(2)}× the 100 ms target)`,
      );
      print(`  time to deferral: p50 ${ms(d.p50)}, p99 ${ms(d.p99)}, max ${ms(d.max)} (${((d.p99 / deadlineMs) * 100).toFixed(1)}% of the 3,000 ms deadline at p99)`);
    };
    print(`engine alone (baseline, same command): p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`);
    line('1 in flight:  ', serial, serialMs);
    line('50 in flight: ', concurrent, concurrentMs);
    // Replies go out beside discord.js's client-side global limit (50 requests/s), as Discord does not
    // bind interaction endpoints to it; any wait counted here would show in the tail above.
    print(`rate-limit waits in discord.js's REST queue: ${waits.global} global (its 50 requests/s client-side cap), ${waits.route} per-route`);
  } finally {
    await adapter.stop();
    await load.terminate();
  }
}

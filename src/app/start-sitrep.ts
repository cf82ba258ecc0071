/**
 * The composition root: config → topics → store → platforms, console, folder watching, feeds and
 * digests. Nothing else constructs long-lived objects; the one clock is made here and passed to
 * the adapters, digests and feeds. With no platform tokens the console adapter runs on the
 * bundled topics, offline.
 */
import 'dotenv/config';
import { resolve } from 'node:path';
import { createConsoleAdapter, type ConsoleAdapter } from '../adapters/console/create-console-adapter.js';
import type { CommandDeps } from '../commands/execute-command.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { ChannelPoster } from '../chat/chat-port.js';
import { createDigestService } from '../digests/create-digest-service.js';
import { createLlmSummaries } from '../llm/create-llm-summaries.js';
import { createLogger, type Logger } from '../logger.js';
import { createTopicLibrary, type TopicLibrary } from '../topics/topic-library.js';
import { createFolderWatcher } from '../topics/create-folder-watcher.js';
import type { Shutdown } from './graceful-shutdown.js';
import { createInFlight, trackMethods } from './create-in-flight.js';
import { createOnDemandFeeds } from './create-on-demand-feeds.js';
import { openStores, type Stores } from './open-stores.js';
import { createReadiness } from './create-readiness.js';
import { startPlatforms } from './start-platforms.js';

interface Running {
  readonly console?: ConsoleAdapter;
  readonly platforms: number;
}

const clock = (): Date => new Date();

/** Starts Sitrep and, with the console, serves it until end of input; resolves to the exit code. */
export async function runSitrep(shutdown: Shutdown): Promise<number> {
  const running = await startSitrep(shutdown);
  if (typeof running === 'number' || shutdown.requested) {
    await shutdown.stopAll();
    return typeof running === 'number' ? running : 0;
  }
  if (!running.console) return 0;
  await running.console.run();
  if (running.platforms === 0) await shutdown.stopAll();
  return 0;
}

/** Logs go to stderr: readable lines on a terminal (drawn above the console's prompt), JSON otherwise. */
function createProcessLogger(config: Config, above: { print: (write: () => void) => void }): Logger {
  const secrets = [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.slack?.oauth?.clientSecret, config.slack?.oauth?.stateSecret, config.discord?.token, config.llm?.apiKey, ...(config.postgres?.secrets ?? [])].filter((s): s is string => !!s);
  const terminal = Boolean(process.stderr.isTTY);
  return createLogger({
    level: config.logLevel,
    secrets,
    format: terminal ? 'pretty' : 'json',
    color: terminal && process.stderr.hasColors(),
    write: (line) => above.print(() => process.stderr.write(line + '\n')),
  });
}

async function loadTopics(config: Config, logger: Logger): Promise<TopicLibrary> {
  const topics = await createTopicLibrary(resolve(config.briefingsDir), config.defaultTopic, { logger });
  for (const name of topics.names()) {
    for (const p of topics.get(name)!.problems) logger.warn(p.kept ? 'article file read with a warning' : 'skipped article file', { topic: name, path: p.path, reason: p.reason });
  }
  return topics;
}

async function startSitrep(shutdown: Shutdown): Promise<Running | number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`sitrep: ${error.message}`);
    return 1;
  }
  const above = { print: (write: () => void) => write() };
  const logger = createProcessLogger(config, above);
  shutdown.useLog(logger);
  let topics: TopicLibrary;
  try {
    topics = await loadTopics(config, logger);
  } catch (error) {
    console.error(`sitrep: ${(error as Error).message}`);
    return 1;
  }
  if (shutdown.requested) return 0;
  const readiness = createReadiness();
  readiness.set('topics', topics.names().length > 0);

  let stores: Stores;
  try {
    stores = await openStores(config, logger);
  } catch (error) {
    const setting = config.postgres ? `DATABASE_URL=${config.postgres.displayUrl}` : `DATABASE_PATH=${config.databasePath}`;
    console.error(`sitrep: cannot open the database at ${setting}: ${(error as Error).message}`);
    return 1;
  }
  const store = stores.digests;
  readiness.set('store', true);
  shutdown.add({ name: 'store', stop: () => (readiness.set('store', false), store.close()) });
  const { slackInstallations } = stores;
  if (slackInstallations) shutdown.add({ name: 'slack installations', stop: () => slackInstallations.close() });

  // Digest posts, store writes and the commands that make them are counted, so shutdown drains them.
  const inFlight = createInFlight();
  const trackedStore = trackMethods(store, inFlight);
  const track = (poster: ChannelPoster): ChannelPoster => ({ platform: poster.platform, post: (...args) => inFlight.track(poster.post(...args)) });
  // Posters are filled in as platforms start; digests and feed reports read the array when they post.
  const posters: ChannelPoster[] = [];
  // No LLM_BASE_URL, no summaries: nothing is sent anywhere.
  const summaries = config.llm ? createLlmSummaries(config.llm, logger) : undefined;
  const digests = createDigestService({ store: trackedStore, topics, posters, logger, clock, graceMinutes: config.digestGraceMinutes, concurrency: config.digestConcurrency, policy: { leaseMs: config.digestLeaseSeconds * 1000 }, ...(summaries ? { summaries } : {}) });
  const feeds = createOnDemandFeeds({ topics, logger, clock, subscriptions: trackedStore, posters, allowPrivate: config.feeds.allowPrivate, pollMinutes: config.feeds.pollMinutes, poll: config.feeds.poll, ...(stores.feedStates ? { feedStates: stores.feedStates } : {}) });
  const deps: CommandDeps = {
    topics,
    logger,
    digests: { handle: (...args) => inFlight.track(digests.commands.handle(...args)) },
    add: { handle: (...args) => inFlight.track(feeds.add.handle(...args)) },
    feeds: feeds.health,
    subscriptions: trackedStore,
    ...(summaries ? { summaries } : {}),
  };

  let platforms: number;
  try {
    platforms = await startPlatforms({ config, deps, logger, clock, shutdown, posters, track, readiness, subscriptions: trackedStore, ...(slackInstallations ? { slackInstallations } : {}), ...(stores.slackSeenRequests ? { slackSeenRequests: stores.slackSeenRequests } : {}) });
  } catch (error) {
    logger.error('a chat platform failed to start', { error });
    console.error(`sitrep: could not start: ${(error as Error).message}`);
    return 1;
  }
  if (shutdown.requested) return 0;
  // Stopped after everything below and before the platforms, so replies and digests in progress still go out.
  shutdown.add({ name: 'in-flight work', stop: () => inFlight.settled() });

  const consoleAdapter = platforms === 0 || config.console ? createConsoleAdapter({ deps, now: clock, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) }) : undefined;
  if (consoleAdapter) {
    above.print = consoleAdapter.printAbove;
    posters.push(track(consoleAdapter.poster));
  }

  const watcher = createFolderWatcher({
    topics,
    logger,
    poll: config.watchPoll,
    onUpdate: async (topic, changes) => {
      logger.info('topic reloaded', { topic: topic.name, articles: topic.articles.length, ...changes });
      await feeds.startIfNeeded();
    },
  });
  await watcher.start();
  shutdown.add({ name: 'folder watcher', stop: () => watcher.stop() });
  await feeds.startIfNeeded();
  shutdown.add({ name: 'feeds', stop: () => feeds.stop() });
  await digests.start();
  shutdown.add({ name: 'digests', stop: () => digests.stop() });
  logger.info('started', await startupSummary(config, topics, store, consoleAdapter !== undefined));
  if (consoleAdapter) {
    shutdown.add({ name: 'console', stop: () => consoleAdapter.stop() });
    printConsoleBanner(topics, Boolean(process.stdin.isTTY));
  }
  return { ...(consoleAdapter ? { console: consoleAdapter } : {}), platforms };
}

/** One line on what runs: the topics and their articles, the platforms, the store, the digest schedules. */
async function startupSummary(config: Config, topics: TopicLibrary, store: { listSubscriptions(): Promise<readonly unknown[]> }, console: boolean): Promise<Record<string, unknown>> {
  const platforms = [
    ...(config.slack ? [config.slack.appToken ? 'slack (socket mode)' : `slack (http ${config.slack.host ?? '*'}:${config.slack.port}${config.slack.oauth ? ', oauth' : ''})`] : []),
    ...(config.discord ? ['discord'] : []),
    ...(console ? ['console'] : []),
  ];
  return {
    topics: topics.names().map((name) => `${name} (${topics.get(name)?.articles.length ?? 0} articles)`).join(', '),
    platforms: platforms.join(', '),
    store: config.postgres ? config.postgres.displayUrl : config.databasePath,
    digestSubscriptions: (await store.listSubscriptions()).length,
  };
}

function printConsoleBanner(topics: TopicLibrary, interactive: boolean): void {
  process.stdout.write(`Sitrep console · topics: ${topics.names().join(', ')} · type /help, /brief or /ask <question>${interactive ? ', /quit to leave' : ''}\n`);
}

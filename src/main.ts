/**
 * The composition root: config → topics → store → adapters, digests and feeds. Nothing else
 * constructs long-lived objects or reads the clock for them. With no platform tokens the console
 * adapter runs on the bundled topics, offline.
 */
import 'dotenv/config';
import { resolve } from 'node:path';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import { createDiscordAdapter } from './adapters/discord/create-discord-adapter.js';
import { createSlackAdapter } from './adapters/slack/create-slack-adapter.js';
import type { CommandDeps } from './commands/execute-command.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { ChannelPoster } from './digests/channel-poster.js';
import { createConsolePoster } from './digests/console-poster.js';
import { createDigestService } from './digests/digest-service.js';
import { createAddHandler } from './feeds/create-add-handler.js';
import { createFeedPoller } from './feeds/create-feed-poller.js';
import { createResourceFetcher } from './feeds/create-resource-fetcher.js';
import { createUrlIngestor } from './feeds/create-url-ingestor.js';
import { createFailingFeedReporter, describeFailingFeed } from './feeds/report-failing-feed.js';
import { createFolderWatcher } from './ingest/watch-topic-folder.js';
import { createLogger, type Logger } from './logger.js';
import { openSqliteStore } from './store/sqlite-digest-store.js';
import { createTopicLibrary, type TopicLibrary } from './topics/topic-library.js';

interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

const clock = (): Date => new Date();

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`sitrep: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const secrets = [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.discord?.token].filter((s): s is string => !!s);
  const logger = createLogger({ level: config.logLevel, secrets });
  let topics: TopicLibrary;
  try {
    topics = await createTopicLibrary(resolve(config.briefingsDir), config.defaultTopic);
  } catch (error) {
    console.error(`sitrep: ${(error as Error).message}`);
    return 1;
  }
  for (const name of topics.names()) {
    for (const p of topics.get(name)!.problems) logger.warn(p.kept ? 'article file read with a warning' : 'skipped article file', { topic: name, path: p.path, reason: p.reason });
  }

  const services: Service[] = [];
  const stopAll = async (): Promise<void> => {
    for (const s of services.splice(0).reverse()) {
      await Promise.resolve(s.stop()).catch((error: unknown) => logger.error('could not stop cleanly', { service: s.name, error }));
    }
  };

  let store;
  try {
    store = openSqliteStore(resolve(config.databasePath));
  } catch (error) {
    console.error(`sitrep: cannot open the database at DATABASE_PATH=${config.databasePath}: ${(error as Error).message}`);
    return 1;
  }
  services.push({ name: 'store', stop: () => store.close() });

  // Posters are filled in as platforms start; digests and feed reports read the array when they post.
  const posters: ChannelPoster[] = [];
  const digests = createDigestService({ store, topics, posters, logger, clock, graceMinutes: config.digestGraceMinutes });

  const fetcher = createResourceFetcher({ allowPrivate: config.feeds.allowPrivate });
  const ingestor = createUrlIngestor({ topics, fetcher, logger });
  const reportFailingFeed = createFailingFeedReporter({ subscriptions: store, posters, logger, topicTitle: (name) => topics.get(name)?.title ?? name });
  const feeds = createFeedPoller({
    topics,
    logger,
    clock,
    ingestor,
    fetcher,
    allowPrivate: config.feeds.allowPrivate,
    pollMinutes: config.feeds.pollMinutes,
    onFeedFailing: (topic, feed) => void reportFailingFeed(topic, feed).catch((error: unknown) => logger.error('failing-feed report failed', { topic, error })),
  });

  const deps: CommandDeps = {
    topics,
    logger,
    digests: digests.commands,
    add: createAddHandler({ topics, logger, ingestor, allowPrivate: config.feeds.allowPrivate }),
    feeds: { failing: (topic) => feeds.failingFeeds(topic).map(describeFailingFeed) },
  };

  let platforms: number;
  try {
    platforms = await startPlatforms(config, deps, logger, services, posters);
  } catch (error) {
    logger.error('a chat platform failed to start', { error });
    console.error(`sitrep: could not start: ${(error as Error).message}`);
    await stopAll();
    return 1;
  }
  const withConsole = platforms === 0 || config.console;
  if (withConsole) posters.push(createConsolePoster((text) => process.stdout.write(text)));

  const watcher = createFolderWatcher({
    topics,
    logger,
    onUpdate: (topic, changes) => logger.info('topic reloaded', { topic: topic.name, articles: topic.articles.length, ...changes }),
  });
  await watcher.start();
  services.push({ name: 'folder watcher', stop: () => watcher.stop() });
  feeds.start();
  services.push({ name: 'feeds', stop: () => feeds.stop() });
  await digests.start();
  services.push({ name: 'digests', stop: () => digests.stop() });

  const shutdown = (): void => void stopAll().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  if (withConsole) {
    const interactive = Boolean(process.stdin.isTTY);
    const topicList = topics.names().join(', ');
    console.log(`Sitrep console · topics: ${topicList} · type /help, /brief or /ask <question>${interactive ? ', /quit to leave' : ''}`);
    const consoleAdapter = createConsoleAdapter({ deps, input: process.stdin, output: process.stdout, interactive });
    await consoleAdapter.run();
    if (platforms === 0) await stopAll();
  }
  return 0;
}

/** Starts Slack and Discord when configured, adding their posters; returns how many started. */
async function startPlatforms(config: Config, deps: CommandDeps, logger: Logger, services: Service[], posters: ChannelPoster[]): Promise<number> {
  let started = 0;
  if (config.slack) {
    const slack = createSlackAdapter({ config: config.slack, deps, logger });
    await slack.start();
    services.push({ name: 'slack', stop: () => slack.stop() });
    posters.push(slack.poster);
    started++;
  }
  if (config.discord) {
    const discord = createDiscordAdapter({ config: config.discord, deps, logger });
    await discord.start();
    services.push({ name: 'discord', stop: () => discord.stop() });
    posters.push(discord.poster);
    started++;
  }
  return started;
}

process.exitCode = await main();

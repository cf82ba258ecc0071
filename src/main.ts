/**
 * The composition root: config → topics → adapters (+ digests, feeds). Nothing else constructs
 * long-lived objects. With no platform tokens the console adapter runs on the bundled topics.
 */
import 'dotenv/config';
import { resolve } from 'node:path';
import { createConsoleAdapter } from './adapters/console/console-adapter.js';
import type { CommandDeps } from './commands/execute-command.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createTopicLibrary } from './topics/topic-library.js';

interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

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
  let topics;
  try {
    topics = await createTopicLibrary(resolve(config.briefingsDir), config.defaultTopic);
  } catch (error) {
    console.error(`sitrep: ${(error as Error).message}`);
    return 1;
  }
  for (const name of topics.names()) {
    for (const p of topics.get(name)!.problems) logger.warn('skipped article file', { topic: name, path: p.path, reason: p.reason });
  }
  const deps: CommandDeps = { topics, logger };
  const services: Service[] = [];
  const platforms = await startPlatforms(config, deps, logger, services);

  const stop = async (): Promise<void> => {
    for (const s of services.reverse()) await s.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

  if (platforms === 0 || config.console) {
    const interactive = Boolean(process.stdin.isTTY);
    const topicList = topics.names().join(', ');
    console.log(`Sitrep console · topics: ${topicList} · type /help, /brief or /ask <question>${interactive ? ', /quit to leave' : ''}`);
    const consoleAdapter = createConsoleAdapter({ deps, input: process.stdin, output: process.stdout, interactive });
    await consoleAdapter.run();
    if (platforms === 0) await stop();
  }
  return 0;
}

/** Starts Slack and Discord when configured; returns how many started. */
async function startPlatforms(_config: Config, _deps: CommandDeps, _logger: Logger, _services: Service[]): Promise<number> {
  return 0;
}

process.exitCode = await main();

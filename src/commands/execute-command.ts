import { answerQuestion } from '../core/answer.js';
import type { Logger } from '../logger.js';
import { renderAnswerMessage } from '../render/answer-message.js';
import { renderBriefingMessage, renderNumbersMessage, renderSourcesMessage } from '../render/briefing-message.js';
import { errorMessage, renderHelpMessage } from '../render/help-message.js';
import type { Message } from '../render/message.js';
import type { Topic, TopicLibrary } from '../topics/topic-library.js';
import type { CommandContext, CommandRequest } from './command-request.js';

/** What a command answers: the message and who should see it. */
export interface CommandReply {
  readonly message: Message;
  readonly visibility: 'private' | 'public';
}

/** Handles `digest …` subcommands; provided by the digests module when it runs. */
export interface DigestCommandHandler {
  handle(request: CommandRequest, topic: Topic, context: CommandContext): Promise<Message>;
}

/** Handles `add <url>`; provided by the feeds module when it runs. */
export interface AddCommandHandler {
  handle(url: string, topic: Topic, context: CommandContext): Promise<Message>;
}

/** Feeds that keep failing, shown under `sources`; provided by the feeds module when it runs. */
export interface FeedHealth {
  /** One readable line per failing feed of the topic (`https://… has failed since …: HTTP 500`). */
  failing(topicName: string): readonly string[];
}

export interface CommandDeps {
  readonly topics: TopicLibrary;
  readonly logger: Logger;
  readonly digests?: DigestCommandHandler;
  readonly add?: AddCommandHandler;
  readonly feeds?: FeedHealth;
}

/**
 * Runs one command. Never throws: a failure inside becomes a short, friendly message for the user
 * and a log line with the cause.
 */
export async function executeCommand(request: CommandRequest, context: CommandContext, deps: CommandDeps): Promise<CommandReply> {
  const visibility = request.public ? 'public' : 'private';
  try {
    return { message: await run(request, context, deps), visibility };
  } catch (error) {
    deps.logger.error('command failed', { command: request.name, platform: context.platform, error });
    return { message: errorMessage('Something went wrong', 'Sitrep could not finish that command. The problem has been logged; please try again.'), visibility: 'private' };
  }
}

async function run(request: CommandRequest, context: CommandContext, deps: CommandDeps): Promise<Message> {
  if (request.name === 'help') return renderHelpMessage(deps.topics.names());
  const topic = resolveTopic(request.topic ?? channelTopic(deps.topics, context), deps.topics);
  if ('error' in topic) return topic.error;
  switch (request.name) {
    case 'brief':
      return renderBriefingMessage(topic.title, topic.briefing);
    case 'numbers':
      return renderNumbersMessage(topic.title, topic.briefing);
    case 'sources':
      return renderSourcesMessage(
        topic.title,
        topic.briefing,
        topic.problems,
        deps.feeds?.failing(topic.name) ?? [],
      );
    case 'ask': {
      const question = request.text.trim();
      if (question.length < 2) {
        return errorMessage('What would you like to know?', 'Type a question after /ask, for example: /ask latest estimate');
      }
      return renderAnswerMessage(question, answerQuestion(question, topic.briefing), topic.briefing);
    }
    case 'digest':
      if (!deps.digests) return errorMessage('Digests are not running', 'Scheduled digests are not enabled in this Sitrep.');
      return deps.digests.handle(request, topic, context);
    case 'add': {
      if (!deps.add) return errorMessage('Adding links is not enabled', 'This Sitrep cannot fetch links.');
      // Adding to a topic changes what everyone reads: gated as digest subscriptions are.
      if (!context.canManageChannel) return errorMessage('Only channel managers can add articles', 'Ask someone who can manage this channel to add the link.');
      const url = request.text.trim().split(/\s+/)[0] ?? '';
      if (!/^https?:\/\/\S+$/i.test(url)) return errorMessage('That is not a link', 'Give an http(s) link: /add https://example.com/article');
      return deps.add.handle(url, topic, context);
    }
  }
}

/** The topic whose topic.yml posts digests to this channel, when a command names none: a channel follows its story. */
function channelTopic(topics: TopicLibrary, context: CommandContext): string | undefined {
  if (context.platform === 'console') return undefined;
  const platform = context.platform;
  return topics.names().find((name) => topics.get(name)?.settings.digests.some((d) => d[platform].includes(context.channelId)));
}

function resolveTopic(name: string | undefined, topics: TopicLibrary): Topic | { error: Message } {
  const wanted = name ?? topics.defaultName();
  const topic = wanted ? topics.get(wanted) : undefined;
  if (topic) return topic;
  const known = topics.names();
  return {
    error: errorMessage(
      `Unknown topic "${wanted ?? ''}"`,
      known.length ? `Known topics: ${known.join(', ')}.` : 'No topics are loaded.',
    ),
  };
}

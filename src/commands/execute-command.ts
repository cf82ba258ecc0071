import { answerQuestion } from '../core/answer.js';
import type { Briefing } from '../core/types.js';
import type { Summaries } from '../llm/create-summaries.js';
import { withSummary } from '../llm/summary-section.js';
import type { Logger } from '../logger.js';
import { renderAnswerMessage } from '../render/answer-message.js';
import { renderBriefingMessage, renderNumbersMessage, renderSourcesMessage } from '../render/briefing-message.js';
import { findTimeline, pickChartSeries } from '../render/chart/chart-series.js';
import { commandFailedMessage, errorMessage, renderHelpMessage } from '../render/help-message.js';
import type { Message } from '../render/message.js';
import type { SubscriptionStore } from '../store/digest-store.js';
import type { Topic, TopicLibrary } from '../topics/topic-library.js';
import type { CommandContext, CommandRequest } from './command-request.js';
import { nextTurn } from './next-turn.js';

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
  /** Digest subscriptions, read for the topic a channel follows; provided when the store is open. */
  readonly subscriptions?: Pick<SubscriptionStore, 'listChannelSubscriptions'>;
  /** Checked summaries from a language model; only when LLM_BASE_URL is set (never on the ack path: adapters ack first). */
  readonly summaries?: Summaries;
}

/**
 * Runs one command. Never throws: a failure inside becomes a short, friendly message for the user
 * and a log line with the cause.
 */
export async function executeCommand(request: CommandRequest, context: CommandContext, deps: CommandDeps): Promise<CommandReply> {
  const visibility = request.public ? 'public' : 'private';
  try {
    // Callers ack first; the work waits its turn so the acks of requests behind it are not held.
    await nextTurn();
    return { message: await run(request, context, deps), visibility };
  } catch (error) {
    deps.logger.error('command failed', { command: request.name, platform: context.platform, error });
    return { message: commandFailedMessage, visibility: 'private' };
  }
}

async function run(request: CommandRequest, context: CommandContext, deps: CommandDeps): Promise<Message> {
  if (request.name === 'help') return renderHelpMessage(deps.topics.names());
  const measure = request.name === 'numbers' ? await numbersMeasure(request, deps, context) : undefined;
  const topic = resolveTopic(measure?.topic ?? request.topic ?? (await channelTopic(deps, context)), deps.topics);
  if ('error' in topic) return topic.error;
  switch (request.name) {
    case 'brief':
      return withSummary(renderedOnce(topic, 'brief', renderBriefingMessage), await deps.summaries?.forBriefing(topic.title, topic.briefing));
    case 'numbers': {
      // With the chart of the series asked for, else of the main one; none for a single value.
      const chart = pickChartSeries(topic.briefing, measure?.measure);
      const message = renderedOnce(topic, 'numbers', renderNumbersMessage);
      return chart ? { ...message, chart } : message;
    }
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
      const answer = answerQuestion(question, topic.briefing);
      return withSummary(renderAnswerMessage(question, answer, topic.briefing), await deps.summaries?.forAnswer(question, answer, topic.briefing));
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

/**
 * A topic's brief and numbers are rendered once per briefing: a briefing does not change (a reload
 * makes a new one), so every `/brief` until the next reload shares one message instead of each
 * command paying for the rendering on the thread that acks the next.
 */
const rendered = new WeakMap<Briefing, Map<string, Message>>();

function renderedOnce(topic: Topic, what: 'brief' | 'numbers', render: (title: string, briefing: Briefing) => Message): Message {
  const byKey = rendered.get(topic.briefing) ?? new Map<string, Message>();
  rendered.set(topic.briefing, byKey);
  const key = `${what}\u0000${topic.title}`;
  const message = byKey.get(key) ?? render(topic.title, topic.briefing);
  byKey.set(key, message);
  return message;
}

/**
 * `/numbers deaths`: the series a numbers command asks for, and the topic to find it in. The words
 * after the command are read as a topic first; words that name no topic but a series of this
 * channel's (or the default) topic are that series. Words that name neither stay a topic, refused.
 */
async function numbersMeasure(request: CommandRequest, deps: CommandDeps, context: CommandContext): Promise<{ topic?: string; measure: string } | undefined> {
  if (request.text.trim()) return { ...(request.topic ? { topic: request.topic } : {}), measure: request.text.trim() };
  const { topics } = deps;
  const words = request.topic;
  if (!words || topics.get(words)) return undefined;
  const home = (await channelTopic(deps, context)) ?? topics.defaultName();
  const briefing = home ? topics.get(home)?.briefing : undefined;
  return home && briefing && findTimeline(briefing, words) ? { topic: home, measure: words } : undefined;
}

/**
 * The topic a channel follows, when a command names none: the one whose topic.yml posts digests
 * there, else the one the channel subscribed to in chat (the first subscribed, if several topics;
 * a subscription to a topic no longer loaded is passed over). The console follows DEFAULT_TOPIC.
 */
async function channelTopic(deps: CommandDeps, context: CommandContext): Promise<string | undefined> {
  if (context.platform === 'console') return undefined;
  const { topics } = deps;
  const platform = context.platform;
  const configured = topics.names().find((name) => topics.get(name)?.settings.digests.some((d) => d[platform].includes(context.channelId)));
  if (configured || !deps.subscriptions) return configured;
  const subscriptions = await deps.subscriptions.listChannelSubscriptions(platform, context.channelId).catch((error: unknown) => {
    // The store being unreadable costs the channel its default topic, not the command.
    deps.logger.warn('channel subscriptions could not be read', { platform, channel: context.channelId, error });
    return [];
  });
  const subscribed = subscriptions.filter((s) => topics.get(s.topic));
  return subscribed.sort((a, b) => a.activeFrom.localeCompare(b.activeFrom) || a.id.localeCompare(b.id))[0]?.topic;
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

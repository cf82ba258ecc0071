import type { CommandContext, CommandRequest } from '../commands/command-request.js';
import type { DigestCommandHandler } from '../commands/execute-command.js';
import { errorMessage } from '../render/help-message.js';
import type { Message, MessageItem } from '../render/message.js';
import type { DigestStore, Subscription } from '../store/digest-store.js';
import type { Topic, TopicLibrary } from '../topics/topic-library.js';
import { composeDigest } from './compose-digest.js';
import { nextSlot } from './due-slots.js';
import { parseSubscribeArgs } from './parse-subscribe-args.js';
import { describeSchedule, formatInstant } from '../render/schedule-words.js';
import { chatSubscriptionId } from './subscription-keys.js';

export interface DigestCommandsDeps {
  readonly store: DigestStore;
  readonly topics: TopicLibrary;
  /** Called after a subscription was added, changed or removed (to reschedule). */
  readonly onChange: () => Promise<void>;
}

const usage = 'Usage: /digest subscribe [08:00] [Europe/Kyiv] [topic] · /digest status · /digest now · /digest unsubscribe [topic]';

const info = (title: string, text: string, footer?: string): Message => ({
  title,
  sections: [{ style: 'plain', items: [{ text }] }],
  ...(footer ? { footer } : {}),
  tone: 'normal',
});

const refusal = (): Message =>
  errorMessage(
    'Only channel managers can change digests',
    'Ask someone who can manage this channel to run it. Anyone can see what this channel gets with /digest status, or preview with /digest now.',
  );

const inChannel = (s: Subscription, c: CommandContext): boolean => s.platform === c.platform && s.channelId === c.channelId;

/**
 * `digest subscribe | unsubscribe | status | now` in a channel. Subscribing and unsubscribing
 * need `canManageChannel`; status and the preview do not. Expected problems (a bad time, an
 * unknown zone, a refusal) are replies, never throws.
 */
export function createDigestCommands(deps: DigestCommandsDeps): DigestCommandHandler {
  const { store, topics } = deps;

  /** The topic named among the words, else the one the request resolved to. */
  const topicFrom = (words: readonly string[], fallback: Topic): Topic => {
    const named = words.map((w) => topics.names().find((n) => n.toLowerCase() === w.toLowerCase())).find(Boolean);
    return (named && topics.get(named)) || fallback;
  };

  async function subscribe(words: readonly string[], fallback: Topic, context: CommandContext): Promise<Message> {
    if (!context.canManageChannel) return refusal();
    const parsed = parseSubscribeArgs(words, topics.names());
    if (!parsed.ok) return errorMessage(parsed.problem.title, `${parsed.problem.text} Example: /digest subscribe 08:00 Europe/Kyiv`);
    const { time, timeZone } = parsed.value;
    const topic = (parsed.value.topic && topics.get(parsed.value.topic)) || fallback;
    const existing = (await store.listSubscriptions()).filter((s) => inChannel(s, context) && s.topic === topic.name);
    const fromConfig = existing.find((s) => s.owner === 'config');
    if (fromConfig) {
      return errorMessage('This digest is set in topic.yml', `This channel already gets ${topic.title} ${describeSchedule(fromConfig.cron, fromConfig.timezone)}; change it in the topic's topic.yml.`);
    }
    const id = chatSubscriptionId(context.platform, context.channelId, topic.name);
    const before = existing.find((s) => s.id === id);
    const cron = `${time.minute} ${time.hour} * * *`;
    await store.saveSubscription({
      id,
      platform: context.platform,
      channelId: context.channelId,
      topic: topic.name,
      cron,
      timezone: timeZone,
      quietWhenUnchanged: false,
      owner: 'chat',
      createdBy: context.userId,
      activeFrom: context.now.toISOString(),
    });
    await deps.onChange();
    const next = nextSlot(cron, timeZone, context.now);
    const was = before ? ` (was ${describeSchedule(before.cron, before.timezone)}${before.disabled ? ', paused' : ''})` : '';
    return info(
      before ? 'Digest schedule changed' : 'Digest subscribed',
      `This channel will get a digest of ${topic.title} ${describeSchedule(cron, timeZone)}${was}.${next ? ` The next one: ${formatInstant(next, timeZone)}.` : ''}`,
      'Preview it with /digest now; stop it with /digest unsubscribe.',
    );
  }

  async function unsubscribe(words: readonly string[], request: CommandRequest, fallback: Topic, context: CommandContext): Promise<Message> {
    if (!context.canManageChannel) return refusal();
    const named = request.topic !== undefined || words.some((w) => topics.names().some((n) => n.toLowerCase() === w.toLowerCase()));
    const topic = topicFrom(words, fallback);
    const here = (await store.listSubscriptions()).filter((s) => inChannel(s, context) && (!named || s.topic === topic.name));
    const mine = here.filter((s) => s.owner === 'chat');
    for (const s of mine) await store.removeSubscription(s.id);
    if (mine.length) await deps.onChange();
    const configured = here.filter((s) => s.owner === 'config');
    const note = configured.length ? ` Digests set in topic.yml (${[...new Set(configured.map((s) => s.topic))].join(', ')}) stay until removed there.` : '';
    if (!mine.length) return info('No digest to stop', `This channel has no digest subscription${named ? ` to ${topic.title}` : ''} from chat.${note}`);
    const names = mine.map((s) => topics.get(s.topic)?.title ?? s.topic).join(', ');
    return info('Digest stopped', `This channel will no longer get digests of ${names}.${note}`);
  }

  async function statusItem(s: Subscription, now: Date): Promise<MessageItem> {
    const last = (await store.listDeliveries(s.id, 5)).find((d) => d.status === 'delivered');
    const next = s.disabled ? undefined : nextSlot(s.cron, s.timezone, now);
    const notes = [
      s.disabled
        ? `Paused since ${formatInstant(new Date(s.disabled.at), s.timezone)}: ${s.disabled.reason}. ${s.owner === 'config' ? 'Sitrep retries it at its next restart.' : 'Subscribe again to resume.'}`
        : '',
      next ? `Next: ${formatInstant(next, s.timezone)}` : '',
      last ? `Last: ${formatInstant(new Date(last.slot), s.timezone)}` : '',
      s.quietWhenUnchanged ? 'Quiet when nothing changed' : '',
    ].filter(Boolean);
    return {
      label: topics.get(s.topic)?.title ?? s.topic,
      text: `${describeSchedule(s.cron, s.timezone)}${s.owner === 'config' ? ' (set in topic.yml)' : ''}`,
      ...(notes.length ? { note: notes.join(' · ') } : {}),
    };
  }

  async function status(context: CommandContext): Promise<Message> {
    const here = (await store.listSubscriptions()).filter((s) => inChannel(s, context));
    if (!here.length) return info('No digests here', 'This channel gets no scheduled digests.', 'Subscribe with /digest subscribe 08:00 Europe/Kyiv (daily, in your time zone).');
    const items = await Promise.all(here.map((s) => statusItem(s, context.now)));
    return { title: 'Digests in this channel', sections: [{ style: 'fields', items }], footer: 'Preview with /digest now.', tone: 'normal' };
  }

  async function preview(words: readonly string[], fallback: Topic, context: CommandContext): Promise<Message> {
    const topic = topicFrom(words, fallback);
    const sub = (await store.listSubscriptions()).find((s) => inChannel(s, context) && s.topic === topic.name);
    const previous = await store.getSnapshot({ platform: context.platform, channelId: context.channelId, topic: topic.name });
    const digest = composeDigest(topic, previous, { timeZone: sub?.timezone ?? 'UTC', quietWhenUnchanged: false, now: context.now });
    const message = digest.message!;
    // A preview is not a delivery: the snapshot stays, so the next scheduled digest still reports these changes.
    return { ...message, footer: `Preview${sub ? ` · scheduled ${describeSchedule(sub.cron, sub.timezone)}` : ' · not subscribed here'} · ${message.footer ?? ''}`.replace(/ · $/, '') };
  }

  return {
    async handle(request, topic, context) {
      const [sub = 'status', ...words] = request.text.trim().split(/\s+/).filter(Boolean);
      switch (sub.toLowerCase()) {
        case 'subscribe':
        case 'sub':
        case 'start':
          return subscribe(words, topic, context);
        case 'unsubscribe':
        case 'unsub':
        case 'stop':
          return unsubscribe(words, request, topic, context);
        case 'status':
        case 'list':
          return status(context);
        case 'now':
        case 'preview':
          return preview(words, topic, context);
        default:
          return errorMessage(`Unknown digest command "${sub}"`, usage);
      }
    },
  };
}

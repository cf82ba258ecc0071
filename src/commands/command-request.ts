import { z } from 'zod';
import type { Platform } from '../chat/chat-port.js';

/** Where a command came from; adapters fill it in, commands never look at platform objects. */
export interface CommandContext {
  readonly platform: Platform;
  readonly channelId: string;
  readonly userId: string;
  /** May this user manage the channel's subscriptions? (Slack: per setting; Discord: Manage Channels/Server.) */
  readonly canManageChannel: boolean;
  /** The time the command arrived: commands read no clock. */
  readonly now: Date;
}

export const commandNames = ['brief', 'ask', 'numbers', 'sources', 'help', 'digest', 'add'] as const;
export type CommandName = (typeof commandNames)[number];

/** A command as any adapter delivers it, validated once here. */
export const commandRequestSchema = z.object({
  name: z.enum(commandNames),
  /** Free text after the command (`latest troop estimate`). */
  text: z.string().max(2000, 'is too long (2,000 characters at most)').default(''),
  topic: z.string().trim().max(100).optional(),
  /** Post the reply to the channel instead of privately to the caller. */
  public: z.boolean().default(false),
});

export type CommandRequest = z.infer<typeof commandRequestSchema>;

/**
 * Parses a typed line (`/ask latest troop estimate`, `/sitrep ask …`, `ask … --topic x public`)
 * into a request. Topic may be given as `topic:NAME`, `--topic NAME`, or as the last word when that
 * word is a known topic. A trailing `public` word shares the reply.
 */
export function parseCommandLine(line: string, topicNames: readonly string[]): CommandRequest | { error: string } {
  let words = line.trim().replace(/^\//, '').split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === 'sitrep') words = words.slice(1);
  const name = (words.shift() ?? 'help').toLowerCase();
  if (!(commandNames as readonly string[]).includes(name)) {
    return { error: `Unknown command "${name}". Try: ${commandNames.filter((c) => c !== 'add' && c !== 'digest').map((c) => `/${c}`).join(', ')}.` };
  }
  let topic: string | undefined;
  let isPublic = false;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^topic:/i.test(w)) topic = w.slice(6);
    else if (w === '--topic' && i + 1 < words.length) topic = words[++i];
    else if (/^(--)?public$/i.test(w) && i === words.length - 1) isPublic = true;
    else rest.push(w);
  }
  const last = rest.at(-1);
  if (!topic && last && rest.length >= (name === 'ask' ? 2 : 1) && topicNames.includes(last) && name !== 'digest') {
    topic = last;
    rest.pop();
  }
  // "/brief nosuch": a command that takes no text reads its words as a topic, so an unknown one is refused, never ignored.
  if (!topic && rest.length && (name === 'brief' || name === 'numbers' || name === 'sources')) topic = rest.splice(0).join(' ');
  const parsed = commandRequestSchema.safeParse({ name, text: rest.join(' '), topic, public: isPublic });
  if (!parsed.success) return { error: `That ${name} command ${parsed.error.issues[0]?.message ?? 'is invalid'}.` };
  return parsed.data;
}

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { channelPlatforms, type ChannelPlatform } from '../chat/chat-port.js';
import { errorText } from '../shared/error-text.js';

const channelList = z.array(z.string().trim().min(1)).default([]);

/** One list of channel ids per platform a digest entry may post to (`slack: [C0123]`). */
const channelLists = Object.fromEntries(channelPlatforms.map((p) => [p, channelList])) as Record<ChannelPlatform, typeof channelList>;

/** The optional `topic.yml` of a topic folder. */
export const topicSettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    /** Digests declared in the repository, in addition to those subscribed from chat. */
    digests: z
      .array(
        z.object({
          cron: z.string().trim().min(9),
          timezone: z.string().trim().default('UTC'),
          ...channelLists,
          /** Post a one-line "no new reporting" message when nothing changed (default) or stay quiet. */
          quietWhenUnchanged: z.boolean().default(false),
        }),
      )
      .default([]),
    /** RSS/Atom feeds polled for new articles. */
    feeds: z.array(z.url({ protocol: /^https?$/ })).default([]),
    /** Feed items are kept when their title or summary mentions any of these (case-insensitive). */
    keywords: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export type TopicSettings = z.infer<typeof topicSettingsSchema>;

export const defaultTopicSettings: TopicSettings = topicSettingsSchema.parse({});

export type TopicSettingsResult = { readonly ok: true; readonly settings: TopicSettings } | { readonly ok: false; readonly reason: string };

export function parseTopicSettings(yamlText: string): TopicSettingsResult {
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? {};
  } catch (error) {
    return { ok: false, reason: `not valid YAML (${errorText(error).split('\n')[0]})` };
  }
  const parsed = topicSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'topic.yml'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, settings: parsed.data };
}

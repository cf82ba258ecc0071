/**
 * The embed shapes Sitrep sends, and Discord's limits for them. Kept here (not imported from
 * discord.js) so the renderer stays pure and platform-library free; each shape is a structural
 * subset of Discord's `APIEmbed`, so it can be passed to discord.js or the REST API as is.
 */

export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

export interface DiscordEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly color?: number;
  readonly author?: { readonly name: string };
  readonly fields?: DiscordEmbedField[];
  readonly footer?: { readonly text: string };
}

/** One Discord message: up to 10 embeds. */
export interface DiscordPayload {
  readonly embeds: DiscordEmbed[];
}

/** Discord's documented embed limits, plus one budget of our own. */
export const discordLimits = {
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer and author name of all embeds of a message. */
  charsPerMessage: 6000,
  fieldsPerEmbed: 25,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /**
   * Our own: the longest piece of running text put in a description at once. Pieces this size
   * pack into messages with little waste, and a long paragraph still breaks only between sentences.
   */
  textPiece: 2000,
} as const;

/** Characters of an embed as Discord counts them toward `charsPerMessage`. */
export function embedChars(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

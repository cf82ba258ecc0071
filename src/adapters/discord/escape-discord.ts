/**
 * Discord's markdown and mentions, made inert in untrusted text (article sentences, questions,
 * topic names). Embeds never ping, and every message also goes out with `allowed_mentions.parse`
 * empty; neutralizing the text as well keeps a quoted `@everyone` from pinging if it is ever copied
 * into message content, and keeps it from looking like a mention.
 */

const zeroWidthSpace = '\u200b';

/**
 * Breaks mentions with a zero-width space: `@everyone`, `@here`, `<@123>`, `<@!123>`, `<@&123>`
 * (roles), `<#123>` (channels) and `<id:customize>` (guild navigation). The text still reads the same.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)\b/gi, `@${zeroWidthSpace}$1`)
    .replace(/<([@#])(?=[!&]?\d)/g, `<$1${zeroWidthSpace}`)
    .replace(/<id:/gi, `<${zeroWidthSpace}id:`);
}

/** Characters Discord's markdown reads anywhere in a line: emphasis, code, spoilers, masked links (`[`). */
const inlineMarkup = /[\\*_~`|[\]]/g;

/**
 * Escapes Discord markdown with backslashes (Discord hides a backslash before any punctuation):
 * emphasis, code, spoilers, the `[` of masked links `[label](url)`, and at the start of a line headings,
 * block quotes, lists and subtext (`#`, `>`, `-`, `+`, `1.`). Bare URLs are kept as they are, so
 * they still link to where they say.
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>()[\]"'`|*]+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(inlineMarkup, '\\$&')))
    .join('')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Untrusted text as Discord should show it: control characters gone, mentions broken, markdown escaped. */
export function escapeDiscord(text: string): string {
  return escapeDiscordMarkdown(neutralizeMentions(text.replace(control, '')));
}

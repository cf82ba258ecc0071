import { linkableUrl, type Message, type MessageItem, type MessageSection } from '../../render/message.js';
import { packLines, shorten, splitToFit } from '../../render/split-to-fit.js';
import { discordLimits as limits, type DiscordEmbed, type DiscordEmbedField, type DiscordPayload } from './discord-embeds.js';
import { escapeDiscord, neutralizeMentions } from './escape-discord.js';

/** The left bar of each embed: Discord's blurple, red for errors. */
export const embedColors = { normal: 0x5865f2, error: 0xed4245 } as const;

/** What the renderer lays out: a title opens an embed; text goes in its description; fields after it. */
type Unit = { readonly kind: 'title'; readonly text: string } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'field'; readonly field: DiscordEmbedField };

/** An embed being filled. */
interface Draft {
  title?: string;
  description: string;
  fields: DiscordEmbedField[];
  footer?: string;
  /** The first embed of a later message: it gets the "(continued, 2/3)" author line. */
  continued: boolean;
}

const blank = '\u200b';

/**
 * Renders a neutral `Message` as one or more Discord messages of embeds: an embed for the title
 * (with the subtitle under it), an embed per headed section (the heading is its title), list and
 * plain items in descriptions (each with its sources in italics), `fields` items as embed fields,
 * the footer as the last embed's footer. Every piece of untrusted text is escaped and its mentions
 * broken. A message over Discord's limits (10 embeds and 6,000 characters a message, 4,096 a
 * description, 25 fields, 1,024 a field value) goes as several messages, split between items or
 * between sentences, never mid-sentence; later messages say "(continued, 2/3)".
 */
export function renderDiscordMessage(message: Message): DiscordPayload[] {
  const title = message.title.trim();
  const units = [...headUnits(message), ...message.sections.flatMap(sectionUnits)];
  // Room kept on later messages for their "(continued, i/N)" line.
  const reserve = Math.min(limits.authorName, title.length + 20);
  const footer = message.footer?.trim() ? shorten(neutralizeMentions(message.footer.trim()), limits.footer) : undefined;
  const pages = paginate(units, reserve, footer);
  const color = message.tone === 'error' ? embedColors.error : embedColors.normal;
  return pages.map((page, i) => ({
    embeds: page.map((draft) => finish(draft, color, draft.continued ? continuedLine(title, i, pages.length, reserve) : undefined)),
  }));
}

/** Cuts escaped text to `max` characters without leaving a dangling escape before the ellipsis. */
function cut(escaped: string, max: number): string {
  return shorten(escaped, max).replace(/\\+…$/, '…');
}

/** Untrusted text in pieces of at most `max` characters once escaped, split between sentences. */
function pieces(raw: string, max: number): string[] {
  return raw.trim() ? splitToFit(raw.trim(), max, escapeDiscord).filter(Boolean) : [];
}

/** A note (sources, earlier values) in italics, a line at a time: italics do not span lines. */
function noteLines(note: string | undefined, max: number): string[] {
  return (note ?? '').split('\n').flatMap((line) => pieces(line, max - 2).map((p) => `*${p}*`));
}

function headUnits(message: Message): Unit[] {
  const units: Unit[] = [];
  const title = message.title.trim();
  if (title) {
    const prefix = message.tone === 'error' ? '⚠️ ' : '';
    const escaped = escapeDiscord(title);
    units.push({ kind: 'title', text: cut(prefix + escaped, limits.title) });
    // A long title (a long question) is shown whole under the shortened one.
    if (prefix.length + escaped.length > limits.title) units.push(...pieces(title, limits.textPiece).map((text) => ({ kind: 'text' as const, text })));
  }
  for (const text of noteLines(message.subtitle, limits.textPiece)) units.push({ kind: 'text', text });
  return units;
}

function sectionUnits(section: MessageSection): Unit[] {
  const heading = section.heading?.trim() ? [{ kind: 'title' as const, text: cut(escapeDiscord(section.heading.trim()), limits.title) }] : [];
  return [...heading, ...(section.style === 'fields' ? fieldUnits(section.items) : itemUnits(section.items, section.style === 'list'))];
}

/** List and plain items: each item (with its note) is packed into as few description pieces as it needs. */
function itemUnits(items: readonly MessageItem[], numbered: boolean): Unit[] {
  return items.flatMap((item, i) => {
    const prefix = numbered ? `**${i + 1}.** ` : '';
    const label = item.label?.trim() ? `${item.label.trim()}: ` : '';
    const url = linkableUrl(item.url);
    const [first, ...rest] = pieces(`${label}${item.text}${url ? ` ${url}` : ''}`, limits.textPiece - prefix.length);
    const lines = [...(first !== undefined ? [prefix + first] : []), ...rest, ...noteLines(item.note, limits.textPiece)];
    return packLines(lines, limits.textPiece).map((text) => ({ kind: 'text' as const, text }));
  });
}

/** Label/value pairs; short ones side by side (inline). A value over 1,024 characters continues in unnamed fields. */
function fieldUnits(items: readonly MessageItem[]): Unit[] {
  const fields = items.flatMap((item) => {
    const name = item.label?.trim() ? cut(escapeDiscord(item.label.trim()), limits.fieldName) : blank;
    const chunks = packLines([...pieces(item.text, limits.fieldValue), ...noteLines(item.note, limits.fieldValue)], limits.fieldValue);
    if (!chunks.length) return name === blank ? [] : [{ name, value: blank }];
    return chunks.map((value, i) => ({ name: i === 0 ? name : blank, value }));
  });
  const inline = fields.length > 1 && fields.every((f) => f.value.length <= 80 && f.name !== blank);
  return fields.map((field) => ({ kind: 'field' as const, field: inline ? { ...field, inline: true } : field }));
}

/**
 * Fills embeds unit by unit and embeds into messages, opening a new embed when a title comes,
 * when text follows fields, or when the embed is full, and a new message when the message is full.
 * A title is held until its first content, so a heading never ends a message alone.
 */
function paginate(units: readonly Unit[], reserve: number, footer: string | undefined): Draft[][] {
  const pages: Draft[][] = [];
  let page: Draft[] = [];
  let chars = 0;
  let embed: Draft | undefined;
  let pendingTitle: string | undefined;
  let continued = false;

  const open = (size: number): Draft => {
    const titleChars = pendingTitle?.length ?? 0;
    if (page.length >= limits.embedsPerMessage || chars + titleChars + size > limits.charsPerMessage) {
      pages.push(page);
      page = [];
      chars = reserve;
      continued = true;
    }
    const draft: Draft = { description: '', fields: [], continued, ...(pendingTitle !== undefined ? { title: pendingTitle } : {}) };
    continued = false;
    pendingTitle = undefined;
    page.push(draft);
    chars += titleChars;
    return draft;
  };

  for (const unit of units) {
    if (unit.kind === 'title') {
      if (pendingTitle !== undefined) embed = open(0);
      pendingTitle = unit.text;
      continue;
    }
    const size = unit.kind === 'text' ? unit.text.length : unit.field.name.length + unit.field.value.length;
    const gap = unit.kind === 'text' && embed?.description ? 1 : 0;
    const fitsEmbed =
      embed !== undefined &&
      pendingTitle === undefined &&
      (unit.kind === 'text' ? embed.fields.length === 0 && embed.description.length + gap + size <= limits.description : embed.fields.length < limits.fieldsPerEmbed);
    let target: Draft;
    if (embed && fitsEmbed && chars + gap + size <= limits.charsPerMessage) {
      target = embed;
      chars += gap + size;
    } else {
      target = embed = open(size);
      chars += size;
    }
    if (unit.kind === 'text') target.description += (target.description ? '\n' : '') + unit.text;
    else target.fields.push(unit.field);
  }
  if (pendingTitle !== undefined) embed = open(0);
  if (footer) {
    if (!embed || chars + footer.length > limits.charsPerMessage) embed = open(footer.length);
    embed.footer = footer;
  }
  if (page.length) pages.push(page);
  return pages.length ? pages : [[{ description: blank, fields: [], continued: false }]];
}

/** `Title (continued, 2/3)`, within the room kept for it. */
function continuedLine(title: string, index: number, total: number, reserve: number): string {
  const suffix = `(continued, ${index + 1}/${total})`;
  const base = title ? `${shorten(neutralizeMentions(title), Math.max(1, reserve - suffix.length - 1))} ` : '';
  return (base + suffix).slice(0, reserve);
}

function finish(draft: Draft, color: number, author: string | undefined): DiscordEmbed {
  return {
    ...(author ? { author: { name: author } } : {}),
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(draft.description ? { description: draft.description } : {}),
    ...(draft.fields.length ? { fields: draft.fields } : {}),
    ...(draft.footer ? { footer: { text: draft.footer } } : {}),
    color,
  };
}

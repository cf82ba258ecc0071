import { linkableUrl, type Message, type MessageItem, type MessageSection } from '../../render/message.js';
import { escapeMrkdwn, escapeSlack, stripControl } from './escape-slack.js';
import { slackLimits, type SlackBlock, type SlackContextBlock, type SlackPayload, type SlackSectionBlock, type SlackTextObject } from './slack-blocks.js';
import { packLines, shorten, splitToFit } from '../../render/split-to-fit.js';

export interface SlackRenderOptions {
  /** Blocks appended to the last message (a "Share in channel" button); room is kept for them. */
  readonly trailer?: readonly SlackBlock[];
}

/** Blocks that belong together (a heading and its first item, an item and its sources line). */
type Unit = SlackBlock[];

/**
 * Renders a neutral `Message` as one or more Slack messages of Block Kit: a header for the title,
 * a context line for the subtitle, sections for items (with their sources in a context line),
 * side-by-side fields for `fields` sections, dividers between sections. Every piece of text is
 * escaped. A message over Slack's limits (50 blocks, 3,000 characters a section, 10 fields) is
 * split into several messages at block and sentence boundaries, never truncated mid-sentence.
 */
export function renderSlackMessage(message: Message, options: SlackRenderOptions = {}): SlackPayload[] {
  const trailer = [...(options.trailer ?? [])];
  const units = [...headUnits(message), ...message.sections.flatMap((s, i) => sectionUnits(s, i > 0 || hasHead(message)))];
  if (message.footer) units.push([context(message.footer)]);
  // One block is kept for the "(continued)" line of later messages, and room for the trailer.
  const pages = paginate(units, slackLimits.blocksPerMessage - 1 - trailer.length);
  const title = clean(message.title);
  return pages.map((blocks, i) => {
    const last = i === pages.length - 1;
    const continued = i > 0 ? [context(`${title} (continued, ${i + 1}/${pages.length})`)] : [];
    return {
      text: i === 0 ? fallbackText(message) : escapeSlack(shorten(`${title} (continued)`, slackLimits.fallbackText)),
      blocks: [...continued, ...blocks, ...(last ? trailer : [])],
    };
  });
}

function hasHead(message: Message): boolean {
  return Boolean(message.title || message.subtitle);
}

function clean(text: string): string {
  return stripControl(text).trim();
}

/** mrkdwn text of untrusted content: escaped, and `verbatim` so Slack parses nothing in it. */
function mrkdwn(text: string): SlackTextObject {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): SlackSectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** A context line; long notes become several elements (up to 10), then several context blocks. */
function contextBlocks(raw: string): SlackContextBlock[] {
  const pieces = splitToFit(clean(raw), slackLimits.contextText, escapeMrkdwn).filter(Boolean);
  const blocks: SlackContextBlock[] = [];
  for (let i = 0; i < pieces.length; i += slackLimits.contextElements) {
    blocks.push({ type: 'context', elements: pieces.slice(i, i + slackLimits.contextElements).map(mrkdwn) });
  }
  return blocks;
}

function context(raw: string): SlackContextBlock {
  return { type: 'context', elements: [mrkdwn(shorten(escapeSlack(clean(raw)), slackLimits.contextText))] };
}

function headUnits(message: Message): Unit[] {
  const unit: Unit = [];
  const title = clean(message.title);
  if (title) {
    const prefix = message.tone === 'error' ? '⚠️ ' : '';
    const escaped = escapeSlack(title);
    unit.push({ type: 'header', text: { type: 'plain_text', text: shorten(prefix + escaped, slackLimits.headerText), emoji: true } });
    // A long title (a long question) is shown whole under a shortened header.
    if (prefix.length + escaped.length > slackLimits.headerText) unit.push(...splitToFit(title, slackLimits.sectionText, escapeMrkdwn).map(section));
  }
  if (message.subtitle) unit.push(...contextBlocks(message.subtitle));
  return unit.length ? [unit] : [];
}

function sectionUnits(s: MessageSection, divided: boolean): Unit[] {
  const lead: Unit = [];
  if (divided) lead.push({ type: 'divider' });
  // Headings are Sitrep's own labels: the only text set in bold.
  if (s.heading) lead.push(section(`*${escapeSlack(clean(s.heading)).replace(/\*/g, '')}*`));
  const units = s.style === 'fields' ? fieldUnits(s.items) : itemUnits(s.items, s.style === 'list');
  // Never leave a divider or heading alone at the end of a message: it travels with the first item.
  const first = units[0];
  if (first) first.unshift(...lead);
  else if (lead.length) units.push(lead);
  return units;
}

/** List and plain items: items without a note are packed into few sections; noted items stand alone. */
function itemUnits(items: readonly MessageItem[], numbered: boolean): Unit[] {
  const units: Unit[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    for (const chunk of packLines(pending, slackLimits.sectionText)) units.push([section(chunk)]);
    pending = [];
  };
  items.forEach((item, i) => {
    const label = item.label ? `${clean(item.label)}: ` : '';
    const url = linkableUrl(item.url);
    const raw = `${numbered ? `${i + 1}. ` : ''}${label}${clean(item.text)}${url ? ` ${url}` : ''}`;
    const pieces = splitToFit(raw, slackLimits.sectionText, escapeMrkdwn).filter(Boolean);
    if (!item.note) {
      pending.push(...pieces);
      return;
    }
    flush();
    units.push([...pieces.map(section), ...contextBlocks(item.note)]);
  });
  flush();
  return units;
}

/** Label/value pairs side by side: at most 10 fields a section, 2,000 characters a field. */
function fieldUnits(items: readonly MessageItem[]): Unit[] {
  const fields: SlackTextObject[] = [];
  for (const item of items) {
    const label = item.label ? `*${escapeSlack(clean(item.label)).replace(/\*/g, '')}*\n` : '';
    const body = [clean(item.text), item.note ? clean(item.note) : ''].filter(Boolean).join('\n');
    const pieces = body ? splitToFit(body, slackLimits.fieldText - label.length, escapeMrkdwn) : [''];
    if (!label && !body) continue;
    pieces.forEach((piece, i) => fields.push(mrkdwn(i === 0 ? label + piece : piece)));
  }
  const units: Unit[] = [];
  for (let i = 0; i < fields.length; i += slackLimits.fieldsPerSection) {
    units.push([{ type: 'section', fields: fields.slice(i, i + slackLimits.fieldsPerSection) }]);
  }
  return units;
}

function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    default:
      return 0;
  }
}

/** Fills messages unit by unit; a unit too big for any message is the only thing split across two. */
function paginate(units: readonly Unit[], maxBlocks: number): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  let chars = 0;
  const add = (block: SlackBlock): void => {
    if (page.length >= maxBlocks || (page.length && chars + blockChars(block) > slackLimits.messageText)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(block);
    chars += blockChars(block);
  };
  for (const unit of units) {
    const size = unit.reduce((n, b) => n + blockChars(b), 0);
    const fits = page.length + unit.length <= maxBlocks && chars + size <= slackLimits.messageText;
    if (!fits && page.length && unit.length <= maxBlocks && size <= slackLimits.messageText) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    unit.forEach(add);
  }
  if (page.length || pages.length === 0) pages.push(page);
  return pages;
}

/** Notification text: the title and the start of the first item, escaped. */
function fallbackText(message: Message): string {
  const first = message.sections[0]?.items[0]?.text;
  const raw = [clean(message.title), first ? clean(first) : ''].filter(Boolean).join(': ');
  return escapeSlack(shorten(raw.replace(/\s+/g, ' '), slackLimits.fallbackText)) || ' ';
}

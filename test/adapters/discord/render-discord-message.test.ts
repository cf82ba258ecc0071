import { describe, expect, it } from 'vitest';
import { deliveryNonce } from '../../../src/adapters/discord/create-discord-channel-poster.js';
import { topicChoices } from '../../../src/adapters/discord/handle-interaction.js';
import { embedChars, type DiscordEmbed, type DiscordPayload } from '../../../src/adapters/discord/discord-embeds.js';
import { escapeDiscord } from '../../../src/adapters/discord/escape-discord.js';
import { embedColors, renderDiscordMessage } from '../../../src/adapters/discord/render-discord-message.js';
import type { Message } from '../../../src/render/message.js';

/** A sentence with markdown in it (escaping makes it grow), numbered so that none can go missing unseen. */
const sentence = (i: number): string => `Sentence ${i} says that the *old* town and the river_side <stayed> closed while crews worked through the night.`;
const run = (first: number, count: number): string => Array.from({ length: count }, (_, k) => sentence(first + k)).join(' ');

/** A briefing far over every Discord limit: 200 points, 35 long numbers, a 200-sentence paragraph, a 380-character title. */
function hugeBriefing(): Message {
  const points = Array.from({ length: 200 }, (_, i) => ({ text: run(i * 100, 3), note: `3 sources [${i}]` }));
  const numbers = Array.from({ length: 35 }, (_, i) => ({ label: `Quantity ${i}`, text: run(i * 1000, 30) }));
  return {
    title: `A very long question about the bridge closure ${'and its aftermath '.repeat(20)}?`,
    subtitle: '40 articles · 200 key points',
    sections: [
      { heading: 'Key points', style: 'list', items: points },
      { heading: 'Key numbers', style: 'fields', items: numbers },
      { heading: 'Long read', style: 'plain', items: [{ text: run(90_000, 200) }] },
    ],
    footer: 'Ask more with /ask <question>.',
    tone: 'normal',
  };
}

/** A message with `text` in every place a message has text, and `lines` as a paragraph of its own; as an error. */
function inEverySlot(text: string, lines: string): Message {
  const item = { label: text, text, note: text };
  return {
    title: text,
    subtitle: text,
    sections: [
      { heading: text, style: 'list', items: [item] },
      { style: 'fields', items: [item] },
      { style: 'plain', items: [{ text: lines }] },
    ],
    footer: text,
    tone: 'error',
  };
}

/** Every text of an embed, with its kind. */
function texts(embed: DiscordEmbed): { kind: string; text: string }[] {
  return [
    ...(embed.author ? [{ kind: 'author', text: embed.author.name }] : []),
    ...(embed.title !== undefined ? [{ kind: 'title', text: embed.title }] : []),
    ...(embed.description !== undefined ? [{ kind: 'description', text: embed.description }] : []),
    ...(embed.fields ?? []).flatMap((f) => [
      { kind: 'name', text: f.name },
      { kind: 'value', text: f.value },
    ]),
    ...(embed.footer ? [{ kind: 'footer', text: embed.footer.text }] : []),
  ];
}

const max: Record<string, number> = { author: 256, title: 256, description: 4096, name: 256, value: 1024, footer: 2048 };
const all = (payloads: DiscordPayload[]) => payloads.flatMap((p) => p.embeds.flatMap(texts));

describe('renderDiscordMessage', () => {
  const payloads = renderDiscordMessage(hugeBriefing());

  it("keeps a huge briefing within Discord's limits by sending several messages", () => {
    expect(payloads.length).toBeGreaterThan(5);
    for (const p of payloads) {
      expect(p.embeds.length).toBeGreaterThan(0);
      expect(p.embeds.length).toBeLessThanOrEqual(10);
      expect(p.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
      for (const e of p.embeds) {
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
        for (const t of texts(e)) {
          expect(t.text.length, t.kind).toBeGreaterThan(0);
          expect(t.text.length, t.kind).toBeLessThanOrEqual(max[t.kind]!);
        }
      }
    }
    // 35 numbers with long values: more fields than one embed holds, none lost.
    expect(all(payloads).filter((t) => t.kind === 'name' && /^Quantity \d+$/.test(t.text))).toHaveLength(35);
  });

  it('never cuts a sentence, and loses none', () => {
    const text = all(payloads).map((t) => t.text).join('\n');
    for (const i of [0, 1, 102, 19_902, 34_029, 90_000, 90_123, 90_199]) expect(text).toContain(escapeDiscord(sentence(i)));
    for (const t of all(payloads)) {
      for (const line of t.text.split('\n')) if (line.includes('Sentence')) expect(line.trimEnd()).toMatch(/night\.$/);
    }
  });

  it('shows a long title whole under a shortened one, and marks later messages as continued', () => {
    const [first, second] = payloads;
    expect(first!.embeds[0]!.title).toMatch(/^A very long question about the bridge closure and its aftermath.*…$/);
    expect(first!.embeds[0]!.description).toContain('aftermath and its aftermath ?');
    expect(first!.embeds[0]!.author).toBeUndefined();
    expect(second!.embeds[0]!.author?.name).toMatch(/^A very long question.* \(continued, 2\/\d+\)$/);
    expect(payloads.at(-1)!.embeds.at(-1)!.footer?.text).toBe('Ask more with /ask <question>.');
    for (const p of payloads) for (const e of p.embeds) expect(e.color).toBe(embedColors.normal);
  });

  it('keeps a heading with its first item: no message ends on a bare heading', () => {
    for (const p of payloads) {
      const last = p.embeds.at(-1)!;
      expect(Boolean(last.description || last.fields?.length || last.footer)).toBe(true);
    }
  });

  it('breaks mentions and escapes markdown in every piece of untrusted text, but leaves links working', () => {
    const evil = '@everyone @here <@123> <@!124> <@&456> <#789> <id:customize> [your bank](https://evil.example) ||x|| **y** `z` ~~w~~ __v__';
    const lines = `# Heading\n> quote\n- item\n1. first\n-# small ${evil}`;
    const message = inEverySlot(evil, lines);
    const [payload] = renderDiscordMessage(message);
    for (const t of payload!.embeds.flatMap(texts)) {
      for (const raw of [/@everyone/, /@here/, /<@\d/, /<@!/, /<@&/, /<#\d/, /<id:/]) expect(t.text, t.kind).not.toMatch(raw);
      if (t.kind === 'footer') continue;
      expect(t.text).not.toMatch(/(^|[^\\])\[your bank|(^|[^\\])\|\||(^|[^\\])\*\*y|(^|[^\\])`z|(^|[^\\])~~w|(^|[^\\])__v/);
    }
    const json = JSON.stringify(payload);
    expect(json).toContain('(https://evil.example)');
    const plain = payload!.embeds.flatMap(texts).find((t) => t.text.includes('Heading'))!.text;
    expect(plain.split('\n').slice(0, 5)).toEqual(['\\# Heading', '\\> quote', '\\- item', '1\\. first', '\\-# small @\u200beveryone @\u200bhere <@\u200b123> <@\u200b!124> <@\u200b&456> <#\u200b789> <\u200bid:customize> \\[your bank\\](https://evil.example) \\|\\|x\\|\\| \\*\\*y\\*\\* \\`z\\` \\~\\~w\\~\\~ \\_\\_v\\_\\_']);
    expect(payload!.embeds[0]!.title).toMatch(/^⚠️ @\u200beveryone/);
    for (const e of payload!.embeds) expect(e.color).toBe(embedColors.error);
  });

  it('keeps URLs as they are, so they still link where they say', () => {
    const [payload] = renderDiscordMessage({ title: 'Sources', sections: [{ style: 'list', items: [{ text: 'Bridge', note: 'a_b.txt · https://news.example/bridge_closure?a=1&b=2.' }] }], tone: 'normal' });
    expect(payload!.embeds[0]!.description).toContain('*a\\_b.txt · https://news.example/bridge_closure?a=1&b=2.*');
  });

  it('puts short values side by side and splits 30 fields over two embeds', () => {
    const [payload] = renderDiscordMessage({ title: 'Numbers', sections: [{ style: 'fields', items: Array.from({ length: 30 }, (_, i) => ({ label: `Q${i}`, text: `${i}` })) }], tone: 'normal' });
    expect(payload!.embeds.map((e) => e.fields?.length ?? 0)).toEqual([25, 5]);
    expect(payload!.embeds[0]!.fields![0]).toEqual({ name: 'Q0', value: '0', inline: true });
  });

  it('renders a message with nothing in it as one valid embed', () => {
    const [payload] = renderDiscordMessage({ title: '', sections: [], tone: 'normal' });
    expect(payload!.embeds).toHaveLength(1);
    expect(embedChars(payload!.embeds[0]!)).toBeGreaterThan(0);
  });
});

describe('topic autocomplete and delivery nonces', () => {
  it('offers the topics that start with what was typed, at most 25', () => {
    const names = ['bridge-closure', 'Brexit-talks', 'harbor-fire', ...Array.from({ length: 40 }, (_, i) => `b-${i}`)];
    expect(topicChoices(names, 'BR')).toEqual([
      { name: 'bridge-closure', value: 'bridge-closure' },
      { name: 'Brexit-talks', value: 'Brexit-talks' },
    ]);
    expect(topicChoices(names, '')).toHaveLength(25);
    expect(topicChoices(names, 'x')).toEqual([]);
  });

  it('derives a stable nonce of at most 25 characters from channel, delivery key and part', () => {
    const nonce = deliveryNonce('123', 'bridge:2024-10-31T08:00', 0);
    expect(nonce.length).toBeLessThanOrEqual(25);
    expect(deliveryNonce('123', 'bridge:2024-10-31T08:00', 0)).toBe(nonce);
    expect(new Set([nonce, deliveryNonce('123', 'bridge:2024-10-31T08:00', 1), deliveryNonce('124', 'bridge:2024-10-31T08:00', 0), deliveryNonce('123', 'bridge:2024-11-01T08:00', 0)]).size).toBe(4);
  });
});

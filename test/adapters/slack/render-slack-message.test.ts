import { describe, expect, it } from 'vitest';
import { commandLine } from '../../../src/adapters/slack/register-slack-listeners.js';
import { parseShareValue, shareButton } from '../../../src/adapters/slack/share-button.js';
import type { Message } from '../../../src/render/message.js';
import { escapeSlack, unescapeSlack } from '../../../src/adapters/slack/escape-slack.js';
import { renderSlackMessage } from '../../../src/adapters/slack/render-slack-message.js';
import type { SlackBlock, SlackPayload } from '../../../src/adapters/slack/slack-blocks.js';

/** Every text object of a payload, with where it sits. */
function texts(payload: SlackPayload): { kind: string; text: string }[] {
  return payload.blocks.flatMap((b: SlackBlock) => {
    if (b.type === 'header') return [{ kind: 'header', text: b.text.text }];
    if (b.type === 'section') return [...(b.text ? [{ kind: 'section', text: b.text.text }] : []), ...(b.fields ?? []).map((f) => ({ kind: 'field', text: f.text }))];
    if (b.type === 'context') return b.elements.map((e) => ({ kind: 'context', text: e.text }));
    return [];
  });
}

const sentence = (i: number): string => `Sentence ${i} says that the harbor & the old town <stayed> closed while crews worked through the night.`;
const paragraph = (from: number, count: number): string => Array.from({ length: count }, (_, k) => sentence(from + k)).join(' ');

const huge: Message = {
  title: `A very long question about the harbor fire ${'and its aftermath '.repeat(20)}?`,
  subtitle: '40 articles · 200 key points',
  sections: [
    { heading: 'Key points', style: 'list', items: Array.from({ length: 200 }, (_, i) => ({ text: paragraph(i * 100, 3), note: `3 sources [${i}]` })) },
    { heading: 'Key numbers', style: 'fields', items: Array.from({ length: 35 }, (_, i) => ({ label: `Quantity ${i}`, text: paragraph(i * 1000, 30) })) },
    { heading: 'Long read', style: 'plain', items: [{ text: paragraph(90_000, 200) }] },
  ],
  footer: 'Ask more with /ask <question>.',
  tone: 'normal',
};

describe('renderSlackMessage', () => {
  const payloads = renderSlackMessage(huge, { trailer: [{ type: 'actions', elements: [{ type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'Share' }, value: '1' }] }] });

  it("keeps a huge message within Slack's limits by splitting it into several messages", () => {
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      for (const t of texts(p)) {
        expect(t.text.length).toBeGreaterThan(0);
        expect(t.text.length).toBeLessThanOrEqual(t.kind === 'header' ? 150 : t.kind === 'field' ? 2000 : 3000);
      }
      for (const b of p.blocks) if (b.type === 'section' && b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
      for (const b of p.blocks) if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    }
    expect(payloads.at(-1)!.blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(payloads.slice(0, -1).some((p) => p.blocks.some((b) => b.type === 'actions'))).toBe(false);
  });

  it('never cuts a sentence, and loses none', () => {
    const all = payloads.flatMap(texts).map((t) => t.text).join('\n');
    for (const i of [0, 1, 102, 19_902, 34_029, 90_000, 90_123, 90_199]) expect(all).toContain(escapeSlack(sentence(i)));
    for (const t of payloads.flatMap(texts)) {
      if (t.kind === 'header' || !t.text.includes('Sentence')) continue;
      // Every piece of article text ends at a sentence end.
      expect(t.text.trimEnd()).toMatch(/night\.$|\]$|Quantity \d+\*$/);
    }
  });

  it('shows a long title whole under a shortened header, and marks later messages as continued', () => {
    const [first, second] = payloads;
    expect(first!.blocks[0]).toMatchObject({ type: 'header' });
    expect(texts(first!)[1]!.text).toContain('aftermath and its aftermath');
    expect(second!.blocks[0]).toMatchObject({ type: 'context' });
    expect(texts(second!)[0]!.text).toMatch(/\(continued, 2\/\d+\)$/);
  });

  it('escapes every piece of text and lets Slack parse none of it', () => {
    const evil = '<!channel> <!here> <@U123> <https://evil.example|your bank> & @everyone';
    const message: Message = {
      title: evil,
      subtitle: evil,
      sections: [
        { heading: evil, style: 'list', items: [{ text: evil, note: evil }] },
        { style: 'fields', items: [{ label: evil, text: evil, note: evil }] },
        { style: 'plain', items: [{ text: evil }] },
      ],
      footer: evil,
      tone: 'error',
    };
    const [payload] = renderSlackMessage(message);
    const json = JSON.stringify(payload);
    expect(json).not.toMatch(/<!|<@|<https:\/\/evil\.example\|/);
    // A bare URL becomes a link that shows its own address; the spoofed label stays text.
    expect(json).toContain('&lt;<https://evil.example>|your bank&gt;');
    expect(payload!.text).toContain('&lt;!channel&gt;');
    for (const t of texts(payload!)) expect(t.text).toContain('&lt;!here&gt;');
    for (const b of payload!.blocks) if (b.type === 'section' && b.text) expect(b.text.verbatim).toBe(true);
    expect(payload!.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringMatching(/^⚠️ /) } });
  });

  it('makes bare URLs explicit links that show their own address', () => {
    const [payload] = renderSlackMessage({ title: 'Sources', sections: [{ style: 'list', items: [{ text: 'Harbor', note: 'a.txt · https://news.example/harbor?a=1&b=2.' }] }], tone: 'normal' });
    expect(JSON.stringify(payload)).toContain('<https://news.example/harbor?a=1&amp;b=2>.');
  });

  it('puts fields side by side, ten at most a section, with bold labels', () => {
    const [payload] = renderSlackMessage({ title: 'Numbers', sections: [{ style: 'fields', items: Array.from({ length: 12 }, (_, i) => ({ label: `Q${i}`, text: `${i}` })) }], tone: 'normal' });
    const sections = payload!.blocks.filter((b) => b.type === 'section' && b.fields);
    expect(sections.map((b) => (b.type === 'section' ? b.fields!.length : 0))).toEqual([10, 2]);
    expect(texts(payload!).find((t) => t.kind === 'field')!.text).toBe('*Q0*\n0');
  });
});

describe('slash command lines and the share button', () => {
  it('maps each slash command to the line the command parser reads', () => {
    expect(commandLine('/ask', 'latest troop estimate')).toBe('ask latest troop estimate');
    expect(commandLine('/sitrep', 'ask latest troop estimate')).toBe('ask latest troop estimate');
    expect(commandLine('/sitrep', '')).toBe('');
    expect(commandLine('/sitrep-numbers', 'harbor-fire')).toBe('numbers harbor-fire');
    expect(commandLine('/ask', 'AT&amp;T &lt;b&gt;')).toBe('ask AT&T <b>');
  });

  it('round-trips a request through the button value, and refuses values it did not make', () => {
    const button = shareButton({ name: 'ask', text: 'who said <!here>?', topic: 'harbor-fire', public: false });
    const value = button!.elements[0]!.value!;
    expect(value).not.toContain('<');
    expect(parseShareValue(value)).toEqual({ name: 'ask', text: 'who said <!here>?', topic: 'harbor-fire', public: true });
    expect(parseShareValue('{"n":"rm -rf","t":""}')).toBeUndefined();
    expect(parseShareValue('not json')).toBeUndefined();
    expect(shareButton({ name: 'ask', text: 'x'.repeat(2000), public: false })).toBeUndefined();
    expect(unescapeSlack(escapeSlack('a < b & c > d'))).toBe('a < b & c > d');
  });
});

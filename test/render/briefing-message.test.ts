/** The brief as a reader sees it: the state of the story first, points with their sources, numbers in one line each, sources in short. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderDiscordMessage } from '../../src/adapters/discord/render-discord-message.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderText } from '../../src/render/render-text.js';
import { renderSlackMessage } from '../../src/adapters/slack/render-slack-message.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({ id, origin: `${id}.md`, text, ...extra });

const briefing = buildBriefing([
  article('a', 'Rescuers said at least 120 volunteers had joined the search in Alden.\nThe river burst its banks after two days of rain.', {
    title: 'Volunteers join the search after the Alden floods, the city says in a statement on Monday morning',
    source: 'Alden Courier (rehosted copy; credits a wire)',
    published: '2031-03-03',
  }),
  article('b', 'The Alden Fire Service said an estimated 400 volunteers had joined the search, up from 120.\nThe mayor said schools would reopen on Friday.', {
    source: 'Brill Post, citing a wire',
    published: '2031-03-05',
  }),
]);
const text = renderText(renderBriefingMessage('Alden floods', briefing));

describe('the brief', () => {
  it('opens with the latest value of the main quantity, who gave it and what it moved from', () => {
    const latest = text.slice(text.indexOf('Latest:'), text.indexOf('Key points:'));
    expect(latest).toMatch(/an estimated 400 volunteers — Alden Fire Service, up from at least 120 \(Rescuers\) \[1\]\[2\]/);
  });

  it('names the person alone in the lead line, without the role before the name', () => {
    const roles = buildBriefing([
      article('a', 'At least 120 volunteers had joined the search in Alden, fire service spokeswoman Mara Quist said.', { published: '2031-03-03' }),
      article('b', 'An estimated 400 volunteers had joined the search, up from 120, Alden deputy mayor Tom Brill said.', { published: '2031-03-05' }),
    ]);
    const lead = renderText(renderBriefingMessage('Alden floods', roles)).split('\n').find((l) => l.includes('volunteers'));
    expect(lead).toContain('— Tom Brill, up from at least 120 (Mara Quist)');
  });

  it('gives each point its source numbers only', () => {
    expect(text).not.toMatch(/\d sources? \[/);
    expect(text).toMatch(/\n {3}\[2\]\n/);
  });

  it('names each source by its outlet without asides and a short date, or by its headline cut short', () => {
    expect(text).toContain('\n[1] Alden Courier, 3 Mar\n');
    expect(text).toContain('\n[2] Brill Post, 5 Mar\n');
    const unnamed = renderText(renderBriefingMessage('Alden floods', buildBriefing([
      article('a', 'Rescuers said at least 120 volunteers had joined the search in Alden.', { title: 'Volunteers join the search after the Alden floods, the city says', published: '2031-03-03' }),
    ])));
    expect(unnamed).toContain('\n[1] Volunteers join the search… (3 Mar)\n');
    const slip = renderText(renderBriefingMessage('Alden floods', buildBriefing([
      article('a', 'The council said an estimated 120 volunteers had joined the search in Alden.'),
    ])));
    expect(slip).toContain('\n[1] The council said…\n');
  });

  it('says under the title how many articles and when they ran, not counts the reader sees below', () => {
    expect(text.split('\n')[1]).toBe('2 articles, 3–5 Mar');
    const months = buildBriefing([article('a', 'Rescuers said 120 volunteers had joined the search.', { published: '2031-02-27' }), article('b', 'Rescuers said 400 volunteers had joined the search.', { published: '2031-03-02' })]);
    expect(renderText(renderBriefingMessage('Alden floods', months)).split('\n')[1]).toBe('2 articles, 27 Feb – 2 Mar');
    const undated = buildBriefing([article('a', 'Rescuers said 120 volunteers had joined the search.')]);
    expect(renderText(renderBriefingMessage('Alden floods', undated)).split('\n')[1]).toBe('1 article');
  });

  it('says the lead quantity once: its Key numbers line goes when the lead line says all of its history', () => {
    expect(text).not.toMatch(/^- volunteers:/m);
  });

  it('shows another quantity\'s history in one line: the latest, then earlier values with their sources', () => {
    const two = buildBriefing([
      article('a', 'Rescuers said at least 120 volunteers had joined the search.\nThe city said 30 homes were flooded.', { published: '2031-03-03' }),
      article('b', 'The Alden Fire Service said an estimated 400 volunteers had joined the search, up from 120.\nThe county said 75 homes were flooded, up from 30.', { published: '2031-03-05' }),
    ]);
    const shown = renderText(renderBriefingMessage('Alden floods', two));
    expect(shown.slice(shown.indexOf('Latest:'), shown.indexOf('Key points:'))).toContain('an estimated 400 volunteers');
    expect(shown).toMatch(/^- homes: 75 \[2\]; earlier 30 \[1\]\[2\]$/m);
  });
});

describe('a long history in the brief', () => {
  // Twelve daily counts, each up on the one before: the brief shows the newest earlier values, how many more, and the first.
  const days = Array.from({ length: 12 }, (_, i) => article(`d${i}`, `Rescuers said ${100 + 10 * i} volunteers had joined the search in Alden.`, { published: `2031-03-${String(i + 1).padStart(2, '0')}` }));
  const lines = renderText(renderBriefingMessage('Alden floods', buildBriefing(days))).split('\n');
  const line = lines.find((l) => l.startsWith('- volunteers:'));
  const lead = lines[lines.indexOf('Latest:') + 1];

  it('leaves the latest value and the one before it to the lead line, and cuts the older ones to the newest six, a count of the rest and the first', () => {
    expect(lead).toMatch(/^210 volunteers — Rescuers, up from 200 \[11\]\[12\]/);
    expect(line).toMatch(/^- volunteers: earlier still 190 \[10\], 180 \[9\], 170 \[8\], 160 \[7\], 150 \[6\], 140 \[5\], 3 more in \/numbers, first 100 \[1\]$/);
  });
});

describe('a quoted point in the brief', () => {
  it('shows the speaker the point carries before the quotation', () => {
    const quoted = buildBriefing([
      article('a', ['The Alden dam was breached on Sunday night after three days of heavy rain in the hills.', '"The water rose faster than anyone expected," fire chief Mara Quist told reporters. "We cannot yet say how many homes were lost in the valley."'].join('\n')),
    ]);
    expect(renderText(renderBriefingMessage('Alden dam', quoted))).toContain('Mara Quist: “We cannot yet say how many homes were lost in the valley.”');
  });
});

describe('source links in chat', () => {
  const linked = buildBriefing([
    article('a', 'Rescuers said at least 120 volunteers had joined the search in Alden.', { url: 'https://news.example/alden-floods?id=7&p=2', published: '2031-03-03' }),
    article('b', 'The Alden Fire Service said 400 volunteers had joined the search.', { url: 'javascript:alert(1)' }),
    article('c', 'The mayor said schools would reopen on Friday.', { url: 'https://evil.example/x|<!channel>' }),
  ]);
  const message = renderBriefingMessage('Alden floods', linked);

  it('shows a source\'s own address after it on Slack, Discord and in Markdown, never behind a label', () => {
    const slack = JSON.stringify(renderSlackMessage(message));
    expect(slack).toContain('<https://news.example/alden-floods?id=7&amp;p=2>');
    const discord = JSON.stringify(renderDiscordMessage(message));
    expect(discord).toContain('https://news.example/alden-floods?id=7&p=2');
    expect(renderMarkdown(message)).toContain('<https://news.example/alden-floods?id=7&p=2>');
    for (const out of [slack, discord, renderMarkdown(message)]) {
      expect(out).not.toContain('javascript:');
      expect(out).not.toContain('evil.example');
    }
  });

  it('leaves addresses out of the console brief', () => {
    expect(renderText(message)).not.toContain('https://');
  });
});

describe('a latest value a later source calls superseded', () => {
  const briefing = buildBriefing([
    article('a', 'Officials said 40 people had died in the Alden valley after the floods.', { published: '2031-03-03' }),
    article('b', 'Across the valley, the death toll rose to 60, officials said on Tuesday.\nOfficials said at least 900 people had died in Rivertown.', { published: '2031-03-04' }),
    article('c', 'The death toll across the valley now stands at 75, the agency said on Thursday.\nThe agency, in its previous report, said at least 900 people died in Rivertown.', { published: '2031-03-06' }),
  ]);
  const text = renderText(renderBriefingMessage('Alden floods', briefing));

  it('is shown as the earlier figure its source calls it', () => {
    expect(text).toMatch(/- deaths in Rivertown: at least 900 — Officials \[2\]\[3\] \(an earlier figure, per \[3\]\)/);
  });
});

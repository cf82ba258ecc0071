/** A latest value far below an earlier one with no word of a revision: two counts under one name, not a history. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';

const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });
const brief = (later: string): string =>
  renderText(renderBriefingMessage('Alden floods', buildBriefing([article('a', 'Officials said 900 people had died in the Alden floods.', '2031-03-02'), article('b', later, '2031-03-03')])));

describe('a latest value a tenth or less of an earlier one', () => {
  it('is shown as sources differing, never as the latest with the earlier value "before" it, and does not lead', () => {
    const text = brief('Officials said 40 people had died in the Alden floods.');
    expect(text).toMatch(/^- deaths: sources differ: 900 — Officials \[1\] vs 40 — Officials \[2\]$/m);
    expect(text).not.toContain('Latest:');
    expect(text).not.toMatch(/down from 900|earlier 900/);
  });

  it('stays a revision when its sentence says it revises', () => {
    const text = brief('Officials revised the toll down to 40 after counting errors were found.');
    expect(text).toMatch(/Latest:\n40 deaths, down from 900 \(Officials\) \[1\]\[2\]/);
    expect(text).not.toContain('sources differ');
  });

  it('stays a revision when the fall is smaller', () => {
    const text = brief('Officials said 300 people had died in the Alden floods.');
    expect(text).toMatch(/Latest:\n300 deaths — Officials, down from 900 \[1\]\[2\]/);
  });
});

describe('two counts under a noun that names no measure', () => {
  it('is no key number: "8.5 million servers offline" then "40,000 servers reset by hand" is no disagreement', () => {
    const briefing = buildBriefing([
      article('a', 'A flawed Norcorp update took an estimated 8.5 million Windows servers offline.', '2031-03-02'),
      article('b', 'To get back online, Brill Air had to manually reset 40,000 servers, the airline said.', '2031-03-03'),
    ]);
    expect(briefing.figures.map((f) => f.value)).toEqual(expect.arrayContaining([8.5e6, 40000]));
    expect(briefing.timelines.some((t) => t.entries.some((e) => e.value === 40000))).toBe(false);
    const text = renderText(renderBriefingMessage('Outage', briefing));
    expect(text).not.toContain('sources differ');
  });
});

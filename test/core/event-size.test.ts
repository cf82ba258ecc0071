/** A size of the event (a quake's magnitude) given differently by sources: differing values, never a history. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({ id, origin: `${id}.md`, text, ...extra });

describe('the size of the event given differently', () => {
  it('is sources differing, never a revision: no value of it is "earlier"', () => {
    const briefing = buildBriefing([
      article('a', 'A 6.1-magnitude earthquake struck the Alden valley on Monday, the national seismic service said.', { published: '2031-03-01' }),
      article('b', 'A magnitude 6.3 earthquake hit the Alden valley early on Monday, the regional observatory said.', { published: '2031-03-02' }),
    ]);
    const line = renderText(renderBriefingMessage('Alden quake', briefing)).split('\n').find((l) => l.startsWith('- magnitude:'));
    expect(line).toMatch(/sources differ: 6\.1 .*\[1\] vs 6\.3 \[2\]/);
    expect(line).not.toContain('earlier');
    expect(renderText(renderBriefingMessage('Alden quake', briefing))).not.toContain('Latest:');
  });

  it('still shows a count that moved as latest and earlier', () => {
    const briefing = buildBriefing([
      article('a', 'Rescuers said 12 people were killed in the Alden valley.', { published: '2031-03-01' }),
      article('b', 'Rescuers said 20 people were killed in the Alden valley.', { published: '2031-03-02' }),
    ]);
    // The count that moved leads the brief: its latest value, and the one it moved from.
    const lines = renderText(renderBriefingMessage('Alden quake', briefing)).split('\n');
    const line = lines[lines.indexOf('Latest:') + 1];
    expect(line).toMatch(/^20 deaths — Rescuers, up from 12 \[1\]\[2\]$/);
    expect(line).not.toContain('sources differ');
  });
});

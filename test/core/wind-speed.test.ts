/** A storm's wind speed: a measure read with its unit, shown with it, and kept apart from injuries. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { extractFigures } from '../../src/core/figures.js';
import type { Article } from '../../src/core/types.js';
import { renderBriefingMessage } from '../../src/render/briefing-message.js';
import { renderText } from '../../src/render/render-text.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({ id, origin: `${id}.md`, text, ...extra });
const figures = (sentence: string) => extractFigures(sentence, { articleId: 'a', sentenceId: 's', attributions: [], previousSpeaker: '' });

describe('wind speed', () => {
  it('is a key number shown with its unit, and a later value is its latest', () => {
    const briefing = buildBriefing([
      article('a', 'Storm Orla came ashore near Tamsby with maximum sustained winds of 110 mph, forecasters said.', { published: '2031-08-01' }),
      article('b', 'Storm Orla strengthened overnight and had sustained winds estimated at 125 mph by Tuesday.', { published: '2031-08-02' }),
    ]);
    // The only quantity that moved, it leads the brief.
    const lines = renderText(renderBriefingMessage('Storm Orla', briefing)).split('\n');
    expect(lines[lines.indexOf('Latest:') + 1]).toMatch(/^125 mph wind speed, up from 110 mph \[1\]\[2\]$/);
  });

  it('reads "mile per hour" and keeps kilometres an hour a series of their own', () => {
    const [mph] = figures('It arrived with 130 mile per hour winds, the strongest in the region.');
    const [kmh] = figures('Gusts reached 200 km/h along the coast.');
    expect(mph).toMatchObject({ measure: 'wind', display: '130 mile per hour' });
    expect(kmh).toMatchObject({ measure: 'wind', display: '200 km/h' });
    expect(kmh!.quantity).not.toBe(mph!.quantity);
  });

  it('needs its unit: a count near a wind word is no speed, and the wounded are no wind', () => {
    expect(figures('High winds toppled 40 trees in the park.').some((f) => f.measure === 'wind')).toBe(false);
    const [hurt] = figures('Officials said 12 people were wounded when strong winds tore the roof off a school.');
    expect(hurt).toMatchObject({ measure: 'injured', value: 12 });
  });
});

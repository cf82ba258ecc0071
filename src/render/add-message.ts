import { sourceLabel } from '../core/sources.js';
import type { Article, Figure } from '../core/types.js';
import { errorMessage } from './help-message.js';
import type { Message, MessageItem } from './message.js';
import { plural } from '../shared/plural.js';

const maxFigures = 10;

/** The reply to `add` when the article was stored: what it is, and the figures the briefing found in it. */
export function renderAddedMessage(topicTitle: string, article: Article, file: string, figures: readonly Figure[], articleCount: number): Message {
  const date = article.published?.slice(0, 10);
  const shown = figures.slice(0, maxFigures);
  return {
    title: `Added: ${article.title ?? article.url ?? file}`,
    subtitle: [article.source, date, `to ${topicTitle}`].filter(Boolean).join(' · '),
    sections: shown.length
      ? [{ heading: figures.length > shown.length ? `Figures in this article (${shown.length} of ${figures.length})` : 'Figures in this article', style: 'list', items: shown.map(figureItem) }]
      : [{ style: 'plain', items: [{ text: 'The briefing found no figures in this article.' }] }],
    footer: `Saved as ${file} · ${plural(articleCount, 'article')} in the set`,
    tone: 'normal',
  };
}

function figureItem(figure: Figure): MessageItem {
  const text = `${[figure.qualifier, figure.display].filter(Boolean).join(' ')} ${figure.counts}`.trim();
  const note = [figure.speaker, figure.via ? `via ${figure.via}` : '', figure.when].filter(Boolean).join(', ');
  return note ? { text, note } : { text };
}

/** The reply to `add` when the article is already in the set: by its address, or as a copy of another. */
export function renderDuplicateMessage(topicTitle: string, outcome: { readonly of: Article; readonly match: 'same-url' | 'same-text' }): Message {
  const label = sourceLabel(outcome.of);
  const text =
    outcome.match === 'same-url'
      ? `${label} is already in ${topicTitle} (${outcome.of.origin}).`
      : `That page carries the same text as ${label}, already in ${topicTitle} (${outcome.of.origin}), so it was not added again.`;
  return { title: 'Already in the set', sections: [{ style: 'plain', items: [{ text }] }], tone: 'normal' };
}

/** The reply to `add` when nothing was stored: what went wrong (`reason`), in a line with the detail. */
export function renderAddFailedMessage(reason: string, detail: string): Message {
  return errorMessage('Could not add that link', `${reason} (${detail}).`);
}

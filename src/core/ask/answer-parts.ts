/** Pieces every kind of answer shares: citations, found and not-found values, number display. */
import type { Citation, FoundAnswer, NotFoundAnswer, Sentence } from '../types.js';

export function citationOf(s: Sentence): Citation {
  return { articleId: s.articleId, quote: s.text, sentenceId: s.id };
}

export function found(answer: string, sentences: readonly Sentence[], extra: Partial<Pick<FoundAnswer, 'figure' | 'earlier' | 'related'>> = {}): FoundAnswer {
  const seen = new Set<string>();
  const citations = sentences.filter((s) => !seen.has(s.id) && seen.add(s.id)).map(citationOf);
  return { found: true, answer, citations, earlier: extra.earlier ?? [], related: extra.related ?? [], ...(extra.figure ? { figure: extra.figure } : {}) };
}

export function notFound(suggestions: readonly string[]): NotFoundAnswer {
  return { found: false, answer: 'The articles in this set do not answer that.', citations: [], suggestions };
}

/** A number as written, with thousands separators added where the article left them out ("4520" → "4,520"). */
export function withSeparators(display: string): string {
  return display.replace(/(?<![\d.,])(\d{4,})(?![\d,])/g, (digits, _g, offset: number, all: string) =>
    /^(?:19|20)\d\d$/.test(digits) && !/[$£€]\s?$/.test(all.slice(0, offset)) ? digits : Number(digits).toLocaleString('en-US'),
  );
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The figures of one article, with their speakers. Speakers are found only for a sentence with a
 * figure: a pronoun ("he said") is resolved to the last speaker named in the few sentences before
 * it. Each sentence's attributions are found once, however many later sentences look back at them.
 */
import { extractFigures, type FigureContext } from './figures.js';
import { findAttributions, type Attribution } from './speakers.js';
import type { Figure, Sentence } from './types.js';

/**
 * Figures of the sentences `withDigits` (positions, ascending: those with a digit or a number
 * word); sets `hasFigure` for the sentences that hold one. `year` is the article's year of publication, when known.
 */
export function figuresOf(sentences: readonly Sentence[], withDigits: readonly number[], hasFigure: Uint8Array, year?: number): Figure[] {
  const figures: Figure[] = [];
  const speakers = new ArticleSpeakers(sentences);
  for (const i of withDigits) {
    const found = extractFigures(sentences[i]!.text, new SentenceContext(speakers, i, year));
    if (found.length) {
      figures.push(...found);
      hasFigure[i] = 1;
    }
  }
  return figures;
}

/** The attributions of an article's sentences, each found when first asked for. */
class ArticleSpeakers {
  private readonly found: (readonly Attribution[] | undefined)[] = [];

  constructor(readonly sentences: readonly Sentence[]) {}

  of(i: number): readonly Attribution[] {
    return (this.found[i] ??= findAttributions(this.sentences[i]!.text));
  }

  /** As `previousSpeaker` of speakers.ts, within the article. */
  before(i: number): string {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const named = this.of(k).find((a) => !/^[a-z]/.test(a.speaker));
      if (named) return named.speaker;
    }
    return '';
  }
}

/** What `extractFigures` knows of sentence i: its speakers are looked up only when a figure needs them. */
class SentenceContext implements FigureContext {
  readonly articleId: string;
  readonly sentenceId: string;
  readonly year?: number;

  constructor(
    private readonly speakers: ArticleSpeakers,
    private readonly i: number,
    year: number | undefined,
  ) {
    const s = speakers.sentences[i]!;
    this.articleId = s.articleId;
    this.sentenceId = s.id;
    if (year) this.year = year;
  }

  get attributions(): readonly Attribution[] {
    return this.speakers.of(this.i);
  }

  get previousSpeaker(): string {
    return this.speakers.before(this.i);
  }
}

/**
 * The figures of one article, with their speakers. Speakers are found only for a sentence with a
 * figure: a pronoun ("he said") is resolved to the last speaker named in the few sentences before
 * it. Each sentence's attributions are found once, however many later sentences look back at them.
 */
import { extractFigures, type FigureContext } from './figures.js';
import { findAttributions, type Attribution } from './speakers.js';
import { dayNamed } from './written-dates.js';
import type { Figure, Sentence } from './types.js';

/**
 * Figures of the sentences `withDigits` (positions, ascending: those with a digit or a number
 * word); sets `hasFigure` for the sentences that hold one. `year` is the article's year of publication, when known.
 */
export function figuresOf(sentences: readonly Sentence[], withDigits: readonly number[], hasFigure: Uint8Array, year?: number, published?: number): Figure[] {
  const figures: Figure[] = [];
  const speakers = new ArticleSpeakers(sentences);
  for (const i of withDigits) {
    const found = extractFigures(sentences[i]!.text, new SentenceContext(speakers, i, year));
    if (found.length) {
      figures.push(...found);
      hasFigure[i] = 1;
    }
  }
  return datedWhen(partsApart(figures), published);
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Monday" in an article of Tuesday 12 March is 11 March: a weekday, "yesterday" or "today" is
 * read against the article's date (the latest such day on or before it) and shown with the date
 * it names, "Monday (11 Mar)". Without a date, the words stay as written.
 */
function datedWhen(figures: Figure[], published: number | undefined): Figure[] {
  if (published === undefined || Number.isNaN(published)) return figures;
  return figures.map((f) => {
    const day = f.when ? dayNamed(f.when, published) : undefined;
    if (day === undefined) return f;
    const d = new Date(day);
    return { ...f, when: `${f.when} (${d.getUTCDate()} ${monthNames[d.getUTCMonth()]!})` };
  });
}

/**
 * One sentence giving several current values of one measure with no place ("40 died in the
 * first town and 70 in all", "losses of $2 million, with one sector losing $1 million") gives
 * one total and its parts: the largest is the total; the others are parts of some unnamed place
 * or group, kept as figures but out of the series. Values it calls earlier, and projections, are
 * a history, not parts. (Across the sentences of an article, values are often a history told in
 * order, "27 were reported dead … later, 2,000": those stay.)
 */
function partsApart(figures: Figure[]): Figure[] {
  const largest = new Map<string, number>();
  const key = (f: Figure): string => `${f.citation.sentenceId} ${f.quantity}`;
  for (const f of figures) if (isUnscopedLevel(f)) largest.set(key(f), Math.max(largest.get(key(f)) ?? -Infinity, f.value));
  if (largest.size === 0) return figures;
  return figures.map((f) => {
    if (!isUnscopedLevel(f) || f.value >= largest.get(key(f))!) return f;
    const { measure, ...part } = f;
    return { ...part, quantity: `${f.unit}${f.value} part`, label: '' };
  });
}

function isUnscopedLevel(f: Figure): boolean {
  return f.measure !== undefined && f.kind === 'estimate' && !f.earlier && !f.quantity.includes('@') && !f.quantity.endsWith(' change');
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

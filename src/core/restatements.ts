/**
 * Every fact once: a sentence whose figure Key numbers already shows, and which says little else,
 * only restates that number ("The toll has risen to at least 41 across the region."). Such a
 * sentence is never a key point; the number is read in Key numbers, with its history and source.
 *
 * A sentence restates when one of its figures is an entry of a quantity the brief shows, and at
 * most `restatementRoom` of its terms say something Key numbers and the story's own vocabulary do
 * not: terms other than its numbers, the shown quantities' labels and speakers, the words most
 * articles of the set use (the story's name, its main measure) and words of the calendar.
 */
import { tokenize } from './text.js';
import type { FigureTimeline, Sentence } from './types.js';
import { weekdays } from './written-dates.js';

/** Terms a restatement may add beyond Key numbers and the story's common words ("rose", "officials"). */
export const restatementRoom = 2;

const calendarWords = tokenize(
  `${weekdays.join(' ')} today yesterday tonight morning evening night week weekend month year day ` +
    'january february march april may june july august september october november december earlier later last latest',
);

export interface RestatementInput {
  readonly sentences: readonly Sentence[];
  readonly uniqueFlat: Int32Array;
  readonly uniqueStart: Int32Array;
  readonly articleOf: Int32Array;
  readonly numeric: readonly number[];
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Per term id, how many articles use it. */
  readonly termDf: Int32Array;
  readonly articleCount: number;
}

/** Per sentence, 1 when it only restates a figure of the `shown` quantities. */
export function keyNumberRestatements(input: RestatementInput, shown: readonly FigureTimeline[]): Uint8Array {
  const count = input.sentences.length;
  const out = new Uint8Array(count);
  const cited = new Set<string>();
  for (const t of shown) for (const e of t.entries) for (const f of e.figures) cited.add(f.citation.sentenceId);
  const articles = input.articleCount;
  if (!cited.size || articles < 3) return out;
  const said = new Uint8Array(input.vocabulary.size);
  const mark = (text: string | undefined): void => {
    for (const term of tokenize(text ?? '')) {
      const id = input.vocabulary.get(term);
      if (id !== undefined) said[id] = 1;
    }
  };
  for (const w of calendarWords) mark(w);
  for (const t of shown) {
    mark(t.label);
    for (const e of t.entries) mark(e.speaker);
  }
  // The story's own words: terms at least half the articles use.
  const df = input.termDf;
  for (let t = 0; t < df.length; t++) if (df[t]! * 2 >= articles) said[t] = 1;
  for (let i = 0; i < count; i++) {
    if (!cited.has(input.sentences[i]!.id)) continue;
    let fresh = 0;
    for (let k = input.uniqueStart[i]!; k < input.uniqueStart[i + 1]!; k++) {
      const t = input.uniqueFlat[k]!;
      if (!input.numeric[t] && !said[t]) fresh++;
    }
    if (fresh <= restatementRoom) out[i] = 1;
  }
  return out;
}

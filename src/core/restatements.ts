/**
 * Every fact once: a sentence whose figure Key numbers already shows, and which says little else,
 * only restates that number ("The toll has risen to at least 41 across the region."). Such a
 * sentence is never a key point; the number is read in Key numbers, with its history and source.
 *
 * A sentence restates when one of its figures is an entry of a quantity the brief shows, and at
 * most `restatementRoom` of its terms say something Key numbers and the story's own vocabulary do
 * not: terms other than its numbers, the shown quantities' labels and speakers, the words most
 * articles of the set use (the story's name, its main measure) and words of the calendar. A
 * sentence that opens with the quantity ("The death toll … climbed to 41 …") is about it, and may
 * add up to `measureLedRoom` such terms.
 */
import { tokenize } from './text.js';
import type { FigureTimeline, Sentence } from './types.js';
import { weekdays } from './written-dates.js';

/** Terms a restatement may add beyond Key numbers and the story's common words ("rose", "officials"). */
export const restatementRoom = 2;

/**
 * Terms a sentence led by the quantity it gives may add and still only restate it: "The death toll
 * from the quake climbed above 400 on Friday, with hopes fading" is about the toll, told better in
 * Key numbers with its history, whatever colour it adds.
 */
export const measureLedRoom = 6;

const calendarWords = tokenize(
  `${weekdays.join(' ')} today yesterday tonight morning evening night week weekend month year day ` +
    'january february march april may june july august september october november december earlier later last latest',
);

/** Terms from the start of a sentence in which the quantity it gives must be named to lead it. */
const leadTerms = 5;

/** Words the quantity's name may follow at the start of a sentence and still lead it ("The combined death toll", "Nearly 240 rescuers"). */
const beforeName = 1;

/**
 * A sentence's introductory phrase of source or time ("According to reports from Tuesday (7
 * March), ", "On Friday, ", "As of Monday, "), after a live page's update label ("Update
 * 2031-03-07 (4): "): the quantity after it still leads the sentence.
 */
const introduction = /^(?:(?:UPDATE|Update|Updated)\b[^:"]{0,30}:\s+)?(?:(?:According to|On|As of|By)\s[^,;:"“]{1,60},\s+)?/;

/**
 * Whether the sentence opens by naming a quantity whose label is one of `labels`: "The death toll
 * …" for "deaths", "Six workers missing …" for "workers missing"; not "Hopes faded on Friday as the
 * toll …", where the quantity comes after what the sentence is about.
 */
function measureLed(text: string, labels: readonly string[][]): boolean {
  const opening = tokenize(text.replace(introduction, '')).slice(0, leadTerms).filter((t) => !/^[\d,.]+$/.test(t));
  return labels.some((label) => label.length > 0 && label.every((t) => opening.includes(t)) && opening.findIndex((t) => label.includes(t)) <= beforeName);
}

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
  /** Per cited sentence, the terms of the labels of the quantities that cite it. */
  const labels = new Map<string, string[][]>();
  for (const t of shown) {
    const label = tokenize(t.label);
    for (const e of t.entries) for (const f of e.figures) {
      cited.add(f.citation.sentenceId);
      const held = labels.get(f.citation.sentenceId);
      if (held) held.push(label);
      else labels.set(f.citation.sentenceId, [label]);
    }
  }
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
    if (fresh <= restatementRoom || (fresh <= measureLedRoom && measureLed(input.sentences[i]!.text, labels.get(input.sentences[i]!.id) ?? []))) out[i] = 1;
  }
  return out;
}

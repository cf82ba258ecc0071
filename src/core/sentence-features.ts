/**
 * What key points weigh a sentence by, from its own text: a lead, a pronoun or connective that
 * leans on the sentence before, a quotation or question, its length, a next step; and the words of
 * the sentence as a point would show it (lightly trimmed).
 */
import { stem } from './text.js';
import { roleTerms, rolesOf } from './story-roles.js';
import type { Sentence } from './types.js';

/** A connective that leans on the sentence before ("However, "), or a live page's update label ("Update 2031-03-07 (4): "). */
const leadingConnective =
  /^(?:(?:(?:However|Meanwhile|Similarly|Still|Thus(?: far)?|Also|But|And|Moreover|Furthermore|In addition|In response|At this point|Thus far, however)|Speaking [^,"]{3,60}),|(?:UPDATE|Update|Updated)\b[^:"]{0,30}:)\s+/;
/**
 * A pronoun that points at someone or something named before ("He added …"), or a noun that does
 * the same ("The move comes a week after …", "The statement, attributed to …, cited …"; "The
 * decision to close …" says what it is about).
 */
const pronounStart = /^["']?(?:(?:He|She|They|It|This|These|Those|His|Her|Their|Its|We|I|Our)\b|The (?:development|move|decision|announcement|statement|incident|news|step|remarks|comments)(?:,|\s+(?!of\b|to\b|that\b|by\b|on\b|in\b|from\b))|The (?:[\w-]+['’]s )?(?:number|figure|count|tally)\s+(?!of\b))/;
/**
 * A sentence that leans on what came before without a pronoun: "About 12 hours later, …" (later
 * than what?), "Earlier it was reported that …" (a recap, not the news).
 */
const dependentStart = /^["']?(?:(?:That|Such|The two|But|And|So)\b|(?:(?:About|Some|Nearly|Roughly|Just|Only|Around|Almost) )?(?:\w+ )?(?:minutes?|hours?|days?|weeks?|months?|years?) later\b|(?:Earlier|Previously),? it (?:was|had been) reported\b|As (?:previously|earlier) reported\b)/;
/** "the point of that incursion was …": which incursion the sentence before says. */
const backReference = /\b(?:of|in|on|from|after|since|during|at)\s+that\s+(?!is\b|it\b|the\b|they\b|he\b|she\b|we\b|this\b|a\b|an\b)[a-z]+\b/;
/**
 * A trailing clause of a long sentence (", warning that …", ", which …", ", as well as …"): detail
 * a briefing can drop. Only the last clause, with no comma of its own (", including volunteers,
 * continue to …" is no tail), no figure and no attribution ("…, the agency said", "according to"
 * is who says it) in it.
 */
const trailingClause = /,\s+(?:warning|adding|saying|noting|citing|as well as|including|which|based on)\b[^",]*$/;
const keptInTail = /\d|\b(?:said|says|told|reported|stated|according)\b/;
/**
 * Two more tails a brief can drop, each whole quotations and all: an absolute clause (", with a
 * ministry spokeswoman dismissing them as 'lies'") and what a meeting is for ("… meet on Friday to
 * discuss the talks"), once the meeting itself is said.
 */
const withClause = /,\s+with\s+(?:a|an|the|its|his|her|their|some|many|several)\s+[^,;]*?\b[a-z]{3,}ing\b[^,;]*$/;
const purposeClause = /\b(?:meet|meets|meeting|talks|summit|visit)\b[^,;]*?(\s+to\s+(?:discuss|talk about|address|review|consider|examine)\s+[^,;"“”]*)$/;

/**
 * A sentence about what happens next (a meeting scheduled, a vote due, a decision expected): a
 * developing story's reader wants the next step as much as the last one.
 */
const nextStep =
  /\b(?:(?:is|are|was|were) (?:scheduled|set|due|expected|slated) to|plans? to|will (?:meet|visit|travel|vote|decide|announce|hold|discuss)|later (?:this|next) (?:week|month)|next (?:week|month))\b/i;

/**
 * Term cues (bits): terms without which a pattern cannot match a sentence, so that the pattern
 * need not scan it. A match of `nextStep` holds, as the tokenizer stems it, the participle of "is
 * scheduled to", the "plan" of "plans to", the verb after "will" or the "week" or "month" of "next
 * week"; a match of `trailingClause` holds its opener ("which" and "as well as" are stopwords, so
 * the text is searched for them). Each such word stands between non-word characters, so the
 * tokenizer keeps it as a term of its own, except next to an apostrophe ("o'plans to"): a term
 * with an inner apostrophe cues both.
 */
export const nextStepCue = 1;
export const trailingClauseCue = 2;
/** A term a story role needs (`roleTerms`). */
export const roleCue = 4;
const nextStepTerms = new Set(
  ['scheduled', 'set', 'due', 'expected', 'slated', 'plan', 'plans', 'meet', 'visit', 'travel', 'vote', 'decide', 'announce', 'hold', 'discuss', 'week', 'month'].map(stem),
);
const trailingClauseTerms = new Set(['warning', 'adding', 'saying', 'noting', 'citing', 'including', 'based', 'discuss', 'address', 'review', 'consider', 'examine', 'talk'].map(stem));
/** The clause openers the tokenizer drops as stopwords: the text is searched for them. */
const stopwordClause = /,\s+(?:as well as|which|with)\b/;

/** The sentence without its trailing clause (`trailingClause`), or as it is. */
function cutTail(text: string): string {
  const tail = trailingClause.exec(text);
  if (tail && !keptInTail.test(tail[0])) return text.slice(0, tail.index) + '.';
  const absolute = withClause.exec(text);
  if (absolute && !keptInTail.test(absolute[0]) && (absolute[0].match(/["“”]/g)?.length ?? 0) % 2 === 0) return text.slice(0, absolute.index) + '.';
  const purpose = purposeClause.exec(text);
  if (purpose && !keptInTail.test(purpose[1]!)) return text.slice(0, purpose.index + purpose[0].length - purpose[1]!.length) + '.';
  return text;
}
export const allCues = nextStepCue | trailingClauseCue | roleCue;

/** The cues of a term (as the tokenizer gives it). */
export function termCues(term: string): number {
  if (term.includes("'")) return allCues;
  return (nextStepTerms.has(term) ? nextStepCue : 0) | (trailingClauseTerms.has(term) ? trailingClauseCue : 0) | (roleTerms.has(term) ? roleCue : 0);
}

/** Bits of a sentence's features. */
export const lead = 1;
export const dependent = 2;
export const connective = 4;
export const quoteOrQuestion = 8;
export const oddQuotes = 16;
export const short = 32;
export const long = 64;
export const nextStepFlag = 128;
/** Text cut off mid-sentence (a stored page that ends early): never a point. */
export const fragment = 256;
/** Opens with a pronoun (also `dependent`): a point only when its speaker is resolved. */
export const pronounLed = 512;
const flagBits = 10;
const flagMask = (1 << flagBits) - 1;
const sentenceEnd = /[.!?"”’')\]…]\s*$/;

/** Spaces plus one (`indexOf` scans natively, several times faster than a loop over characters). */
export function wordsOf(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/** How many times `char` occurs in `text`. */
function occurrences(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** Light trimming only: a leading connective and a trailing participle clause go, the wording stays. */
export function trimPoint(text: string): string {
  let trimmed = text.replace(leadingConnective, '');
  if (wordsOf(trimmed) > 22) {
    const cut = cutTail(trimmed);
    if (wordsOf(cut) >= 12) trimmed = cut;
  }
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/**
 * `wordsOf(trimPoint(text))`, without building the capitalized text: `words` is the count of the
 * text, `connective` the length of its leading connective, `cues` its terms' cues.
 */
function trimmedWordCount(text: string, words: number, connective: number, cues: number): number {
  let trimmed = text;
  if (connective > 0) {
    trimmed = text.slice(connective);
    words = wordsOf(trimmed);
  }
  if (words > 22 && (cues & trailingClauseCue || stopwordClause.test(trimmed))) {
    const cut = cutTail(trimmed);
    const cutWords = cut === trimmed ? words : wordsOf(cut);
    if (cutWords >= 12) [trimmed, words] = [cut, cutWords];
  }
  return words;
}

/**
 * The features of one sentence (`index` within its article) and the words of its trimmed text.
 * `cues` are the cues of its terms together (see `termCues`); all of them when unknown.
 */
export function sentenceFeatures(text: string, index: number, cues = allCues, opens = index === 0): { flags: number; trimmedWords: number } {
  const words = wordsOf(text);
  const connectiveLength = leadingConnective.exec(text)?.[0].length ?? 0;
  let flags = opens ? lead : 0;
  if (pronounStart.test(text)) flags |= dependent | pronounLed;
  else if (dependentStart.test(text) || backReference.test(text)) flags |= dependent;
  else if (connectiveLength > 0) flags |= connective;
  const first = text.charCodeAt(0);
  if (first === 34 || first === 39 || text.charCodeAt(text.length - 1) === 63) flags |= quoteOrQuestion; // " ' … ?
  if (occurrences(text, '"') % 2 === 1) flags |= oddQuotes;
  if (words < 8) flags |= short;
  else if (words > 45) flags |= long;
  if (cues & nextStepCue && nextStep.test(text)) flags |= nextStepFlag;
  if (!sentenceEnd.test(text)) flags |= fragment;
  return { flags, trimmedWords: trimmedWordCount(text, words, connectiveLength, cues) };
}

/** At most this many lines above an article's first sentence are a deck, not its lead. */
export const maxDeckLines = 3;

/**
 * How many lines open an article above its lead: lines that end without a sentence's end (a deck
 * or kicker under the headline, "Major airlines halt flights"), at most `maxDeckLines`, and only
 * when a sentence follows them.
 */
export function deckLines(texts: readonly string[]): number {
  for (let k = 0; k <= maxDeckLines && k < texts.length; k++) if (sentenceEnd.test(texts[k]!)) return k;
  return 0;
}

/** Features already found, by sentence: flags in the low `flagBits` bits, trimmed words above them. */
export type FeatureMemo = WeakMap<Sentence, number>;

/**
 * The features of a set's sentences (by position), each found when first asked for: key points
 * ask about few of them. `cues` are the cues of each term id (see `termCues`). `memo` carries what
 * was found to the next state of the set, so an update does not read its kept sentences again.
 */
export class SentenceFeatures {
  /** Per sentence, its flags (-1 until found) and the words of its trimmed text. */
  private readonly flags: Int32Array;
  private readonly words: Int32Array;

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly tokens: readonly Int32Array[],
    private readonly cues: readonly number[],
    private readonly memo: FeatureMemo = new WeakMap(),
  ) {
    this.flags = new Int32Array(sentences.length).fill(-1);
    this.words = new Int32Array(sentences.length);
  }

  flagsOf(i: number): number {
    if (this.flags[i]! < 0) this.find(i);
    return this.flags[i]!;
  }

  /** Words of the sentence as a point shows it (`trimPoint`). */
  trimmedWordsOf(i: number): number {
    if (this.flags[i]! < 0) this.find(i);
    return this.words[i]!;
  }

  /** The story roles of sentence i (`rolesOf`), read only when its terms cue one. */
  rolesOf(i: number): number {
    const ids = this.tokens[i]!;
    let cues = 0;
    for (let k = 0; k < ids.length; k++) cues |= this.cues[ids[k]!]!;
    return cues & roleCue ? rolesOf(this.sentences[i]!.text) : 0;
  }

  /** Whether sentence i is its article's lead: its first sentence, or the first below a deck (`deckLines`). */
  private opensArticle(i: number): boolean {
    const s = this.sentences[i]!;
    if (s.index > maxDeckLines) return false;
    const first = i - s.index;
    const texts: string[] = [];
    for (let k = first; k <= i + 1 && k < this.sentences.length && this.sentences[k]!.articleId === s.articleId; k++) texts.push(this.sentences[k]!.text);
    return deckLines(texts) === s.index;
  }

  private find(i: number): void {
    const s = this.sentences[i]!;
    const known = this.memo.get(s);
    if (known !== undefined) {
      this.flags[i] = known & flagMask;
      this.words[i] = known >>> flagBits;
      return;
    }
    const ids = this.tokens[i]!;
    let cues = 0;
    for (let k = 0; k < ids.length; k++) cues |= this.cues[ids[k]!]!;
    const found = sentenceFeatures(s.text, s.index, cues, this.opensArticle(i));
    this.flags[i] = found.flags;
    this.words[i] = found.trimmedWords;
    this.memo.set(s, found.flags | (found.trimmedWords << flagBits));
  }
}

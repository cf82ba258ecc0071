/**
 * Words of a sentence or question for answering: positions kept, each with a normalized form that
 * folds case, accents, possessives, British/American spelling and inflection, so "epicentre" meets
 * "epicenter" and "cancelled" meets "canceling". All-caps acronyms (WHO, US, UN) are kept as terms
 * even when they spell a stopword.
 */
import lemmatizer from 'wink-lemmatizer';
import { cardinalWord, ordinalWord } from './number-words.js';
import { stem, stopwords } from '../text.js';

function numberWordValue(lower: string): number | undefined {
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'one' || lower === 'first' || lower === 'second') return undefined;
  return cardinalWord(lower) ?? ordinalWord(lower);
}

export interface Word {
  /** As written. */
  readonly text: string;
  /** Lowercase, accents folded. */
  readonly lower: string;
  /** The matching form: `lower` folded and stemmed. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter. */
  readonly capital: boolean;
  /** All capitals, 2+ letters, or dotted (U.S.): an acronym, never a stopword. */
  readonly acronym: boolean;
  /** A stopword (and not an acronym). */
  readonly stop: boolean;
  /** For a hyphenated word ("secretary-general"), the matching form of each part; else absent. */
  readonly parts?: readonly string[];
}

const wordRe = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/gu;

/** Lowercase with accents removed: "Zürich" → "zurich". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const lemmas = new Map<string, string>();

/**
 * The dictionary form of a word, from wink-lemmatizer's English exception lists and rules: the
 * verb reading first ("made" → "make", "fell" → "fall"), else the noun ("flights" → "flight").
 * Cached: a story's vocabulary is small.
 */
function lemma(w: string): string {
  let out = lemmas.get(w);
  if (out === undefined) {
    // "wound" is an injury in the news, not the past of "wind": "winds" and "wounded" must not meet.
    if (w.length < 3 || !/^[a-z]+$/.test(w) || w === 'wound') out = w;
    else {
      const verb = lemmatizer.verb(w);
      out = verb !== w ? verb : lemmatizer.noun(w);
    }
    lemmas.set(w, out);
  }
  return out;
}

/** British spellings to American ones, so both sides of a match agree. */
function americanize(w: string): string {
  // "defence", "offence", "licence", "pretence": only these; "evidence" and "fence" stay.
  if (/^(?:defen|offen|licen|preten)ce(s|d)?$/.test(w)) return w.replace(/ce(s|d)?$/, 'se$1');
  if (w.length > 5 && w.endsWith('tre')) return w.slice(0, -3) + 'ter';
  if (w.length > 6 && /tred$/.test(w)) return w.slice(0, -4) + 'tered';
  if (w.length > 5 && /[^aeiou]our(s|ed|ing)?$/.test(w) && !/^(four|hour|pour|tour|sour|your|dour)/.test(w)) return w.replace(/our(s|ed|ing)?$/, 'or$1');
  if (w.length > 6) return w.replace(/([^aeiou])is(e|ed|es|ing|ation|ations)$/, '$1iz$2').replace(/ys(e|ed|es|ing)$/, 'yz$1');
  return w;
}

/** The matching form of one lowercase word; numbers in words, ordinals and digits meet ("six", "sixth", "6" → "#6"). */
export function normalizeWord(lower: string): string {
  const number = numberWordValue(lower);
  if (number !== undefined) return `#${number}`;
  let w = lemma(lower.replace(/['’]s$/, '').replace(/\.$/, '').replace(/\./g, ''));
  w = americanize(w);
  w = stem(w);
  if (w.length > 5 && w.endsWith('ll')) w = w.slice(0, -1);
  return w;
}

const dottedAcronym = /^(?:\p{Lu}\.){2,}$|^(?:\p{Lu}\.)+\p{Lu}$/u;

/** The words of a text, in order. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(wordRe)) {
    let raw = m[0];
    // A trailing period belongs to the word only for dotted acronyms (U.S.) and initials.
    if (raw.endsWith('.') && !dottedAcronym.test(raw)) raw = raw.slice(0, -1);
    const lower = fold(raw);
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const acronym = dottedAcronym.test(raw) || (letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && letters.length <= 6);
    const norm = acronym ? lower.replace(/[.'’]/g, '').replace(/s$/, (s) => (letters.length > 2 && raw.endsWith('s') ? '' : s)) : normalizeWord(lower);
    out.push({
      text: raw,
      lower,
      norm,
      start: m.index,
      end: m.index + raw.length,
      capital: /^\p{Lu}/u.test(raw),
      acronym,
      stop: !acronym && stopwords.has(lower.replace(/['’]s$/, '')),
      ...(!acronym && lower.includes('-') ? { parts: lower.split('-').filter(Boolean).map(normalizeWord) } : {}),
    });
  }
  return out;
}

/** Whether a word is a number written in digits. */
export function isDigits(w: Word): boolean {
  return /^\d/.test(w.text);
}

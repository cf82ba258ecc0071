/**
 * The checks one written sentence must pass against the sentences it cites: its numbers, its
 * quotations, the people and organisations it names, and enough of its words. Each check returns
 * why it fails, in a few words for a footnote, or undefined. Numbers are read by the core's own
 * reader (digits and words, units, ranges, what they measure), so "ten thousand soldiers" meets
 * "10,000 troops" and "$64.1 billion" meets "64.1 billion dollars". Pure.
 */
import { findAttributions, attributionAt } from '../core/speakers.js';
import { numberMentions, type NumberMention } from '../core/ask/number-mentions.js';
import { sameSense } from '../core/ask/synonyms.js';
import { fold, words, type Word } from '../core/ask/words.js';
import type { EvidenceSentence } from './summary-evidence.js';

/** The sentences a check reads: those of the cited sources, and those of every source (to say "in no source"). */
export interface CheckScope {
  readonly cited: readonly EvidenceSentence[];
  readonly all: readonly EvidenceSentence[];
  /** `[1][3]`, for reasons. */
  readonly refs: string;
}

const mentionCache = new Map<string, NumberMention[]>();

/** Mentions of an evidence sentence; evidence sentences repeat across summaries, so they are read once. */
function mentionsOf(text: string): NumberMention[] {
  let out = mentionCache.get(text);
  if (!out) {
    if (mentionCache.size > 20_000) mentionCache.clear();
    mentionCache.set(text, (out = numberMentions(text)));
  }
  return out;
}

const isFigure = (m: NumberMention): boolean => m.role === 'figure' || m.role === 'change' || m.role === 'ratio';

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.abs(b) * 1e-9;
}

/** Whether a source mention can be the one a written mention states: same value, unit and range, and no other measure. */
function sameFigure(written: NumberMention, source: NumberMention): boolean {
  if (!sameValue(written.value, source.value) || written.unit !== source.unit) return false;
  if (written.high !== undefined && (source.high === undefined || !sameValue(written.high, source.high))) return false;
  const says = written.measure !== undefined || written.head !== '';
  if (!says || !isFigure(written)) return true;
  if (!isFigure(source)) return false;
  const a = written.measure;
  const b = source.measure;
  const measuresAgree = a !== undefined && b !== undefined && (a.id === b.id || source.measures.some((m) => m.id === a.id) || written.measures.some((m) => m.id === b.id));
  if (a && b && !measuresAgree) return false;
  if (written.head && source.head && !sameSense(written.head, source.head) && !measuresAgree) return false;
  return true;
}

/** A number as written, without its qualifier: "15,000" of "about 15,000". */
function asWritten(sentence: string, m: NumberMention): string {
  const text = sentence.slice(m.start, m.end);
  return m.qualifier && text.toLowerCase().startsWith(m.qualifier.toLowerCase()) ? text.slice(m.qualifier.length).trim() : text;
}

/** Words of a name, compared folded and without a possessive: "Quist's" meets "Quist". */
const nameKey = (w: string): string => fold(w).replace(/['’]s$/, '').replace(/\./g, '');

function namedIn(name: readonly string[], sentences: readonly EvidenceSentence[]): boolean {
  return sentences.some((s) => {
    const present = new Set(words(s.text).map((w) => nameKey(w.text)));
    for (const sp of s.speakers) for (const w of words(sp)) present.add(nameKey(w.text));
    return name.every((w) => present.has(nameKey(w)));
  });
}

/** Each number of the sentence stands, with what it counts, in a cited sentence (and, when the sentence says who gave it, one that names them). */
export function checkNumbers(claim: string, scope: CheckScope): string | undefined {
  const attributions = findAttributions(claim);
  for (const m of numberMentions(claim)) {
    const shown = asWritten(claim, m);
    const carrying = scope.cited.filter((s) => mentionsOf(s.text).some((sm) => sameFigure(m, sm)));
    if (!carrying.length) {
      const anywhere = scope.all.some((s) => mentionsOf(s.text).some((sm) => sameValue(sm.value, m.value) && sm.unit === m.unit));
      if (!anywhere) return `${shown} is in no source`;
      const elsewhere = scope.all.some((s) => mentionsOf(s.text).some((sm) => sameFigure(m, sm)));
      return elsewhere ? `${shown} is not in ${scope.refs}` : `${shown} counts something else in the sources`;
    }
    const speaker = isFigure(m) ? attributionAt(attributions, m.start)?.speaker : undefined;
    const speakerWords = speaker ? nameWords(speaker) : [];
    if (speakerWords.length && !namedIn(speakerWords, carrying)) return `${shown} is not given by ${speaker} in ${scope.refs}`;
  }
  return undefined;
}

/** Quoted spans of a sentence (straight quotes, as normalized), at least two words long. */
function quotations(claim: string): string[] {
  return [...claim.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter((q) => q.split(/\s+/).length >= 2);
}

/** What a quotation must match: folded, single-spaced, without the punctuation a quote may gain or lose at its ends. */
const quoteKey = (text: string): string => fold(text).replace(/[‘’]/g, "'").replace(/\s+/g, ' ').replace(/^[\s,.;:!?'-]+|[\s,.;:!?'-]+$/g, '');

/** Each quotation stands verbatim in a cited sentence. */
export function checkQuotes(claim: string, scope: CheckScope): string | undefined {
  for (const q of quotations(claim)) {
    const key = quoteKey(q);
    if (scope.cited.some((s) => quoteKey(s.text).includes(key))) continue;
    const short = q.length > 60 ? `${q.slice(0, 57)}…` : q;
    return scope.all.some((s) => quoteKey(s.text).includes(key)) ? `“${short}” is not in ${scope.refs}` : `“${short}” is in no source`;
  }
  return undefined;
}

/** Capitalised words that name no one: sentence openers, pronouns, days and months. */
const notNames = new Set(
  ('the a an this that these those but and however while when if as in on at it its he she they we i his her their our there ' +
    'now also meanwhile after before since then both many some all most one officials monday tuesday wednesday thursday friday ' +
    'saturday sunday january february march april may june july august september october november december mr mrs ms dr')
    .split(' '),
);
const joiners = new Set(['of', 'for', 'de', 'al', 'van', 'von', 'and']);

function nameWords(text: string): string[] {
  return words(text).filter((w) => (w.capital || w.acronym) && !/^\d/.test(w.text) && !notNames.has(w.lower)).map((w) => w.text);
}

/** Whether the sources use a word as a name: capitalised where a sentence does not begin. */
function usedAsName(word: string, sentences: readonly EvidenceSentence[]): boolean {
  const key = nameKey(word);
  return sentences.some((s) => words(s.text).some((w, i) => i > 0 && w.capital && nameKey(w.text) === key));
}

/** Runs of capitalised words outside quotations (which are checked verbatim): the names a sentence uses. */
function namesIn(claim: string, all: readonly EvidenceSentence[]): string[][] {
  const unquoted = claim.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length));
  const ws = words(unquoted);
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length && joiners.has(run.at(-1)!.lower)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const w of ws) {
    const named = (w.capital || w.acronym) && !/^\d/.test(w.text) && !notNames.has(w.lower);
    const gapOk = run.length === 0 || /^\s+$/.test(unquoted.slice(run.at(-1)!.end, w.start));
    if (named && gapOk) run.push(w);
    else if (run.length && joiners.has(w.lower) && gapOk) run.push(w);
    else {
      flush();
      if (named) run.push(w);
    }
  }
  flush();
  const opener = ws[0];
  return runs
    .filter((r) => {
      // A lone capitalised first word is usually just the start of the sentence ("Residents were…"),
      // unless it is an acronym, speaks, or is a name the sources use.
      if (!opener || r.length > 1 || r[0] !== opener || opener.acronym) return true;
      return findAttributions(claim).some((a) => a.speaker === opener.text) || usedAsName(opener.text, all);
    })
    .map((r) => r.filter((w) => !joiners.has(w.lower)).map((w) => w.text));
}

/** Each person or organisation named stands in the cited sentences. */
export function checkNames(claim: string, scope: CheckScope): string | undefined {
  for (const name of namesIn(claim, scope.all)) {
    if (namedIn(name, scope.cited)) continue;
    const shown = name.join(' ');
    return namedIn(name, scope.all) ? `${shown} is not in ${scope.refs}` : `${shown} is in no source`;
  }
  return undefined;
}

/** Share of a sentence's content words that the cited sentences must use too (synonyms count). */
const minimumOverlap = 0.4;

/** The cited sentences say what the sentence says, in enough of its own words. */
export function checkSupport(claim: string, scope: CheckScope): string | undefined {
  const content = words(claim).filter((w) => !w.stop && !/^\d/.test(w.text) && w.lower.length > 2);
  if (!content.length) return undefined;
  const present = new Set(scope.cited.flatMap((s) => words(s.text).map((w) => w.norm)));
  const shared = content.filter((w) => present.has(w.norm) || [...present].some((p) => sameSense(p, w.norm))).length;
  return shared >= Math.min(2, content.length) && shared / content.length >= minimumOverlap ? undefined : `${scope.refs} does not say it`;
}

/**
 * Figures: every meaningful number in a sentence with what it counts, its qualifier, its kind
 * (estimate, projection, claim), who said it and when. Rules are about English news style, never
 * about one story.
 */
import type { Attribution } from './speakers.js';
import { attributionAt } from './speakers.js';
import { stem } from './text.js';
import type { Citation, Figure, FigureKind } from './types.js';

const numberRe =
  /([$£€])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|tn|m|k)\b)?\s?(%|per ?cent\b|percent\b)?/gi;

/** Powers of ten, applied in decimal so that `$64.1 billion` is exactly 64.1e9. */
const scales: Record<string, number> = { thousand: 3, k: 3, million: 6, m: 6, billion: 9, bn: 9, trillion: 12, tn: 12 };

const months = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const monthBefore = new RegExp(`\\b(?:${months})\\.?\\s*$`, 'i');
const monthAfter = new RegExp(`^\\s*(?:${months})\\b`, 'i');

const qualifiers = [
  'an estimated', 'estimated', 'at least', 'at most', 'more than', 'less than', 'fewer than', 'up to', 'as many as', 'as few as',
  'around', 'about', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'close to', 'just over', 'just under',
  'upwards of', 'in excess of', 'only', 'a total of',
].sort((a, b) => b.length - a.length);
const qualifierAtEnd = new RegExp(`\\b(${qualifiers.join('|')})\\s*$`, 'i');

/** Words that end the "what it counts" phrase after a number. */
const phraseStop = new Set(
  (
    'the a an and or but to of in on at by for from with into onto as that which who whom whose than then had have has ' +
    'were was is are be been being will would could may might can should must did do does not this these those it its ' +
    'their his her our your they he she we since after before during while when where because if so per each every ' +
    'said says say according including across through over under between among against about around up down out off'
  ).split(' '),
);

const adverbs = new Set(['earlier', 'already', 'now', 'later', 'also', 'still', 'reportedly', 'recently', 'currently', 'again', 'last', 'this', 'next', 'soon']);

/** Unit heads that take an "of" complement ("500 square miles of territory"). */
const ofHeads = new Set(['miles', 'mile', 'kilometres', 'kilometers', 'km', 'acres', 'hectares', 'tonnes', 'tons', 'barrels', 'pounds', 'dollars', 'euros', 'cent', 'percent', '%', 'per', 'metres', 'meters', 'feet', 'litres', 'gallons', 'square', 'cubic']);

/** Generic synonyms folded into one quantity key, so troops = soldiers = forces. */
const synonyms = new Map(
  Object.entries({
    soldiers: 'troops', forces: 'troops', personnel: 'troops', servicemen: 'troops', servicemembers: 'troops', persons: 'people',
    individuals: 'people', fatalities: 'deaths', dead: 'deaths', employees: 'workers', staff: 'workers', ballots: 'votes',
  }).map(([word, canonical]) => [stem(word), stem(canonical)]),
);

const projectionCue = /\b(could|may|might|will|would|expected|projected|projects|forecast|forecasts|likely|eventually|potentially|plans? to|aims? to|set to|on track to)\b/i;
const claimCue = /\b(warned|warns|claimed|claims|alleged|alleges|accused|threatened|insisted|boasted)\b/i;
const earlierCue =
  /\b(?:up|down|rose|fell|increased|decreased|grew|dropped|revised(?: up| down| upward| downward)?(?: to [\d,.]+)?)\s+from\b|\b(?:earlier|previous|initial|original|prior|old|first)\s+(?:estimate|figure|count|tally|number|projection|forecast|assessment)s?\b|\b(?:previously|initially|originally|formerly)\b/i;

/** "revised the toll down to 97 people from 115": a change verb earlier in the clause, then "from". */
const revisedFrom = /\b(?:revised|raised|lowered|cut|rose|fell|increased|decreased|grew|dropped|climbed|jumped)\b.*\bfrom\s*$/i;

const timeRe = new RegExp(
  [
    `\\b(?:between\\s+)?(?:(?:early|mid|late)-?\\s*(?:to\\s+(?:early|mid|late)-?\\s*)?)?(?:${months.split('|').filter((m) => m.length > 3).join('|')})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?\\b`,
    '\\b(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b',
    '\\b(?:earlier|later|last|this|next)\\s+(?:this\\s+)?(?:week|month|year|weekend)\\b',
    '\\b(?:in|since|by)\\s+(?:19|20)\\d{2}\\b',
    '\\b(?:yesterday|today|tonight)\\b',
  ].join('|'),
  'gi',
);

export interface FigureContext {
  readonly articleId: string;
  readonly sentenceId: string;
  readonly attributions: readonly Attribution[];
  /** Speaker of the previous sentence in the article, for pronouns. */
  readonly previousSpeaker: string;
}

/** Every figure in one sentence. */
export function extractFigures(sentence: string, context: FigureContext): Figure[] {
  if (!/\d/.test(sentence)) return [];
  const out: Figure[] = [];
  for (const m of sentence.matchAll(numberRe)) {
    const figure = figureAt(sentence, m, context, out.length);
    if (figure) out.push(figure);
  }
  return out;
}

function figureAt(sentence: string, m: RegExpMatchArray, context: FigureContext, n: number): Figure | undefined {
  const [whole, currency = '', digits = '', scale = '', percent = ''] = m;
  const start = m.index! + (whole.length - whole.trimStart().length);
  const end = m.index! + whole.trimEnd().length;
  const before = sentence.slice(Math.max(0, start - 80), start);
  const after = sentence.slice(end);
  if (isNotAFigure(digits, currency, scale, percent, before, after)) return undefined;
  const value = Number(`${digits.replace(/,/g, '')}e${scale ? (scales[scale.toLowerCase()] ?? 0) : 0}`);
  const unit = percent ? '%' : currency;
  if (currency && isBracketedConversion(before, after)) return undefined;
  const counts = countsAfter(after) || (unit ? '' : countsBefore(before));
  if (!counts && !unit) return undefined;
  const purpose = counts || unit === '%' ? '' : moneyPurpose(after);
  const clauseBefore = clause(before);
  const qualifier = qualifierAtEnd.exec(clauseBefore.replace(/[$£€]\s*$/, ''))?.[1] ?? '';
  const attribution = attributionAt(context.attributions, start);
  const kind = kindOf(sentence.slice(Math.max(0, start - 120), start), after);
  const speaker = attribution ? (attribution.speaker.length <= 3 && /^[a-z]/.test(attribution.speaker) ? context.previousSpeaker : attribution.speaker) : '';
  const citation: Citation = { articleId: context.articleId, quote: sentence, sentenceId: context.sentenceId };
  return {
    id: `${context.sentenceId}~${n}`,
    value,
    display: whole.trim(),
    unit,
    counts: counts || purpose,
    // An amount that says nothing of what it counts is a quantity of its own, never pooled; nor is
    // one that only says what it is for ("$20bn in damages" from one party, "$28bn in damages" from another).
    quantity: counts ? quantityKey(counts, unit) : `${unit}${value}${purpose ? ` ${purpose}` : ''}`,
    qualifier: qualifier.toLowerCase(),
    kind,
    speaker,
    via: attribution?.via ?? '',
    when: nearestTime(sentence, start),
    earlier: (earlierCue.test(clauseBefore.slice(-70)) || revisedFrom.test(clauseBefore.slice(-90))) && !(kind === 'claim' && !/\bfrom\b/.test(clauseBefore.slice(-70))),
    citation,
  };
}

function isNotAFigure(digits: string, currency: string, scale: string, percent: string, before: string, after: string): boolean {
  if (/[A-Za-z][-/]?$/.test(before) || /^[A-Za-z]/.test(after.replace(/^(?:st|nd|rd|th)\b/, 'X'))) {
    if (!/^\s/.test(after) && /^(?:st|nd|rd|th)\b/.test(after)) return true; // ordinals
    if (/[A-Za-z][-/]?$/.test(before)) return true; // F-16, G7, Covid-19
  }
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true;
  if (/^[-:/]\d/.test(after) || /\d[-:/]$/.test(before)) return true; // ranges, times, dates
  if (/^-(?:year|month|week|day)s?-old/i.test(after) || /^-year\b/i.test(after)) return true;
  if (currency || scale || percent) return false;
  const value = Number(digits.replace(/,/g, ''));
  if (!digits.includes(',') && value >= 1800 && value <= 2100) return true; // a year
  if (monthBefore.test(before) || monthAfter.test(after)) return true; // a date
  if (/\b(?:no\.|number|page|chapter|article|section|route|room|flight|version)\s*$/i.test(before)) return true;
  if (/^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries?|times)\b/i.test(after)) return true;
  return false;
}

/** "$27.5bn (£14.5bn)": the amount in brackets converts the one before it and is not a figure of its own. */
function isBracketedConversion(before: string, after: string): boolean {
  return /[$£€]\s?\d[\d.,]*\s?(?:thousand|million|billion|trillion|bn|tn|m|k)?\s*\($/i.test(before) && /^\s*\)/.test(after);
}

/** What an amount is for, when the text says so with "in": "$20bn in damages" → "damages". */
function moneyPurpose(after: string): string {
  const m = /^\s+in\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})/.exec(after);
  if (!m) return '';
  const words: string[] = [];
  for (const word of m[1]!.split(/\s+/)) {
    if (phraseStop.has(word) || adverbs.has(word) || word.length < 3) break;
    words.push(word);
  }
  return words.join(' ');
}

/** The noun phrase a number counts, read forward: "400 Red Cross volunteers arrived" → "Red Cross volunteers". */
function countsAfter(after: string): string {
  // Skip a conversion in brackets: "$27.5bn (£14.5bn) back tax bill".
  const words = after.replace(/^\s*\([^)]{0,40}\)/, '').trimStart().split(/\s+/);
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[.,;:!?"')\]]+$/, '');
    const lower = word.toLowerCase();
    const head = out.at(-1)?.toLowerCase() ?? '';
    if (lower === 'of' && ofHeads.has(head)) {
      out.push(word);
      continue;
    }
    if (!word || !/^[A-Za-z][A-Za-z'-]*$/.test(word) || phraseStop.has(lower) || adverbs.has(lower)) break;
    if (/^[a-z]/.test(word) && /(?:ed|ing|ly)$/.test(lower) && lower.length > 4 && !/(?:ings|eed)$/.test(lower)) break;
    out.push(word);
    if (word !== raw || out.length >= 5) break;
  }
  while (out.length && out.at(-1)!.toLowerCase() === 'of') out.pop();
  return out.join(' ');
}

/** Read backward when nothing follows: "special forces that could eventually number around 12,000". */
function countsBefore(before: string): string {
  const words = clause(before).trim().split(/\s+/).reverse();
  for (let i = 0; i < Math.min(words.length, 8); i++) {
    const w = words[i]!.replace(/[^A-Za-z'-]/g, '');
    const lower = w.toLowerCase();
    if (w.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !phraseStop.has(lower) && !/^[A-Z]/.test(w)) {
      const prev = words[i + 1]?.replace(/[^A-Za-z'-]/g, '') ?? '';
      const adj = prev && !phraseStop.has(prev.toLowerCase()) && !/(?:ed|ing)$/.test(prev) ? `${prev} ` : '';
      return `${adj}${w}`;
    }
  }
  return '';
}

/** The current clause: text after the last clause boundary. */
function clause(text: string): string {
  const cut = Math.max(text.lastIndexOf(';'), text.lastIndexOf(':'), text.lastIndexOf('"'), text.lastIndexOf(' — '));
  return cut >= 0 ? text.slice(cut + 1) : text;
}

function kindOf(before: string, after: string): FigureKind {
  const near = clause(before).split(/\s+/).slice(-9).join(' ');
  const following = after.split(/[,;:—]/)[0]!.split(/\s+/).slice(0, 9).join(' ');
  if (claimCue.test(near)) return 'claim';
  if (projectionCue.test(near) || /^\s*(?:\S+\s+){0,4}?(?:could|may|might|will|would|are expected|is expected)\b/i.test(following)) {
    return 'projection';
  }
  return 'estimate';
}

function nearestTime(sentence: string, position: number): string {
  let best = '';
  let distance = Infinity;
  for (const m of sentence.matchAll(timeRe)) {
    const d = Math.abs(m.index - position);
    if (d < distance) {
      distance = d;
      best = m[0].replace(/^on\s+/i, '');
    }
  }
  return best;
}

/** Grouping key: unit plus the stemmed head noun with synonyms folded. */
export function quantityKey(counts: string, unit: string): string {
  const words = counts.toLowerCase().split(/\s+/).filter(Boolean);
  const ofAt = words.indexOf('of');
  const head = ofAt > 0 && words[ofAt + 1] ? words.at(-1)! : (words.at(-1) ?? '');
  const stemmed = stem(head);
  const key = synonyms.get(stemmed) ?? stemmed;
  return `${unit}${key}` || unit;
}

/**
 * What a figure measures, read through the sentence's number mentions (ask/number-mentions.ts):
 * which numbers are figures at all (never a date, year, time, age, duration, code or label such
 * as "Category 4"), the measure the lexicon names, the place a count is scoped to, and the
 * readable label of its series ("people evacuated", "deaths in Rivertown", "cost"). Rules are about
 * English news style, never about one story.
 */
import { numberMentions, type NumberMention } from './ask/number-mentions.js';
import { measureOfWord, measureWords, type Measure } from './ask/measures.js';
import { cardinalWord } from './ask/number-words.js';
import { normalizeWord } from './ask/words.js';

/** Number words that can start a count ("three miners died", "a dozen homes"): a sentence without a digit is read only if it has one. */
const numberWordRe =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million)\b/i;

/** The measures of the lexicon (ask/measures.ts has no list of them; an id it lacks adds no word). */
const measureIds =
  'deaths injured missing displaced evacuated rescued recovered buried arrested affected cancelled delayed hospitalized cases destroyed votes turnout cost payment aid revenue price magnitude category'.split(' ');
/** Any listed word of a measure, or its plural or participle ("kill" finds "killed", never "bill" "billion"): a cheap test before the full reading of a sentence. */
const measureWordRe = new RegExp(`\\b(?:${[...new Set(measureIds.flatMap((id) => measureWords(id)))].sort((a, b) => b.length - a.length).join('|')})(?:s|es|ed|d|ing)?\\b`, 'i');

/** Whether a sentence may name a measure: only then is the full reading of its numbers worth its cost. */
export function hasMeasureWord(sentence: string): boolean {
  return measureWordRe.test(sentence);
}

/** Whether a sentence without digits may hold a count written in words. */
export function hasNumberWord(sentence: string): boolean {
  return numberWordRe.test(sentence);
}

/** The mentions of a sentence, read once however many of its numbers ask. */
export function mentionsOf(sentence: string): readonly NumberMention[] {
  return numberMentions(sentence);
}

/** The mention that holds the number starting at `start`. */
export function mentionAt(mentions: readonly NumberMention[], start: number): NumberMention | undefined {
  for (const m of mentions) if (m.start <= start && start < m.end) return m;
  return undefined;
}

/** Counted nouns that say nothing on their own: a label of "people" or "others" mixes the dead with the evacuated. */
const vagueNouns =
  /^(?:people|persons?|individuals?|others?|ones?|those|more|times|total|number|figure|figures|reports?|some|many|all|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|nights?)$/i;
/** Units of measure: "20 feet" needs the thing measured ("storm surges of up to 20 feet") to be a key number. */
const unitNouns =
  /^(?:square|cubic|miles?|mph|kph|km|kms|kilomet(?:er|re)s?|met(?:er|re)s?|m|feet|foot|ft|inch(?:es)?|cm|centimet(?:er|re)s?|mm|yards?|acres?|hectares?|tonnes?|tons?|pounds?|lbs?|kg|kilograms?|grams?|litres?|liters?|gallons?|barrels?|degrees?|knots?|per|hour|mile|percent|points?)$/i;
/** Words that end a counted phrase without being part of what is counted. */
const trailingNonNouns = /^(?:yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|due|range|remain|remained|remains|along|near|above|below|alive|following|offline|online|related|total|overall|more|alone|each|apiece|already|again|ago|away|back|earlier|later|now|still)$/i;

/** The counted noun phrase worth a label, or '': trailing adverbs and verbs dropped, vague or unit-only nouns refused. */
export function countedNoun(counted: string): string {
  const words = counted.split(/\s+/).filter((w) => w && /^[A-Za-z][A-Za-z'’-]*$/.test(w));
  // "people remain missing": the measure's own participle is said by the label's measure.
  while (words.length > 1 && (trailingNonNouns.test(words.at(-1)!) || isParticiple(words.at(-1)!))) words.pop();
  while (words.length && trailingNonNouns.test(words.at(-1)!)) words.pop();
  if (!words.length || unitNouns.test(words[0]!)) return '';
  const head = words.at(-1)!;
  if (/['’]s?$/.test(head) || vagueNouns.test(head) || unitNouns.test(head) || head.length < 3) return '';
  // A counted noun names things in the plural, or is a mass noun of more than one word ("market share").
  if (!/(?:s|people|men|children|police|staff|personnel|cattle|livestock|crew)$/i.test(head) && words.length < 2) return '';
  return words.join(' ');
}

function isParticiple(word: string): boolean {
  const m = measureOfWord(normalizeWord(word.toLowerCase()));
  return Boolean(m && /(?:ed|ing|missing|dead)$/i.test(word));
}

/** Whether a counted noun is only a unit of measure ("feet", "square miles"): the number is a measurement, not a count. */
export function isUnitPhrase(counted: string): boolean {
  const first = counted.split(/\s+/)[0] ?? '';
  return Boolean(first) && unitNouns.test(first);
}

/**
 * The measure a mention's own counted noun names as a modifier ("16,400 rescue workers", "200
 * evacuation centres"): such a number counts the noun, not the measure. The head itself may be
 * the measure ("11 additional deaths").
 */
export function measureInModifier(counted: string, measure: Measure): boolean {
  const words = counted.split(/\s+/).filter(Boolean);
  return words.slice(0, -1).some((w) => measureOfWord(normalizeWord(w.toLowerCase()))?.id === measure.id);
}

/** "storm surges of up to 20 feet", "500 square miles of territory": the thing a measurement is of, and its unit. */
export function measuredThing(sentence: string, numberStart: number, numberEnd: number, counted: string): string {
  const unit = counted.split(/\s+/).filter(Boolean);
  if (!unit.length || !unit.every((w) => unitNouns.test(w))) return '';
  const after = new RegExp(`^\\s*${escape(counted)}\\s+of\\s+(?:the\\s+)?([a-z][a-z-]+)`).exec(sentence.slice(numberEnd));
  const before = /\b([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+of\s+(?:(?:up to|about|around|nearly|almost|over|more than|at least|some)\s+)?$/.exec(sentence.slice(Math.max(0, numberStart - 60), numberStart));
  const thing = thingWords(after?.[1] ?? '', 'first') || thingWords(before?.[1] ?? '', 'last');
  return thing ? `${thing} (${counted})` : '';
}

const functionWords = /^(?:the|a|an|and|or|but|of|in|on|at|to|for|from|by|with|since|as|that|which|who|than|into|over|under|per|its|their|his|her|our|this|these|those|is|are|was|were|be|been|has|have|had|up|about|some|more|less)$/i;

/** The noun words of a short phrase (up to the first function word, reading from its `end`), if they name a thing. */
function thingWords(phrase: string, end: 'first' | 'last'): string {
  const words = phrase.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  if (end === 'first') for (const w of words) { if (functionWords.test(w)) break; kept.push(w); }
  else for (const w of words.reverse()) { if (functionWords.test(w)) break; kept.unshift(w); }
  const head = kept.at(-1) ?? '';
  if (!head || head.length < 3 || vagueNouns.test(head) || unitNouns.test(head) || trailingNonNouns.test(head)) return '';
  return kept.join(' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const placeAfter = /^\s+(?:in|across|from)\s+((?:[A-Z][a-z][\w'’-]*)(?:\s+(?:[A-Z][a-z][\w'’-]*))*)(?=\s*(?:[,.;:)]|$|\s(?:and|as|on|by|since|after|before|over|this|last|alone)\b))/;
const placeLine = /^\s*((?:[A-Z][a-z][\w'’-]*)(?:\s+[A-Z][a-z][\w'’-]*){0,2}):\s*$/;
const notPlaces = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|Total|Overall|Update)$/;

/**
 * The place a count is scoped to, when the text attaches it directly: "11 deaths in Rivertown",
 * or a breakdown line "Rivertown: 40 deaths". Else ''.
 */
export function entityOf(sentence: string, m: NumberMention): string {
  const countedAt = m.counted ? sentence.indexOf(m.counted, m.end) : -1;
  const from = countedAt >= 0 && countedAt - m.end < 4 ? countedAt + m.counted.length : m.end;
  const place = placeAfter.exec(sentence.slice(from))?.[1] ?? placeLine.exec(sentence.slice(0, m.start))?.[1] ?? clausePlace(sentence, m);
  if (!place || notPlaces.test(place.split(/\s+/)[0]!)) return '';
  return place;
}

const clausePlaceRe = /\b(?:[Ii]n|across|throughout)\s+((?:[A-Z][a-z][\w'’-]*)(?:\s+(?:and\s+)?[A-Z][a-z][\w'’-]*){0,3})(?!['’]s)(?!,\s+[A-Z])(?=\s*(?:[,.;:)]|$|\s(?:alone|and|as|on|by|since|after|before|over|this|last|now|ever|was|were|is|are|has|have|had|from|to|of|with|at|for|rose|stood|stands|reached|climbed|said|says)\b))/g;

/**
 * The place named elsewhere in the figure's clause, the nearest one: "In Rivertown alone, 40
 * people died", "the toll in Rivertown was 40", or two places joined ("in Rivertown and
 * Hillford": their combined count). A place that opens a list ("in A, B and C") scopes nothing.
 */
function clausePlace(sentence: string, m: NumberMention): string {
  const clause = sentence.slice(m.clauseStart, m.clauseEnd);
  const at = m.start - m.clauseStart;
  let best = '';
  let distance = Infinity;
  for (const x of clause.matchAll(clausePlaceRe)) {
    // "… workers, one of whom has lived in Rivertown for years": a relative clause's place is not the count's.
    const between = x.index > at ? clause.slice(at, x.index) : clause.slice(x.index, at);
    if (/\b(?:who|whom|whose|which|that)\b/.test(between)) continue;
    const d = Math.min(Math.abs(x.index - at), Math.abs(x.index + x[0].length - at));
    if (d < distance) {
      distance = d;
      best = x[1]!.replace(/\s+and\s+/, ' and ');
    }
  }
  return best;
}

/** Measures whose label is a participle after the counted noun: "people missing", "flights cancelled". */
const participleMeasures: Readonly<Record<string, string>> = {
  injured: 'people',
  missing: 'people',
  displaced: 'people',
  evacuated: 'people',
  rescued: 'people',
  recovered: 'bodies',
  buried: 'people',
  arrested: 'people',
  affected: 'people',
  hospitalized: 'people',
  cancelled: '',
  delayed: '',
  destroyed: '',
};
/** A noun a measure takes when the counted noun says nothing: "deaths", not "people deaths". */
const nounMeasures: Readonly<Record<string, string>> = { deaths: 'deaths', cases: 'cases', votes: 'votes', turnout: 'turnout', cancelled: 'cancellations', delayed: 'delays', destroyed: 'buildings destroyed or damaged' };

/** The readable label of a measured figure's series: measure and counted noun, with its place. */
export function measureLabel(measureId: string, measureName: string, counted: string, unit: string, entity: string): string {
  const noun = countedNoun(counted);
  let label: string;
  if (measureId in participleMeasures) {
    const fallback = participleMeasures[measureId] ?? '';
    label = noun ? `${noun} ${measureName}` : fallback ? `${fallback} ${measureName}` : nounMeasures[measureId] ?? measureName;
  } else if (unit && unit !== '%') label = noun || measureName;
  else label = nounMeasures[measureId] ?? measureName;
  if (unit === '%') label = shareOf(label);
  return entity ? `${label} in ${entity}` : label;
}

/** A percentage's label: "share of computers affected", unless it already names a rate or share. */
export function shareOf(label: string): string {
  return !label || /\b(?:rate|share|turnout|percent|percentage)\b/i.test(label) ? label : `share of ${label}`;
}

/** Value of a cardinal number word, for the digit-free counts of a sentence. */
export function isWordNumber(text: string): boolean {
  return !/\d/.test(text) && text.split(/\s+/).some((w) => cardinalWord(w.toLowerCase()) !== undefined);
}

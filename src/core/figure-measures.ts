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
import { escapeRegExp } from './text.js';

/** Number words that can start a count ("three miners died", "a dozen homes"): a sentence without a digit is read only if it has one. */
const numberWordRe =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million)\b/i;

/** The measures of the lexicon (ask/measures.ts has no list of them; an id it lacks adds no word). */
const measureIds =
  'deaths injured missing displaced evacuated rescued recovered buried arrested affected cancelled delayed outages hospitalized cases destroyed votes turnout cost payment aid revenue price value magnitude category wind'.split(' ');
/** Any listed word of a measure, or its plural or participle ("kill" finds "killed", never "bill" "billion"): a cheap test before the full reading of a sentence. */
const measureWordRe = new RegExp(`\\b(?:${[...new Set(measureIds.flatMap((id) => measureWords(id)))].sort((a, b) => b.length - a.length).join('|')})(?:s|es|ed|d|ing)?\\b`, 'i');

/** Whether a sentence may name a measure: only then is the full reading of its numbers worth its cost. */
export function hasMeasureWord(sentence: string): boolean {
  // "took the lives of", "lost their lives": deaths, read as a phrase by the number reader ("live" alone is no measure).
  // "without power", "lost power": people in an outage, read as a phrase likewise ("power" alone is no measure).
  return measureWordRe.test(sentence) || /\blives\b|\b(?:without|lost|losing|lose)\s+(?:power|electricity)\b/.test(sentence);
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
  while (words.length && (trailingNonNouns.test(words.at(-1)!) || /^[a-z]{3,}ly$/.test(words.at(-1)!))) words.pop();
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
  const after = new RegExp(`^\\s*${escapeRegExp(counted)}\\s+of\\s+(?:the\\s+)?([a-z][a-z-]+)`).exec(sentence.slice(numberEnd));
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


/** A place as written: one to four capitalized words ("Rivertown", "Hill County", "New Alden"). */
const nameRe = String.raw`[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,3}`;
/**
 * Words between a preposition and its place that leave the place the scope: "in neighboring
 * Rivertown", "in the coastal city of Rivertown". "In eastern Rivertown" is left unscoped: the
 * region a story happens in is its whole, not a place beside it.
 */
const leadRe = String.raw`(?:the\s+(?:[A-Za-z-]+\s+){0,3}?(?:city|town|village|province|region|state|county|district|port|capital|island|governorate)\s+of\s+|(?:neighbou?ring|nearby)\s+)?`;
/** What may follow a place: punctuation, a lowercase word, or the end; never a possessive ("Rivertown's mayor") or a further name. */
const afterPlaceRe = String.raw`(?!['’]s)(?=\s*(?:[,.;:)!?"”]|$|\s+[a-z(]))`;
const placeAfter = new RegExp(String.raw`^\s+(?:in|across|from|throughout)\s+${leadRe}(${nameRe})${afterPlaceRe}`);
/** "in parts of Rivertown", "in Rivertown's north": a count for part of a place is a part, never the place's own series. */
const partPlaceRe = new RegExp(String.raw`\b(?:[Ii]n|across)\s+(?:(?:the\s+)?(?:[a-z-]+\s+)?(?:parts?|areas?|much|most|sections?)\s+of\s+(?:${nameRe})|(?:${nameRe})['’]s\s+(?:[a-z-]+\s+){0,2}(?:north|south|east|west|northwest|northeast|southwest|southeast|interior|countryside|regions?|provinces?|areas?|parts?))\b`, 'g');
/** A breakdown line ("Rivertown: 40 deaths", "Rivertown: the governor said 40 died …"): its place scopes the sentence. */
const headingRe = new RegExp(String.raw`^\s*(${nameRe}):\s`);
/** A sentence that opens in a place ("In Rivertown alone, …", "In Hill County, Northland, …"). */
const openingRe = new RegExp(String.raw`^(?:In|Across|Throughout)\s+${leadRe}(${nameRe})(?:,\s+${nameRe})?(?:\s+alone)?,\s+(?!and\b)`);
/** "in the state", "for the county": a place named before, by a heading, an opening or a jurisdiction in the sentence. */
const anaphorRe = /\b(?:in|for|across|throughout)\s+the\s+(state|county|city|province|region|parish)\b/;
const jurisdictionRe = new RegExp(String.raw`\b(${nameRe}\s+(?:County|Parish|Province|Prefecture|Municipality|District))\b`);
const notPlaces = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|Total|Overall|Update|Earlier|Later|However|Meanwhile|Officials|Authorities)$/;

/** The place a figure is scoped to, and whether it counts only a part of that place. */
export interface FigurePlace {
  readonly place: string;
  readonly part: boolean;
  /** "cost the airline": who bears it is named before (for an amount: by its speaker's organisation). */
  readonly anaphor?: boolean;
}

const unscoped: FigurePlace = { place: '', part: false };

/**
 * The place a count is scoped to, when the text attaches it: "11 deaths in Rivertown", "2,000
 * feared dead in the coastal city of Rivertown", a place elsewhere in the clause, a breakdown line
 * "Rivertown: 40 deaths", a sentence that opens "In Rivertown alone,", or "in the county" naming a
 * county of the sentence. "In parts of Rivertown" is a part of the place.
 */
export function entityOf(sentence: string, m: NumberMention): FigurePlace {
  const countedAt = m.counted ? sentence.indexOf(m.counted, m.end) : -1;
  const from = countedAt >= 0 && countedAt - m.end < 4 ? countedAt + m.counted.length : m.end;
  const clause = sentence.slice(m.clauseStart, m.clauseEnd);
  partPlaceRe.lastIndex = 0;
  if (partPlaceRe.test(clause)) return { place: '', part: true };
  const own = placeAfter.exec(sentence.slice(from))?.[1] ?? clausePlace(sentence, m);
  const frame = headingRe.exec(sentence)?.[1] ?? openingRe.exec(sentence)?.[1];
  const anaphor = anaphorRe.exec(clause);
  const jurisdiction = anaphor ? frame ?? jurisdictionRe.exec(sentence)?.[1] : jurisdictionAtStart(clause);
  // "the governor said 11 had died in the state", with no state named: a count for some one place, never the whole.
  return asPlace(own) ?? asPlace(jurisdiction) ?? asPlace(frame) ?? (anaphor ? { place: '', part: true } : unscoped);
}

function asPlace(place: string | undefined): FigurePlace | undefined {
  if (!place || notPlaces.test(place.split(/\s+/)[0]!)) return undefined;
  return { place, part: false };
}

/** "The Hill County Sheriff's Office revised the toll to 40": a county's office counts the county. */
function jurisdictionAtStart(clause: string): string | undefined {
  if (/^\s*(?:In|At|On|For|From|By|After|Across|Throughout)\s/.test(clause)) return undefined;
  const m = /^\s*(?:[Tt]he\s+)?/.exec(clause)!;
  const j = jurisdictionRe.exec(clause.slice(m[0].length));
  return j && j.index === 0 ? j[1] : undefined;
}

const clausePlaceRe = new RegExp(String.raw`\b(?:[Ii]n|across|throughout)\s+${leadRe}((?:[A-Z][a-z][\w'’-]*)(?:\s+(?:and\s+)?[A-Z][a-z][\w'’-]*){0,3})(?!,\s+[A-Z])${afterPlaceRe}`, 'g');

/**
 * The place named elsewhere in the figure's clause, the nearest one: "In Rivertown alone, 40
 * people died", "the toll in Rivertown was 40", or two places joined ("in Rivertown and
 * Hillford": their combined count). A place that opens a list ("in A, B and C") scopes nothing.
 */
function clausePlace(sentence: string, m: NumberMention): string {
  const clause = sentence.slice(m.clauseStart, m.clauseEnd);
  const at = m.start - m.clauseStart;
  const atEnd = m.end - m.clauseStart;
  let best = '';
  let distance = Infinity;
  for (const x of clause.matchAll(clausePlaceRe)) {
    // "… workers, one of whom has lived in Rivertown for years": a relative clause's place is not the count's.
    const between = x.index > at ? clause.slice(atEnd, x.index) : clause.slice(x.index, at);
    if (/\b(?:who|whom|whose|which|that)\b/.test(between)) continue;
    // "12 died in Rivertown and 3 in Hillford": a place with a number between it and this one is that number's.
    if (/\d/.test(between)) continue;
    const d = x.index >= atEnd ? x.index - atEnd : Math.abs(x.index + x[0].length - at);
    if (d < distance) {
      distance = d;
      best = x[1]!.replace(/\s+and\s+/, ' and ');
    }
  }
  return best;
}

const bearerVerbs = /^(?:has\s+|have\s+|had\s+|will\s+|would\s+|could\s+)?(?:incurred|incurs|incur|lost|loses|lose|losing|faces|faced|face|paid|pays|pay|spent|spends|spend|posted|posts|booked|books|took|takes|recorded|records|suffered|suffers|expects|reported)\b/;
const orgName = String.raw`(?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,4}`;
const bearerRe = new RegExp(String.raw`^\s*(?:[Tt]he\s+)?(${orgName})\s+(?=\S)`);
const costAnaphorRe = /\bcost\s+(?:the|its)\s+(?:airline|company|firm|carrier|bank|insurer|group|business|retailer|operator|utility|manufacturer|maker)\s+(?:(?:as much as|about|around|nearly|almost|more than|at least|up to|an estimated|some)\s+)?$/;
const sectorRe = /\b(?:the\s+)?([a-z]+(?:\s+[a-z]+)?\s+(?:sector|industry))\b(?![^,;]*\b(?:sector|industry)\b)/;
const costObjectRe = new RegExp(String.raw`\bcost\s+(${orgName})\s+(?:(?:as much as|about|around|nearly|almost|more than|at least|up to|an estimated|some)\s+)?$`);

/**
 * Who an amount is of, where the clause says so: its subject ("Norcorp incurred a $5 million
 * loss", "Norcorp reported a hit of $5 million") or the object of "cost" ("cost Norcorp $5
 * million"). A per-unit amount ("the average loss per company") is `part`: a rate, never a total.
 */
export function bearerOf(sentence: string, m: NumberMention): FigurePlace {
  const clause = sentence.slice(m.clauseStart, m.start);
  if (/\b(?:average|median|typical)\b[^.;]*$|\bper\s+(?:\w+\s+)?(?:company|firm|business|person|household|customer|user|head|capita|employee|worker|passenger|day|week|month|year)\b/i.test(sentence.slice(m.clauseStart, m.clauseEnd)) && !/\bper\s+(?:cent|share)\b/i.test(clause)) return { place: '', part: true };
  const object = asPlace(costObjectRe.exec(clause)?.[1]);
  if (object) return object;
  if (costAnaphorRe.test(clause)) return { place: '', part: false, anaphor: true };
  // "with the retail sector losing $2 million": a sector or industry bears it.
  const sector = sectorRe.exec(clause)?.[1];
  if (sector) return { place: sector, part: false };
  const subject = bearerRe.exec(clause);
  if (!subject) return unscoped;
  const name = subject[1]!.replace(/\s+(?:of|and|&)$/, '');
  const rest = clause.slice(subject[0].length);
  // "Airlines lost …": one capitalized word opening a sentence may be a common noun.
  if (!bearerVerbs.test(rest) || (m.clauseStart === 0 && !/\s/.test(name) && /s$/.test(name))) return unscoped;
  return asPlace(name) ?? unscoped;
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

/** The label of an amount with who it is of: "cost for Norcorp". */
export function bearerLabel(label: string, bearer: string): string {
  return bearer ? `${label} for ${bearer}` : label;
}

/** A percentage's label: "share of computers affected", unless it already names a rate or share. */
export function shareOf(label: string): string {
  return !label || /\b(?:rate|share|turnout|percent|percentage)\b/i.test(label) ? label : `share of ${label}`;
}

/** Value of a cardinal number word, for the digit-free counts of a sentence. */
export function isWordNumber(text: string): boolean {
  return !/\d/.test(text) && text.split(/\s+/).some((w) => cardinalWord(w.toLowerCase()) !== undefined);
}

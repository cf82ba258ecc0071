/**
 * Figures: every meaningful number in a sentence with what it counts, its qualifier, its kind
 * (estimate, projection, claim), who said it and when. Rules are about English news style, never
 * about one story.
 */
import type { Attribution } from './speakers.js';
import { attributionAt } from './speakers.js';
import { clausesBefore, endsWithDigitAndSeparator, endsWithFrom, endsWithLetter, irregularSpace, lastWords, tail } from './figure-text.js';
import { bearerLabel, bearerOf, countedNoun, entityOf, hasMeasureWord, hasNumberWord, isUnitPhrase, measureInModifier, measureLabel, measuredThing, mentionAt, mentionsOf, shareOf } from './figure-measures.js';
import type { NumberMention } from './ask/number-mentions.js';
import { measureById } from './ask/measures.js';
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
  /\b(?:up|down|rose|fell|increased|decreased|grew|dropped|revised(?: up| down| upward| downward)?(?: to [\d,.]+)?)\s+from\b|\b(?:earlier|previous|initial|original|prior|old|first)\s+(?:estimate|figure|count|tally|number|projection|forecast|assessment|report|toll|total)s?\b|\b(?:previously|initially|originally|formerly)\b|\bearlier\s+(?:\w+\s+)?(?:reported|said|put|estimated|gave|announced|counted|recorded)\b|\b(?:instead of|rather than|replacing|down from|up from)\s+(?:\w+\s+){0,2}$|^\s*Earlier,/i;

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

/**
 * Where a sentence's figures come from. `attributions` and `previousSpeaker` may be getters: they
 * are read only for a number that is a figure, and `previousSpeaker` only for a pronoun speaker.
 */
export interface FigureContext {
  readonly articleId: string;
  readonly sentenceId: string;
  readonly attributions: readonly Attribution[];
  /** Speaker of the previous sentence in the article, for pronouns. */
  readonly previousSpeaker: string;
  /** The year the article was published, when known: a figure "in" an earlier year is background. */
  readonly year?: number;
}

const magnitude = measureById('magnitude')!;
/** A speed's unit as written right after its number: "140 mph", "150 km/h", "130 mile per hour". */
const speedUnit = /^\s*(mph|km\/h|kph|kmh|knots|(?:miles?|kilomet(?:er|re)s?)[\s-](?:per|an)[\s-]hour)(?![\w/])/i;

/** One sentence being read for figures, with what is found once for all of its figures. */
interface SentenceScan {
  readonly text: string;
  /** Its time expressions, once a figure needs them. */
  times: readonly TimeMention[] | undefined;
  /** Its number mentions (what each number measures), once a figure needs them. */
  mentions: readonly NumberMention[] | undefined;
  /** Whether it names a measure of the lexicon, once asked. */
  measured: boolean | undefined;
}

/** A number as the figure pattern read it: where it is, as written, its value and unit. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly display: string;
  readonly value: number;
  readonly unit: string;
}

/**
 * Every figure in one sentence. A sentence without a digit is read only for counts in words with
 * a measure ("three workers were injured"); the caller passes it only when `hasNumberWord` says so.
 */
export function extractFigures(sentence: string, context: FigureContext): Figure[] {
  const out: Figure[] = [];
  const scan: SentenceScan = { text: sentence, times: undefined, mentions: undefined, measured: undefined };
  if (!/\d/.test(sentence)) {
    if (hasNumberWord(sentence) && hasMeasureWord(sentence)) for (const m of (scan.mentions = mentionsOf(sentence))) wordFigure(scan, m, context, out);
    return out;
  }
  // An `exec` loop rather than `matchAll`, which clones the pattern on every call. No match is
  // empty (each holds a digit), and nothing else uses `numberRe` meanwhile.
  numberRe.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let m = numberRe.exec(sentence); m; m = numberRe.exec(sentence)) matches.push(m);
  for (const m of matches) {
    const figure = figureAt(scan, m, context, out.length);
    if (figure) out.push(figure);
  }
  // "Five miners have died; a blast in 1990 killed 60": counts in words beside the digits.
  if (hasNumberWord(sentence) && (scan.measured ??= hasMeasureWord(sentence))) {
    for (const m of (scan.mentions ??= mentionsOf(sentence))) if (!/\d/.test(m.display)) wordFigure(scan, m, context, out);
  }
  return out;
}

/** A count written in words, kept only when the lexicon names what it measures. */
function wordFigure(scan: SentenceScan, m: NumberMention, context: FigureContext, out: Figure[]): void {
  if (m.role !== 'figure' || m.measure?.kind !== 'count' || m.unit || m.ordinal || m.high !== undefined) return;
  const display = scan.text.slice(m.start, m.end).replace(new RegExp(`^${m.qualifier}\\s+`, 'i'), '');
  if (!display || /\d/.test(display) || !scan.text.includes(display)) return;
  const start = m.end - display.length;
  const figure = figureFrom(scan, { start, end: m.end, display, value: m.value, unit: '' }, context, out.length, m, '');
  if (figure) out.push(figure);
}

function figureAt(scan: SentenceScan, m: RegExpMatchArray, context: FigureContext, n: number): Figure | undefined {
  const sentence = scan.text;
  const whole = m[0];
  const currency = m[1] ?? '';
  const digits = m[2] ?? '';
  const scale = m[3] ?? '';
  const percent = m[4] ?? '';
  const start = m.index! + (whole.length - whole.trimStart().length);
  let end = m.index! + whole.trimEnd().length;
  const before = sentence.slice(Math.max(0, start - 80), start);
  const after = sentence.slice(end);
  if (isNotAFigure(digits, currency, scale, percent, before, after)) return undefined;
  const plain = digits.includes(',') ? digits.replace(/,/g, '') : digits;
  let value = scale ? Number(`${plain}e${scales[scale.toLowerCase()] ?? 0}`) : Number(plain);
  let unit = percent ? '%' : currency;
  if (currency && isBracketedConversion(before, after)) return undefined;
  const read = needsMentions(scan, start, after) ? mentionAt((scan.mentions ??= mentionsOf(sentence)), start) : undefined;
  // "a 6.1-magnitude earthquake", "a magnitude 6.1 quake": a question may ask for the label, but it is the event's size too.
  const mention = read?.role === 'label' && read.label.startsWith('magnitud') ? { ...read, role: 'figure' as const, counted: '', head: '', measure: magnitude, measures: [magnitude] } : read;
  // Dates, years, clock times, ages, durations, addresses, phone numbers and labels ("Category 4") are never figures.
  if (mention && mention.role !== 'figure' && mention.role !== 'change') return undefined;
  if (mention && isCodeListed(scan, mention)) return undefined;
  if (mention && mention.unit && !unit) {
    // "between 4.3 and 5.2 billion dollars": the range's scale and unit apply to its low end too.
    unit = mention.unit;
    value = mention.value;
  }
  let display = whole.trim();
  if (mention?.high !== undefined) {
    // A range is one figure, shown whole: "between $1.7 billion and $1.9 billion"; its high end is no figure of its own.
    if (/\d/.test(sentence.slice(mention.start, start))) return undefined;
    display = sentence.slice(start, mention.end);
    end = mention.end;
  }
  return figureFrom(scan, { start, end, display, value, unit }, context, n, mention, sentence.slice(end));
}

function figureFrom(scan: SentenceScan, c: Candidate, context: FigureContext, n: number, mention: NumberMention | undefined, after: string): Figure | undefined {
  const sentence = scan.text;
  const { start, value, unit } = c;
  // "a father of three": a family, not a count.
  if (/\b(?:father|mother|parent|grandfather|grandmother|dad|mom|mum)s?\s+of\s+$/i.test(sentence.slice(Math.max(0, start - 30), start))) return undefined;
  const clauses = clausesBefore(sentence, start);
  const clauseBefore = clauses.within80;
  const counts = countsAfter(after) || (unit ? '' : countsBefore(clauseBefore)) || (!unit && mention && sentence.includes(mention.counted) ? mention.counted : '');
  if (!counts && !unit && !mention?.measure) return undefined;
  const purpose = counts || unit === '%' ? '' : moneyPurpose(after);
  const qualifier = (mention?.qualifier || qualifierAtEnd.exec(tail(clauseBefore.replace(/[$£€]\s*$/, ''), longestQualifier))?.[1]) ?? '';
  const attribution = attributionAt(context.attributions, start, sentence);
  const kind = kindOf(clauses.within120, after);
  const speaker = attribution ? (attribution.speaker.length <= 3 && /^[a-z]/.test(attribution.speaker) ? context.previousSpeaker : attribution.speaker) : '';
  const citation: Citation = { articleId: context.articleId, quote: sentence, sentenceId: context.sentenceId };
  // A background figure (an earlier year) or a part of a total ("the dead included 12 …") is kept, never a series of its own.
  const aside = isBackground(scan, mention, context.year) ? 'background' : mention?.breakdown ? 'part' : '';
  const since = sinceYear(scan, mention);
  const across = scopeAfter.exec(after)?.[1];
  // "winds of 140 mph": the unit a speed is read with, looked for only near a word of one.
  const speedWritten = mention?.measures.some((m) => m.kind === 'speed') ? speedUnit.exec(after)?.[1] : undefined;
  const series = aside ? { key: `${unit}${value} ${aside}`, measure: '', label: '' } : changeOf(mention, seriesOf(sentence, withEarlierMeasure(scan, mention), counts, unit, c, speaker, speedWritten));
  // "140 mph": a speed is shown with its unit.
  const shownUnit = speedWritten && series.measure && measureById(series.measure)?.kind === 'speed' ? speedWritten : undefined;
  return {
    id: `${context.sentenceId}~${n}`,
    value,
    display: shownUnit ? `${c.display} ${shownUnit}` : c.display,
    unit,
    counts: counts || purpose,
    // A measured figure is keyed by what it measures, its unit and its place. Otherwise an amount
    // that says nothing of what it counts is a quantity of its own, never pooled; nor is one that
    // only says what it is for ("$20bn in damages" from one party, "$28bn in damages" from another).
    // "400 people were still being treated" and "2,500 people taking shelter" are no one series:
    // an unmeasured figure pools only by a counted noun that says what it counts.
    quantity: series.key || (series.label ? quantityKey(series.label, unit) : `${unit}${value} ${counts || purpose}`.trimEnd()),
    ...(series.measure ? { measure: series.measure } : {}),
    label: series.label,
    qualifier: qualifier.toLowerCase(),
    kind,
    speaker,
    via: attribution?.via ?? '',
    when: nearestTime((scan.times ??= timeMentions(sentence)), start, sentence),
    ...(since ? { since } : {}),
    ...(across ? { scope: across } : {}),
    earlier: isEarlier(clauseBefore, kind),
    citation,
  };
}

/**
 * How widely a figure was counted, said right after it: "90 in six US states", "at least 88
 * people across six states", "in 10 provinces". A count of places, not a place.
 */
const scopeAfter = new RegExp(
  String.raw`^\s+(?:(?:people|persons|deaths|dead|victims)\s+)?((?:in|across)\s+(?:at least\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:(?:US|U\.S\.|[A-Z][a-z]+ern)\s+)?(?:states|countries|nations|provinces|counties|regions|districts|prefectures|territories))\b`,
);

/**
 * Whether a number needs the full reading of its sentence: when the sentence names a measure, or
 * when the number says what it counts and so could be a key number (then its role is checked:
 * "402 Elm Avenue" is an address). Any other number is never shown, and its reading would be wasted.
 */
function needsMentions(scan: SentenceScan, start: number, after: string): boolean {
  if (scan.mentions) return true;
  if (!(scan.measured ??= hasMeasureWord(scan.text))) return countedNoun(countsAfter(after)) !== '' || /^\s*\S+(?:\s+\S+)?\s+of\s/.test(after);
  // A measure word near the number (the words that can govern it), or a number that says what it counts.
  // "N of the M flights scheduled … were cancelled": the part's predicate comes after the whole.
  return hasMeasureWord(scan.text.slice(Math.max(0, start - 90), start + (/^\s+(?:of|out of)\s/.test(after) ? 140 : 70))) || countedNoun(countsAfter(after)) !== '' || /^\s*\S+(?:\s+\S+)?\s+of\s/.test(after) || /^\s+(?:of|out of)\s/.test(after);
}

/** "down to 97 people from 115 people": the earlier value is of the measure of the value it is compared with. */
function withEarlierMeasure(scan: SentenceScan, mention: NumberMention | undefined): NumberMention | undefined {
  if (!mention || mention.measure) return mention;
  const all = scan.mentions ?? [];
  const previous = all[all.indexOf(mention) - 1];
  if (!previous?.measure || previous.unit !== mention.unit || previous.role !== 'figure') return mention;
  if (!/^[^.;:]{0,40}\b(?:from|up from|down from|instead of|rather than|compared with)\s+(?:\w+\s+){0,3}$/i.test(scan.text.slice(previous.end, mention.start))) return mention;
  return { ...mention, measure: previous.measure };
}

/** A number listed with a code ("call the hotline number or the line after it") is a code too. */
function isCodeListed(scan: SentenceScan, mention: NumberMention): boolean {
  const all = scan.mentions ?? [];
  const k = all.indexOf(mention);
  const previous = k > 0 ? all[k - 1] : undefined;
  return previous?.role === 'code' && /^\s*(?:or|and|,|\/)\s*$/i.test(scan.text.slice(previous.end, mention.start));
}

/** A difference ("fell by 12%", "overcounted by 30") is a series of its own beside the level it changes. */
function changeOf(mention: NumberMention | undefined, series: { key: string; measure: string; label: string }): { key: string; measure: string; label: string } {
  if (mention?.role !== 'change') return series;
  return { key: `${series.key || mention.display} change`, measure: series.measure, label: series.label && `change in ${series.label}` };
}

/**
 * A figure of an earlier event ("the 1990 storm killed 40 people"): its clause names a year
 * before the article's. It is kept as a figure, but is never part of the story's key numbers.
 * "Since 2022" counts up to now and is not background.
 */
function isBackground(scan: SentenceScan, mention: NumberMention | undefined, year: number | undefined): boolean {
  if (!mention) return false;
  // "It was valued at $80 billion before the outage": a value from before the event is its baseline, not its news.
  if (preEvent.test(scan.text.slice(mention.end, mention.clauseEnd))) return true;
  if (!year) return false;
  return (scan.mentions ?? []).some((m) => m.role === 'year' && m.clause === mention.clause && m.value < year && !sinceBefore(scan.text, m.start));
}

const preEvent = /^[^,;]{0,30}?\b(?:before|prior to)\s+(?:the|this|last\s+\w+'s)\s+(?:[a-z-]+\s+)?(?:outage|incident|disaster|quakes?|earthquakes?|storms?|hurricane|floods?|flooding|attacks?|crash|collapse|war|invasion|crisis|pandemic|outbreak|blast|explosion|fires?|wildfires?|eruption|disruption|strike|shooting)\b/i;

function sinceBefore(text: string, at: number): boolean {
  return /\bsince\s+(?:[\w'’-]+\s+){0,6}$/i.test(text.slice(Math.max(0, at - 60), at));
}

/**
 * A total counted from a year ("over $64 billion since the invasion in 2022") is marked with its
 * start, "since 2022", so that Key numbers never shows a running total as this week's figure.
 */
function sinceYear(scan: SentenceScan, mention: NumberMention | undefined): string {
  const from = mention && (scan.mentions ?? []).find((m) => m.role === 'year' && m.clause === mention.clause && m.start > mention.start && sinceBefore(scan.text, m.start));
  return from ? `since ${from.display}` : '';
}

/**
 * The series of a figure: with a measure, its key (unit, measure, place) and label; without one,
 * only a label when the counted noun says what is counted ('' when it does not: such a figure
 * is never a key number on its own).
 */
function seriesOf(sentence: string, mention: NumberMention | undefined, counts: string, unit: string, c: Candidate, speaker: string, speedWritten: string | undefined): { key: string; measure: string; label: string } {
  // "40 of the 600 flights": the whole a part is taken from does not have the part's measure.
  const whole = /\b(?:of|out of)\s+(?:the\s+)?(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, c.start - 30), c.start)) && /\d\s+(?:of|out of)\s/.test(sentence.slice(Math.max(0, c.start - 40), c.start));
  let measure = whole ? undefined : mention?.measure;
  // "winds of 140 mph": a speed is read with its unit, never from a count near a wind word.
  const speed = speedWritten ? mention?.measures.find((m) => m.kind === 'speed') : undefined;
  if (speed) measure = speed;
  else if (measure?.kind === 'speed') measure = undefined;
  // "25 feet below the surface": a measurement, not a count of what the clause measures; "16,400 rescue workers" counts workers.
  if (measure && measure.kind !== 'money' && measure.kind !== 'rate' && measure.kind !== 'speed' && mention && (isUnitPhrase(mention.counted) || measureInModifier(mention.counted, measure))) measure = undefined;
  // A cost or payment is an amount: a bare count near "cost" is not one.
  if (measure && (measure.kind === 'money') !== Boolean(unit && unit !== '%')) measure = undefined;
  // "over 100 aftershocks with magnitudes of 4 or more": a size is no count of things, and a threshold is no value.
  if (measure?.kind === 'size' && mention && (countedNoun(mention.counted) || /^\s+(?:or|and)\s+(?:more|higher|greater|above|over|larger|stronger)\b/i.test(sentence.slice(c.end, c.end + 20)))) measure = undefined;
  // "a second earthquake of magnitude 6.1", "another tremor of 5.2": the size of another event than the story's.
  if (measure?.kind === 'size' && mention && /\b(?:second|third|another|later|aftershocks?)\b(?![^,]*\bfirst\b)/i.test(sentence.slice(Math.max(mention.clauseStart, c.start - 60), c.start)))
    return { key: `${unit}${c.value} part`, measure: '', label: '' };
  if (measure) {
    // A speed is the storm's, wherever the sentence says it blew.
    const scope = mention && measure.kind !== 'speed' ? entityOf(sentence, mention) : undefined;
    const entity = scope?.place ?? '';
    // An amount is keyed by who it is of: "Norcorp's loss" and "the sector's losses" are two series.
    const bearer = measure.kind === 'money' && !entity && !scope?.part && mention ? bearerOf(sentence, mention) : undefined;
    // "12 died in parts of Rivertown", "the average loss per company": a part or a rate is kept, never a series of its own.
    if (scope?.part || bearer?.part) return { key: `${unit}${c.value} part`, measure: '', label: '' };
    // "…, the airline's chief said, has cost the airline $5 million": the speaker's organisation.
    const bearerName = bearer?.anaphor ? (/\bof\s+(?:the\s+)?([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})$/.exec(speaker)?.[1] ?? '') : bearer?.place ?? '';
    const label = bearerLabel(measureLabel(measure.id, measure.label, mention?.counted || counts, unit, entity), bearerName);
    const scopeKey = entity ? `@${entity.toLowerCase()}` : bearerName ? `@@${bearerName.toLowerCase()}` : '';
    // Miles and kilometres an hour are two series: their values never compare.
    const speedKey = measure.kind === 'speed' && speedWritten ? ` ${/^(?:mph|mile)/i.test(speedWritten) ? 'mph' : /^kn/i.test(speedWritten) ? 'kn' : 'km/h'}` : '';
    return { key: `${unit}=${measure.id}${thingOf(measure.id, mention?.counted || counts)}${scopeKey}${speedKey}`, measure: measure.id, label };
  }
  const noun = mention?.counted ?? counts;
  const thing = measuredThing(sentence, c.start, c.end, noun) || measuredThing(sentence, c.start, c.end, counts);
  // A measurement is keyed by the thing measured; one that does not say what it measures stands alone, unshown.
  if (thing) return { key: `${unit}~${thing.toLowerCase()}`, measure: '', label: thing };
  if (isUnitPhrase(noun) || isUnitPhrase(counts)) return { key: `${unit}${c.value} ${counts}`, measure: '', label: '' };
  const label = countedNoun(noun) || (noun === counts ? '' : countedNoun(counts));
  return { key: '', measure: '', label: unit === '%' ? shareOf(label) : label };
}

/** Measures that things take as well as people: their series are kept apart by what is counted ("dams destroyed" is not "homes destroyed"). */
const thingMeasures = new Set(['destroyed', 'affected', 'cancelled', 'delayed', 'recovered']);
/** Counted nouns that name people in general: "people affected" and "residents affected" are one series. */
const peopleNouns = /^(?:people|persons?|individuals?|residents?|civilians?|inhabitants|locals|others?|victims?|those)$/i;

/** The key part naming what a thing measure counts ("~dam"), or '' for people and for a count that does not say. */
function thingOf(measureId: string, counted: string): string {
  if (!thingMeasures.has(measureId)) return '';
  const noun = countedNoun(counted);
  const head = noun.split(/\s+/).at(-1) ?? '';
  // A capitalized head is a people ("Alden residents" aside, "Aldenians affected"): people, not things.
  return head && !peopleNouns.test(head) && !/^[A-Z]/.test(head) ? `~${stem(head.toLowerCase())}` : '';
}

/** Whether the clause before a figure calls it an earlier value ("up from 12", "the initial estimate"). */
function isEarlier(clauseBefore: string, kind: FigureKind): boolean {
  // "officials, who previously reported 30 deaths, now give 25": a cue before another number is that number's.
  const lastDigit = clauseBefore.search(/\d[^\d]*$/);
  const near = (lastDigit >= 0 ? clauseBefore.slice(lastDigit + 1).replace(/^[\d,.]*/, '') : clauseBefore).slice(-70);
  return (earlierCue.test(near) || (endsWithFrom(clauseBefore) && revisedFrom.test(clauseBefore.slice(-90)))) && !(kind === 'claim' && !/\bfrom\b/.test(near));
}

function isNotAFigure(digits: string, currency: string, scale: string, percent: string, before: string, after: string): boolean {
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true; // ordinals
  if (endsWithLetter(before)) return true; // F-16, G7, Covid-19
  if (isLetterAt(after)) return true; // 11Alive, the 70s, 5G
  if (after.charCodeAt(0) === 45 && unitModifier.test(after)) return true; // a 90-foot ship
  if (/^[-:/]\d/.test(after) || endsWithDigitAndSeparator(before)) return true; // ranges, times, dates
  if (after.charCodeAt(0) === 45 && (/^-(?:year|month|week|day)s?-old/i.test(after) || /^-year\b/i.test(after))) return true;
  if (currency || scale || percent) return false;
  if (!digits.includes(',')) {
    const value = Number(digits);
    if (value >= 1800 && value <= 2100) return true; // a year
  }
  if (monthBefore.test(tail(before, longestMonth)) || monthAfter.test(after)) return true; // a date
  if (numberedBefore.test(tail(before, longestNumbered))) return true;
  if (/^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries?|times)\b/i.test(after)) return true;
  return false;
}

const unitModifier = /^-(?:foot|feet|inch|mile|meter|metre|kilometer|kilometre|km|acre|ton|tonne|pound|gallon|litre|liter|degree|story|storey|lane|mph|point|page|member|seat)\b/i;

function isLetterAt(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const numberedBefore = /\b(?:no\.|number|page|chapter|article|section|route|room|flight|version)\s*$/i;
const longestNumbered = 'chapter'.length;
const longestMonth = 'september.'.length;
const longestQualifier = Math.max(...qualifiers.map((q) => q.length));

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

/** Char codes of `.,;:!?"')]`, which may end a word of the phrase. */
const trailingPunctuation = new Set([...'.,;:!?"\')]'].map((c) => c.charCodeAt(0)));

/** The noun phrase a number counts, read forward: "400 Alpine Aid volunteers arrived" → "Alpine Aid volunteers". */
function countsAfter(after: string): string {
  // Skip a conversion in brackets: "$27.5bn (£14.5bn) back tax bill".
  // The loop below reads at most six words (an "of" is followed by a word that ends it or is the fifth).
  const words = after.replace(/^\s*\([^)]{0,40}\)/, '').trimStart().split(/\s+/, 8);
  const out: string[] = [];
  for (const raw of words) {
    const word = trailingPunctuation.has(raw.charCodeAt(raw.length - 1)) ? raw.replace(/[.,;:!?"')\]]+$/, '') : raw;
    const lower = word.toLowerCase();
    if (lower === 'of' && ofHeads.has(out.at(-1)?.toLowerCase() ?? '')) {
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

/** Read backward when nothing follows: "special forces that could eventually number around 12,000" (`clauseBefore` is the clause up to the number). */
function countsBefore(clauseBefore: string): string {
  const words = clauseBefore.trim().split(/\s+/).reverse();
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

const modalAhead = /^\s*(?:\S+\s+){0,4}?(?:could|may|might|will|would|are expected|is expected)\b/i;
/** The kind of a figure, from the clause before it (`clauseBefore`, 120 characters at most) and the text after it. */
function kindOf(clauseBefore: string, after: string): FigureKind {
  const near = lastWords(clauseBefore, 9);
  if (claimCue.test(near)) return 'claim';
  if (projectionCue.test(near)) return 'projection';
  // The words after the number up to a comma, colon or dash; `modalAhead` reads at most six of them.
  const cut = after.search(/[,;:—]/);
  const following = cut < 0 ? after : after.slice(0, cut);
  if (!irregularSpace(following)) return modalAhead.test(following) ? 'projection' : 'estimate';
  return modalAhead.test(following.split(/\s+/, 9).join(' ')) ? 'projection' : 'estimate';
}

/** A time expression of a sentence and where it starts. */
interface TimeMention {
  readonly at: number;
  readonly text: string;
}

/** The time expressions of a sentence, found once however many figures it holds. */
function timeMentions(sentence: string): TimeMention[] {
  const out: TimeMention[] = [];
  timeRe.lastIndex = 0;
  for (let m = timeRe.exec(sentence); m; m = timeRe.exec(sentence)) out.push({ at: m.index, text: m[0] });
  return out;
}

/**
 * When a figure was reported, where the sentence says so: a time on the speech verb ("said on
 * Wednesday", "told reporters Tuesday"), an "as of", or a sentence that opens with it ("On
 * Friday, …"). A time elsewhere in the sentence is when something happened ("troops travelled
 * earlier this month", "the Feb. 6 quake"), not when the number was given, so it is left out.
 */
function nearestTime(times: readonly TimeMention[], position: number, sentence: string): string {
  let best = '';
  let distance = Infinity;
  for (const m of times) {
    const before = sentence.slice(Math.max(0, m.at - 40), m.at);
    const reported = m.at <= 3 || /\b(?:said|says|told|tells|announced|reported|estimated|confirmed|stated|added|warned|revised|updated)\b(?:\s+[\w'’-]+){0,3}\s*$/i.test(before) || /\bas of\s*$/i.test(before);
    if (!reported) continue;
    const d = Math.abs(m.at - position);
    if (d < distance) {
      distance = d;
      best = m.text.replace(/^on\s+/i, '');
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

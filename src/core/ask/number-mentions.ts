/**
 * Numbers in one sentence, each with what it counts: the measure named by the words that govern
 * it (the predicate, "were killed"; the governing noun, "death toll rose to"), the counted noun,
 * the unit, the qualifier, and the cues that mark it earlier, current, projected or claimed.
 * Dates, years, clock times, ages, durations, addresses, phone numbers and names with numbers
 * ("Category 4", "Route 66") are kept apart as non-figures.
 */
import { measureById, measureOfWord, weakMeasureWords, type Measure } from './measures.js';
import { cardinalWord, ordinalWord, scaleWord } from './number-words.js';
import { words, type Word } from './words.js';

export type MentionRole =
  /** A figure: a count, amount or rate. */
  | 'figure'
  /** A number that names something: "Category 4", "magnitude 7.8", "Route 66". */
  | 'label'
  | 'year'
  | 'date'
  | 'time'
  | 'age'
  | 'duration'
  | 'code'
  /** A difference, not a level: "overcounted by 30", "rose by 12". */
  | 'change'
  /** A proportion written as "one in four". */
  | 'ratio';

export interface NumberMention {
  readonly value: number;
  /** Upper end of a range ("between 4.3 and 5.2 billion"), else undefined. */
  readonly high?: number;
  /** As written, with its qualifier: "at least 4,120", "between $1.7 billion and $1.9 billion". */
  readonly display: string;
  readonly qualifier: string;
  /** `$`, `£`, `€`, `%`, or '' for a count. */
  readonly unit: string;
  readonly role: MentionRole;
  readonly start: number;
  readonly end: number;
  /** The counted noun phrase as written ("construction workers"), or ''. */
  readonly counted: string;
  /** Normalized head of the counted noun ("worker"), or ''. */
  readonly head: string;
  /** Normalized word the number labels ("category" in "Category 4"), or ''. */
  readonly label: string;
  readonly measure?: Measure;
  /** Every measure named near the number, nearest first. */
  readonly measures: readonly Measure[];
  /** Index of the clause within the sentence, and the clause's character range. */
  readonly clause: number;
  readonly clauseStart: number;
  readonly clauseEnd: number;
  readonly earlier: boolean;
  readonly current: boolean;
  readonly projection: boolean;
  readonly claim: boolean;
  /** Written as an ordinal ("the sixth victim"): a running count. */
  readonly ordinal: boolean;
  /** A part of a total or an addition to it: "the dead included 12 …", "another seven …", "one other …". */
  readonly breakdown: boolean;
}

const numberRe =
  /(?<![\w.,:])([$£€])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|tn|m|k)\b)?(?:\s?(%|percent\b|per cent\b))?(?:\s(dollars|euros|pounds)\b)?/gi;
const scalePowers: Record<string, number> = { thousand: 3, k: 3, million: 6, m: 6, billion: 9, bn: 9, trillion: 12, tn: 12 };
const monthRe = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const weekdayOrMonth = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
/** Counted nouns that are places or things, never people: "six states" cannot have been killed. */
const placeHeads = /^(?:states?|countr(?:y|ies)|provinces?|counties|county|districts?|cities|city|towns?|regions?|areas?|villages?|neighbou?rhoods?|continents?|locations?|sites?|nations?|islands?|municipalities|municipality)$/i;
/** Measures only people (or their bodies) can take. */
const humanMeasures = new Set(['deaths', 'injured', 'missing', 'displaced', 'evacuated', 'rescued', 'recovered', 'buried', 'arrested', 'hospitalized']);
const personWords = /^(?:people|persons?|residents?|workers?|soldiers?|troops?|children|child|men|man|women|woman|victims?|bodies|body|passengers?|civilians?|migrants?|refugees?|students?|patients?|others?|individuals?|crew|members?|officers?|firefighters?|employees?|staff|customers?|locals|villagers|inhabitants|adults?|teenagers?|minors?|pilgrims?|tourists?|climbers?|miners?|fishermen|sailors?|nationals?|citizens?|americans|britons|guests?|fans?|protesters?|demonstrators?|prisoners?|detainees?|suspects?|hostages?|survivors?|families|family|households?|lives)$/i;

function personHead(counted: string): boolean {
  const head = counted.split(' ').at(-1) ?? '';
  return personWords.test(head) || /(?:ers|ists|ians|ees)$/i.test(head);
}

const ratioWholes: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, 'a hundred': 100 };

/** Units of time a duration counts in. */
const durationUnit = '(?:second|minute|hour|day|week|month|year|decade|night)s?';
/** A number and its unit in one word: "three-month", "twenty-five-year". */
const hyphenDuration = new RegExp(`^([a-z]+(?:-[a-z]+)?)-${durationUnit}$`, 'i');
/** The unit joined to a number in digits: "10-day". */
const hyphenUnit = new RegExp(`^-${durationUnit}\\b`, 'i');
const durationWords = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|nights?)$/i;
const streetWords = /^(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|highway|hwy|route)$/i;
const qualifierWords = [
  'an estimated', 'estimated', 'at least', 'at most', 'more than', 'less than', 'fewer than', 'up to', 'as many as', 'as much as',
  'around', 'about', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'close to', 'just over', 'just under',
  'upwards of', 'in excess of', 'a total of', 'above', 'below', 'exceeding', 'only',
].sort((a, b) => b.length - a.length);
const qualifierAtEnd = new RegExp(`\\b(${qualifierWords.join('|')})\\s*$`, 'i');
/** Words that end a counted noun phrase. */
const phraseStop = new Set(
  ('the a an and or but to of in on at by for from with into as that which who whom whose than had have has were was is are be been ' +
    'being will would could may might can should did do does not this these those it its their his her our they he she we since after ' +
    'before during while when where because if so per each said says say according including across through over under between among ' +
    'against about around up down out off more less still now also already reportedly although though because unless whereas yet near below above outside inside within toward towards beyond due thanks owing') .split(' '),
);
const earlierCue = /\b(?:previously|initially|originally|formerly|earlier|previous|initial|original|prior|first|before|had put|had been put|up from|down from|instead of|rather than|from)\W*(?:\w+\W+){0,3}$/i;
/** "had previously put the death toll in Norland at 5,500": an earlier figure, the cue further back than `earlierCue` reaches. */
const earlierPut = /\b(?:previously|initially|originally|earlier|had)\s+(?:had\s+)?(?:put|placed|set|pegged|estimated)\s+[^,;.]{0,60}?\b(?:at|as)\s+(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+)?$/i;
const earlierAfter = /^[^,;]{0,40}\b(?:previously|earlier|initially|originally|before)\W*$/i;
const currentCue = /\b(?:now|latest|new|revised|updated|currently|instead|still|later (?:report|situation report|update|figures?)|in a later|stands? at|stood at|has risen to|have risen to|rose to|risen to|climbed to|reached|has reached|passed|to date|so far)\b/i;
const projectionCue = /\b(?:could|may|might|would|will|expected|expects|projected|projects|projection|forecasts?|forecasted|likely|potentially|predicted|predicts|feared to)\b/i;
const claimCue = /\b(?:warned|warns|claimed|claims|alleged|alleges|accused|threatened|insisted|boasted)\b(?!\s+the\s+lives)/i;
const clauseBreak = /[;:—()[\]]|,\s(?=(?:while|but|whereas|although|though|with|bringing|taking|making|leaving|compared)\b)|\s(?=(?:while|whereas)\b)/g;

const bodyWords = /\b(?:bod(?:y|ies)|remains)\b/i;
const recovered = measureById('recovered')!;
const deaths = measureById('deaths')!;
const outages = measureById('outages')!;

/** A measure word under negation: "have yet to be recovered", "were not killed". */
function negated(sentence: string, w: Word): boolean {
  return /\b(?:not|no|never|yet to(?: be)?|n't|without)\s+(?:\w+\s+){0,2}$/i.test(sentence.slice(Math.max(0, w.start - 30), w.start));
}

interface RawNumber {
  value: number;
  unit: string;
  start: number;
  end: number;
  text: string;
  ordinal: boolean;
  scaled: boolean;
}

/** Digits and number words of a sentence, in order. */
function rawNumbers(sentence: string, ws: readonly Word[]): RawNumber[] {
  const out: RawNumber[] = [];
  for (const m of sentence.matchAll(numberRe)) {
    const [text, currency, digits, scale, percent, unitWord] = m;
    if (!digits) continue;
    const power = scale ? scalePowers[scale.toLowerCase()] ?? 0 : 0;
    if (scale && /^[mk]$/i.test(scale) && !currency) {
      // "5 m" and "5 k" are a distance or a keyboard, not millions, without a currency sign.
      const bare = text.slice(0, text.length - (percent?.length ?? 0)).replace(/\s?[mk]$/i, '');
      out.push({ value: Number(digits.replace(/,/g, '')), unit: '', start: m.index, end: m.index + bare.trimEnd().length, text: bare.trimEnd(), ordinal: false, scaled: false });
      continue;
    }
    const value = Number(`${digits.replace(/,/g, '')}e${power}`);
    const unit = currency ?? (percent ? '%' : unitWord ? { dollars: '$', euros: '€', pounds: '£' }[unitWord.toLowerCase()] ?? '' : '');
    const trimmed = text.trimEnd();
    out.push({ value, unit, start: m.index, end: m.index + trimmed.length, text: trimmed, ordinal: false, scaled: Boolean(scale) });
  }
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (out.some((n) => w.start >= n.start && w.start < n.end)) continue;
    // "a three-month state of emergency": a number word joined to its unit is a duration (see `roleOf`).
    const joined = hyphenDuration.exec(w.lower);
    if (joined && cardinalWord(joined[1]!) !== undefined) {
      out.push({ value: cardinalWord(joined[1]!)!, unit: '', start: w.start, end: w.end, text: w.text, ordinal: false, scaled: false });
      continue;
    }
    const card = cardinalWord(w.lower);
    const ord = card === undefined ? ordinalWord(w.lower) : undefined;
    if (card === undefined && ord === undefined) continue;
    if (card === 1 && !/^one$/i.test(w.text)) continue;
    let value = card ?? ord!;
    let end = w.end;
    const next = ws[i + 1];
    const scale = next ? scaleWord(next.lower) : undefined;
    if (scale && card !== undefined) {
      value *= scale;
      end = next!.end;
    }
    if (ord !== undefined && (w.lower === 'first' || w.lower === 'second')) continue; // "first" and "second" are rarely counts
    out.push({ value, unit: '', start: w.start, end, text: sentence.slice(w.start, end), ordinal: ord !== undefined, scaled: Boolean(scale) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Index of the first word at or after a character offset. */
function wordAt(ws: readonly Word[], offset: number): number {
  let i = 0;
  while (i < ws.length && ws[i]!.end <= offset) i++;
  return i;
}

function clauseOf(breaks: readonly number[], offset: number): number {
  let c = 0;
  while (c < breaks.length && breaks[c]! <= offset) c++;
  return c;
}

function roleOf(sentence: string, n: RawNumber, ws: readonly Word[], before: Word | undefined, after: Word | undefined): { role: MentionRole; label: string } {
  const tailText = sentence.slice(n.end, n.end + 24);
  const headText = sentence.slice(Math.max(0, n.start - 24), n.start);
  if (/^-?\s?(?:year|month|week|day)s?-old\b/i.test(tailText)) return { role: 'age', label: '' };
  if (/^:\d\d|^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)/i.test(tailText) || /\d:$/.test(headText)) return { role: 'time', label: '' };
  if (/^\d{1,2}[:/]|^\/\d/.test(sentence.slice(n.start)) || /\d[/-]$/.test(headText) || /^-\d/.test(tailText)) {
    if (!/^\d+-\d+\b/.test(sentence.slice(n.start)) || /\d\/$/.test(headText)) return { role: 'date', label: '' };
  }
  if ((before && monthRe.test(before.text.replace(/\.$/, ''))) || (after && monthRe.test(after.text) && n.value <= 31 && !n.unit)) return { role: 'date', label: '' };
  const hyphenWord = /^-([a-z]+)/i.exec(tailText)?.[1];
  if (hyphenWord && /^(?:magnitude|category|level)$/i.test(hyphenWord)) return { role: 'label', label: hyphenWord.toLowerCase() };
  if (!n.unit && !n.scaled && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && /^\d{4}$/.test(n.text)) return { role: 'year', label: '' };
  if (!n.unit && (hyphenDuration.test(n.text) || hyphenUnit.test(tailText))) return { role: 'duration', label: '' };
  if (after && durationWords.test(after.text) && !n.unit) {
    // "100 years ago", "two weeks later" say when, not how long.
    return /^\s?\S+\s+(?:ago|earlier|later|before|after|since)\b/i.test(tailText) ? { role: 'date', label: '' } : { role: 'duration', label: '' };
  }
  if (after && after.capital && streetWords.test(ws[ws.indexOf(after) + 1]?.text ?? '')) return { role: 'code', label: '' };
  if (/^\s?(?:and\s)?(?:non-emergency\s)?(?:call|calls|hotline|line|dispatch)\b/i.test(tailText) || /\b(?:call|dial|text)\s$/i.test(headText)) return { role: 'code', label: '' };
  if (/^\(\d+\)$/.test(sentence.slice(n.start - 1, n.end + 1))) return { role: 'code', label: '' };
  if (/^\s?\(/.test(sentence.slice(n.end, n.end + 2)) === false && /,\s$/.test(headText) && /^,/.test(tailText) && before?.capital && !n.unit && n.value < 120) return { role: 'age', label: '' };
  // "Category 4", "Route 66", "magnitude 7.8": a word that the number names.
  if (before && !n.unit && !/^\d/.test(before.text)) {
    const lower = before.lower;
    if (/^(?:magnitude|category|level|phase|stage|grade|number|no|route|flight|gate|platform|terminal|chapter|article|section)$/.test(lower) || (before.capital && !before.acronym && !/[,.;:]/.test(sentence.slice(before.end, n.start)) && ws.indexOf(before) > 0 && !qualifierAtEnd.test(headText) && !weekdayOrMonth.test(before.text))) {
      return { role: 'label', label: before.norm };
    }
  }
  return { role: 'figure', label: '' };
}

/** The counted noun phrase after a number: up to four content words ("active duty troops"). */
function countedAfter(sentence: string, ws: readonly Word[], from: number, endOffset = -1): { text: string; head: string; end: number } {
  const phrase: Word[] = [];
  // "20,000, based on …": punctuation right after the number means it counts nothing named here.
  if (endOffset >= 0 && ws[from] && /[,;:.!?)"(]/.test(sentence.slice(endOffset, ws[from]!.start))) return { text: '', head: '', end: from };
  for (let i = from; i < ws.length && phrase.length < 4; i++) {
    const w = ws[i]!;
    if (/^\d/.test(w.text) || (w.stop && !w.acronym) || phraseStop.has(w.lower)) break;
    if (phrase.length && /[,;:.!?)"]/.test(sentence.slice(ws[i - 1]!.end, w.start))) break;
    phrase.push(w);
  }
  // A name after a common noun is the object of a verb between them: "earthquake hit Norland" counts earthquakes.
  const named = phrase.findIndex((w, k) => k >= 2 && w.capital && !phrase[k - 1]!.capital && !phrase[k - 1]!.acronym);
  if (named > 0) phrase.length = named - 1;
  // A past participle ends the noun phrase: "flights scheduled", "people killed".
  while (phrase.length > 1 && /(?:ed|en)$/.test(phrase.at(-1)!.lower) && !/(?:ed|en)$/.test(phrase[0]!.lower)) phrase.pop();
  // A verb with its object is not part of it: "vehicles cross the bridge".
  const after = ws[ws.indexOf(phrase.at(-1)!) + 1];
  if (phrase.length > 1 && after && /^(?:the|a|an|this|their|its|his|her|our|some|into|onto)$/.test(after.lower) && !/[,;:.!?)"]/.test(sentence.slice(phrase.at(-1)!.end, after.start))) phrase.pop();
  // Nor a participle with its agent, however it is spelled: "provinces hit by the storm", "homes swept by".
  else if (phrase.length > 1 && after?.lower === 'by') phrase.pop();
  const head = phrase.at(-1);
  // As written: a number that names with the words around it stays ("Norcorp 500 companies").
  const text = phrase.length ? sentence.slice(phrase[0]!.start, phrase.at(-1)!.end).replace(/\s+/g, ' ') : '';
  return { text, head: head?.norm ?? '', end: head ? ws.indexOf(head) + 1 : from };
}

/** Every number of a sentence, with what it measures. */
export function numberMentions(sentence: string): NumberMention[] {
  const ws = words(sentence);
  const raws = rawNumbers(sentence, ws);
  const breaks = [...sentence.matchAll(clauseBreak)].map((m) => m.index);
  const inside = (w: Word): boolean => raws.some((n) => w.start >= n.start && w.start < n.end);
  const outer = ws.filter((w) => !inside(w));
  const mentions: NumberMention[] = [];
  let skipUntil = -1;
  raws.forEach((n, k) => {
    if (n.start < skipUntil) return;
    // Ranges: "between A and B", "A to B", "A-B".
    let high: RawNumber | undefined;
    const next = raws[k + 1];
    if (next) {
      const gap = sentence.slice(n.end, next.start);
      if (/^\s?(?:-|to|and)\s?$/i.test(gap) && (/^\s?(?:-|to)\s?$/i.test(gap) || /\bbetween\s+$/i.test(sentence.slice(0, n.start))) && next.value >= n.value) high = next;
    }
    // "between 4.3 and 5.2 billion dollars": the scale and unit of the high end apply to both.
    let value = n.value;
    const unit = n.unit || high?.unit || '';
    if (high && !n.scaled && high.scaled && high.value >= 1000 && n.value < 1000) value = n.value * (high.value / Number(high.text.replace(/[^\d.]/g, '').replace(/^(\d+(?:\.\d+)?).*/, '$1')));
    const end = high ? high.end : n.end;
    if (high) skipUntil = high.end;
    const iBefore = wordAt(outer, n.start) - 1;
    const before = iBefore >= 0 ? outer[iBefore] : undefined;
    const iAfter = wordAt(outer, end);
    const after = outer[iAfter];
    const head = sentence.slice(0, n.start);
    const ofWholeAhead = Boolean(raws[k + 1]) && /^\s(?:of|out of)\s(?:the\s)?(?:\w+\s)?$/i.test(sentence.slice(end, raws[k + 1]?.start ?? end));
    const typed = roleOf(sentence, { ...n, end }, outer, before, after);
    const { label } = typed;
    // "one in four companies" is a ratio; "risen to 90 in six states" is a count over six states.
    const inEvery = /^\s+in\s+(?:every\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|a hundred)\b/i.exec(sentence.slice(end, end + 20));
    // The whole of a ratio ("four" in "one in four") counts nothing either.
    const ofEvery = /\b(one|two|three|four|five|\d{1,2})\s+in\s+(?:every\s+)?$/i.exec(head);
    const ratio = (inEvery !== null && n.value < (ratioWholes[inEvery[1]!.toLowerCase()] ?? Number(inEvery[1]))) || (ofEvery !== null && (cardinalWord(ofEvery[1]!.toLowerCase()) ?? Number(ofEvery[1])) < n.value);
    const role: MentionRole =
      typed.role === 'figure' && /\bby\s+(?:as many as |as much as |about |around |nearly |almost |more than |some |roughly |over )?$/i.test(head) ? 'change' : typed.role === 'figure' && ratio ? 'ratio' : typed.role;
    const breakdown =
      /\b(?:included|including|includes|include|among them|of them|of whom|another|an additional|a further|offset of|offset by)\s+(?:\w+\s+){0,2}[$£€]?$/i.test(head) ||
      /^\s+others?\b/i.test(sentence.slice(end, end + 9)) ||
      (/^\s+of (?:the|its|their|his|her|those|these)\b/i.test(sentence.slice(end, end + 12)) && !ofWholeAhead) ||
      // "11 additional deaths", "one more death": an addition to a total, not the total.
      /^\s+(?:additional|more|further|extra)\s+[a-z]/i.test(sentence.slice(end, end + 20));
    const isWhole = k > 0 && /\bof\s+(?:the\s+)?(?:around\s+|about\s+|some\s+|nearly\s+)?$/i.test(sentence.slice(raws[k - 1]!.end, n.start)) && sentence.slice(raws[k - 1]!.end, n.start).length < 22;
    const qualifier = (qualifierAtEnd.exec(head.replace(/\bbetween\s+$/i, ''))?.[1] ?? (high && /\bbetween\s+$/i.test(head) ? 'between' : '')).toLowerCase();
    const qStart = qualifier ? head.toLowerCase().lastIndexOf(qualifier) : n.start;
    const display = sentence.slice(qStart, end).replace(/\s+/g, ' ');
    // The counted noun; "2,740 of the around 60,000 flights": the part takes the whole's noun.
    let counted = countedAfter(sentence, outer, iAfter, end);
    const ofWhole = /^\s(?:of|out of)\s(?:the\s)?(?:\w+\s)?$/i.exec(sentence.slice(end, raws[k + 1]?.start ?? end));
    if (!counted.text && ofWhole && raws[k + 1]) counted = countedAfter(sentence, outer, wordAt(outer, raws[k + 1]!.end));
    else if (counted.text && /^\s?of\s/i.test(sentence.slice(end)) === false && /^(?:of)$/i.test(outer[counted.end]?.lower ?? '') && /^(?:percent|%|per|share|half|third|quarter)/i.test(counted.text)) {
      counted = countedAfter(sentence, outer, counted.end + 1);
    }
    // "10 of the provinces": a part counts what it is a part of.
    const partOf = /^\s+of\s+(?:the|its|their)\s+/i.exec(sentence.slice(end, end + 14));
    if (!counted.text && !unit && partOf && !ofWhole) counted = countedAfter(sentence, outer, wordAt(outer, end + partOf[0].length));
    // "less than 1 percent of computers": a share counts what it is a share of.
    if (!counted.text && unit === '%' && outer[iAfter]?.lower === 'of' && outer[iAfter]!.start - end < 3) counted = countedAfter(sentence, outer, iAfter + 1);
    const clause = clauseOf(breaks, n.start);
    const clauseStart = clause > 0 ? breaks[clause - 1]! : 0;
    const clauseEnd = clause < breaks.length ? breaks[clause]! : sentence.length;
    // The words that govern the number: before it back to the previous number or a conjunction, after it to the next number.
    const prevEnd = mentions.length ? mentions.at(-1)!.end : clauseStart;
    let windowStart = Math.max(clauseStart, prevEnd);
    const gapBefore = sentence.slice(windowStart, n.start);
    const conj = Math.max(gapBefore.lastIndexOf(' and '), gapBefore.lastIndexOf(', '), gapBefore.lastIndexOf(' while '));
    // "Hundreds remain missing …, and on Friday, 1,000 troops arrived": a new coordinated clause starts the window.
    const coordinated = Math.max(gapBefore.lastIndexOf(', and '), gapBefore.lastIndexOf(', but '), gapBefore.lastIndexOf('; '));
    if (mentions.length && prevEnd > clauseStart && conj >= 0) windowStart += conj + 1;
    else if (coordinated >= 0) windowStart += coordinated + 2;
    // "200 people across at least six states were killed": a count of places in between is a modifier; the predicate is beyond it.
    const nextIndex = raws.findIndex((r) => r.start >= end);
    const next2 = raws[nextIndex];
    const placeModifier =
      next2 !== undefined &&
      /\b(?:across|in|throughout|from|over)\s+(?:(?:at least|more than|some|about|nearly|over)\s+)?$/i.test(sentence.slice(end, next2.start)) &&
      placeHeads.test(/^\s*([A-Za-z]+)/.exec(sentence.slice(next2.end))?.[1] ?? '');
    const nextStart = ofWhole ? sentence.length : ((placeModifier ? raws[nextIndex + 1] : next2)?.start ?? sentence.length);
    // "a total of 5,000 since Friday, and delayed another 1,700": a coordinated clause after the number is another predicate's.
    const coordinatedAfter = /,\s+(?:and|but)\s+|;\s/.exec(sentence.slice(end, Math.min(clauseEnd, nextStart)));
    const windowEnd = coordinatedAfter ? end + coordinatedAfter.index : Math.min(clauseEnd, nextStart);
    const beforeWords = outer.filter((w) => w.start >= windowStart && w.end <= n.start).slice(-9);
    const afterWords = outer.filter((w) => w.start >= end && w.end <= windowEnd).slice(0, ofWhole || n.ordinal ? 12 : 10);
    const found: { m: Measure; d: number }[] = [];
    const unitKind = unit === '%' ? 'rate' : unit ? 'money' : 'count';
    // "884,000 people in five provinces live in areas affected": a count of places is no count of people.
    const countsPlaces = counted.text.split(' ').some((w) => placeHeads.test(w));
    const consider = (w: Word, d: number): void => {
      const m =
        (unitKind === 'money' ? measureOfWord(w.norm, 'money') : unitKind === 'count' && !/^(?:lost|lose|losing)$/.test(w.lower) ? measureOfWord(w.norm, 'any-but-money') : measureOfWord(w.norm)) ??
        (/^(?:found|located|pulled)$/.test(w.lower) && bodyWords.test(sentence) ? recovered : undefined);
      if (!m || negated(sentence, w)) return;
      if (unitKind === 'money' && m.kind !== 'money') return;
      if (countsPlaces && m.kind === 'count') return;
      // People are killed or injured, not "destroyed or damaged": that measure is for things.
      if (m.id === 'destroyed' && counted.head && personHead(counted.text)) return;
      // "two upstream dams burst … thousands missing": people-only measures need people (or nothing) counted.
      if (humanMeasures.has(m.id) && counted.head && !personHead(counted.text) && !measureOfWord(counted.head)) return;
      found.push({ m, d: d + (weakMeasureWords.has(w.norm) ? 2 : 0) });
    };
    beforeWords.forEach((w, i) => beforeWords.length - i <= 7 && consider(w, beforeWords.length - i + 0.5));
    afterWords.forEach((w, i) => consider(w, i + 1));
    // "The number of people killed … has now passed 50,000", "the death toll from the quakes that hit
    // the region has risen to 7,300": a number in predicate position takes its measure from the clause's
    // subject, ahead of a measure word in a relative clause nearer to it.
    const predicate = /\b(?:passed|reached|reach|rose to|risen to|climbed to|jumped to|stood at|stands at|is|was|were|are|be|been|hit|topped|exceeded|surpassed|totaled|totalled|amounted to|at|to)\s+(?:[a-z]+\s+){0,2}$/i.test(sentence.slice(clauseStart, n.start));
    if (predicate) {
      const inClause = outer.filter((w) => w.start >= clauseStart && w.end <= n.start);
      // "It confirmed that the number of …": the subject is the complement clause's.
      const complement = inClause.findIndex((w, i) => w.lower === 'that' && /^(?:the|a|an)$/.test(inClause[i + 1]?.lower ?? ''));
      const clauseWords = complement >= 0 ? inClause.slice(complement + 1) : inClause;
      const subjectEnd = clauseWords.findIndex((w, i) => i > 0 && /^(?:that|which|who|has|have|had|is|was|were|are|rose|climbed|reached|stood|stands|now)$/i.test(w.lower));
      const subject = clauseWords.slice(0, subjectEnd > 0 ? subjectEnd : Math.min(8, clauseWords.length));
      const governing = subject.filter((w) => /^(?:toll|tolls|number|total|tally|count|figure)$/i.test(w.lower));
      if (governing.length) subject.forEach((w) => consider(w, 0.25));
      // "the number of people who were evacuated from the affected areas reached 500": the relative clause on the subject says what it counts.
      if (governing.length && subjectEnd > 0 && /^(?:that|which|who)$/i.test(clauseWords[subjectEnd]!.lower)) clauseWords.slice(subjectEnd + 1, subjectEnd + 4).forEach((w) => consider(w, 0.3));
      if (!found.length) clauseWords.forEach((w, i) => consider(w, clauseWords.length - i + 9));
    }
    // "took the lives of 40 people", "40 people lost their lives": deaths.
    if (/\b(?:took|taken|taking|claimed|claiming|cost|costing)\s+the\s+lives\s+of\s+(?:at least |more than |some |about |nearly |over )?$/i.test(sentence.slice(0, n.start)) || /^\s+(?:[a-z]+\s+){0,2}(?:lost|losing|have lost|had lost)\s+their\s+lives\b/i.test(sentence.slice(end, end + 50)))
      found.push({ m: deaths, d: 0 });
    // "600,000 people remained without power", "200,000 homes lost power": people in an outage.
    if (/^\s+(?:[a-z]+\s+){0,3}(?:without|lost|losing|lose)\s+(?:power|electricity)\b/i.test(sentence.slice(end, end + 60))) found.push({ m: outages, d: 0 });
    // "The body of the sixth victim was found", "the bodies of two workers were recovered": a recovery count.
    if (/\b(?:bod(?:y|ies)|remains) of (?:the |a |an )?$/i.test(sentence.slice(0, n.start)) && /\b(?:found|recovered|retrieved|pulled|located|identified)\b/i.test(sentence)) found.push({ m: recovered, d: 0 });
    found.sort((a, b) => a.d - b.d);
    // "2,740 of the around 60,000 flights … were cancelled": the predicate is the part's, not the whole's.
    const measures = isWhole ? [] : [...new Set(found.map((f) => f.m))];
    const beforeText = sentence.slice(windowStart, n.start);
    const clauseText = sentence.slice(clauseStart, clauseEnd);
    const clauseBefore = sentence.slice(clauseStart, n.start);
    mentions.push({
      value,
      ...(high ? { high: high.value } : {}),
      display,
      qualifier,
      unit,
      role,
      start: qStart,
      end,
      counted: counted.text,
      head: counted.head,
      label,
      ...(measures[0] ? { measure: measures[0] } : {}),
      measures,
      clause,
      clauseStart,
      clauseEnd,
      earlier: earlierCue.test(beforeText) || earlierPut.test(clauseBefore) || earlierAfter.test(sentence.slice(end, windowEnd)),
      current: currentCue.test(clauseBefore),
      projection: projectionCue.test(clauseBefore),
      claim: claimCue.test(clauseText),
      ordinal: n.ordinal,
      breakdown,
    });
  });
  return partsOfWholes(inheritMeasures(mentions, sentence));
}

/**
 * "at least two of five deaths": where the whole's own noun names the measure, the whole is the
 * count and the part only a breakdown of it. ("40 of the 600 flights were cancelled" is unlike it:
 * there the predicate measures the part, and the whole counts flights.)
 */
function partsOfWholes(mentions: NumberMention[]): NumberMention[] {
  return mentions.map((m, i) => {
    const whole = mentions[i + 1];
    if (!whole || !m.measure || m.breakdown || m.role !== 'figure' || whole.role !== 'figure') return m;
    const own = whole.head ? measureOfWord(whole.head) : undefined;
    if (own?.id !== m.measure.id || whole.measure) return m;
    return { ...m, breakdown: true };
  }).map((m, i, all) => {
    const part = all[i - 1];
    if (!part?.breakdown || m.measure || !part.measure || !m.head || measureOfWord(m.head)?.id !== part.measure.id) return m;
    return { ...m, measure: part.measure, measures: [part.measure, ...m.measures] };
  });
}

/** "1,204 people had died in the north and 380 in the south": an elliptical count takes its neighbour's measure and noun. */
function inheritMeasures(mentions: NumberMention[], sentence: string): NumberMention[] {
  return mentions.map((m, i) => {
    if (m.role !== 'figure' || m.measure || m.counted) return m;
    const prev = mentions.slice(0, i).reverse().find((p) => p.role === 'figure' && p.measure && p.unit === m.unit);
    const next = mentions.slice(i + 1).find((p) => p.role === 'figure' && p.measure && p.unit === m.unit);
    const gapPrev = prev ? sentence.slice(prev.end, m.start) : '';
    const source = prev && /\b(?:and|while|with|plus|bringing|taking|to)\b|,/.test(gapPrev) ? prev : next && /^\W*(?:and|or|to|-)\W/.test(sentence.slice(m.end, next.start) + ' ') ? next : undefined;
    if (!source) return m;
    return { ...m, measure: source.measure!, measures: [source.measure!, ...m.measures], counted: source.counted, head: source.head };
  });
}

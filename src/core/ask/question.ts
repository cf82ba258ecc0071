/**
 * What a question asks: its type (a number, a speaker of a quote, a person or body, a place, a
 * time, a reason, yes or no, or a fact), its focus (what is counted, the measure), and its
 * constraints (source, order, kind). Hedges and chat phrasing are dropped before anything is matched.
 */
import { measureById, measureOfWord, weakMeasureWords, type Measure } from './measures.js';
import { words, type Word } from './words.js';
import type { Dimension } from './units.js';

export type QuestionType = 'number' | 'quote' | 'who' | 'where' | 'when' | 'why' | 'yesno' | 'fact';
export type Order = 'latest' | 'first' | 'previous';

export interface Question {
  readonly text: string;
  readonly type: QuestionType;
  /** The measure asked for ("death toll" → deaths). */
  readonly measure?: Measure;
  /** Normalized head of the counted noun ("how many flights" → flight), or ''. */
  readonly focus: string;
  /** For "what category/magnitude was it": the word a number labels. */
  readonly label: string;
  /** "How strong was it?": with no measure named, the event's size or speed (a magnitude, a category, a wind speed) answers. */
  readonly strength: boolean;
  /**
   * "How deep / wide / tall / high / far": a length answers ('length'); "how much rain": an amount
   * in a unit of measurement ('amount', with what is measured in `focus`); else undefined.
   */
  readonly dimension?: Dimension;
  /** `$` (money), `%` (a share), `time` (a duration: "how long"), or '' (any). */
  readonly unit: string;
  /** A currency the question names ("in euros" → `€`; "in roubles" → the word), or ''. */
  readonly currency: string;
  readonly order: Order;
  /** Whether the question says it wants the latest ("now", "latest", "so far"), not only by default. */
  readonly asksLatest: boolean;
  readonly wantsProjection: boolean;
  readonly wantsClaim: boolean;
  /** Words naming who gave the answer ("according to Vellum Analytics", "Norcorp's CEO", "did X say"). */
  readonly source: readonly Word[];
  /** Content words the answer's sentence should carry (focus, entity, time; not scaffolding). */
  readonly terms: readonly Word[];
  /** Terms of a time clause ("before X was counted"): weak evidence, weighed lightly. */
  readonly soft: readonly Word[];
  /** What the answer leaves out ("before the capital was counted", "excluding the capital"): a figure that names it is no answer. */
  readonly excluded: readonly Word[];
  /** Numbers the question itself names (never the answer to a number question). */
  readonly numbers: readonly number[];
  /** A quotation the question asks about. */
  readonly quote: string;
  /** For "which river", "which agency": the kind of thing asked for. */
  readonly kindNoun: string;
  /** For yes/no: who or what the question is about ("Did [the Alpine Aid] stand behind …"). */
  readonly subject: readonly Word[];
  /** "How much did [airlines] lose?": who gained, lost, paid or spent the amount; the figure's sentence must name them. */
  readonly payer: readonly Word[];
  /** Main verbs of the question (normalized), which a who/when/yes-no answer must share. */
  readonly verbs: readonly string[];
}

/** Words that shape a question but say nothing about its subject, and hedges. */
const scaffold = new Set(
  ('what whats which who whom whose how many much when where why is are was were did does do done the a an of latest current currently newest ' +
    'recent most now so far still yet number figure figures estimate estimates estimated give gave given just only answer please tell me ' +
    'know roughly approximately about around rough fine exactly actually really right away ok okay hey bot sitrep reported report reports ' +
    'according say said says put end ended up very first initial initially earliest original originally previous previously earlier prior ' +
    'last final finally total totals tally count latest figure official officially overall known there any anyone ever thing things ' +
    'kind sort like happen happened expected expect supposed could would might may can will should be been being have has had get got ' +
    'high low big large great fast strong powerful go went come came reach reached level share percentage percent proportion people person according ' +
    'compared comparison versus vs between agree agreed sources source make made making take took taken held hold holding remain remains remained remaining dollars dollar euros euro pounds sterling roubles rubles yen yuan rupees thousand thousands million millions billion billions trillion').split(' '),
);

const orderLatest = /\b(latest|now|current(?:ly)?|so far|still|remain(?:s|ing)?|most recent|newest|end(?:ed)? up|final(?:ly)?|to date|today|updated|last)\b/i;
const orderFirst = /\b(first|initial(?:ly)?|earliest|original(?:ly)?|right after|at first|early on|start|beginning|came up with|come up with|originated|before .{1,40} (?:was |were )?(?:counted|included))\b/i;
const orderPrevious = /\b(earlier|previous(?:ly)?|prior|before that|had .{1,40}earlier|before (?:the|its|any|a) (?:revision|correction|recount|update)|before (?:the|its|a|an) [\w'’,. ]{0,40}\b(?:figure|estimate|toll|count|tally|number)\b|before (?:it|they|the \w+) (?:was|were) (?:revised|corrected|lowered|updated))\b/i;
const projectionWords = /\b(could|would|might|may|will|expected|expect|projects?|projected|projection|forecasts?|predicts?|predicted|eventually|potentially|how high|reach)\b/i;
const claimWords = /\b(warn|warned|warning|claim|claimed|claims|alleged|allege)\b/i;
const auxStart = /^(did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b/i;
const quoteRe = /"([^"]{8,})"/;
/** "who put out the statement that …", "who said that …": an unquoted quotation. */
const unquoted = /\b(?:said|say|says|statement|wrote|tweeted|stated|saying|claimed|warned|argued|insisted)\s+(?:that\s+)?(.{12,}?)\??$/i;
/** Verbs that say only that something happened to what a number counts. */
const genericVerb = /^(?:affected|impacted|hit|touched|involved)$/;
/** Kinds of named things, not people, a question may ask the name of ("What ship …", "Which storm …"). */
export const thingKinds = 'ship|vessel|boat|tanker|freighter|ferry|plane|aircraft|jet|airline|carrier|company|firm|bank|insurer|storm|hurricane|typhoon|cyclone|volcano|software|product|app|drug|vaccine|virus|variant|operation|law|bill|treaty|dam|levee|reservoir|bridge|tunnel|highway|hospital|school|plant|reactor|mine|factory|pipeline';

/** Past forms that end no "-ed", after which the counted noun has ended: "how much rain fell". */
const irregularPast = new Set(['fell', 'rose', 'grew', 'sank', 'went', 'came', 'froze', 'blew', 'spread']);

/** What a question about a size or an amount of something other than money is answered in (`Question.dimension`). */
function dimensionOf(lower: string, unit: string, measure: Measure | undefined, focus: Word | undefined): { dimension?: Dimension } {
  // "How high could the toll go?" asks a count, not a height.
  if (measure || unit) return {};
  if (/\bhow (?:deep|wide|tall|high|far)\b/.test(lower)) return { dimension: 'length' };
  if (focus && /\bhow much\b/.test(lower) && !measureOfWord(focus.norm)) return { dimension: 'amount' };
  return {};
}

/** "How strong was it?" */
const asksStrength = /\bhow (?:strong|powerful|intense)\b|^(?:what|how) (?:was|is|were) (?:the )?[\w'’-]+(?:'s|’s)? (?:strength|intensity|power)\b/;
/** "What did the agency project?": a question for the projected figure of whoever it names. */
const projectsQuestion = /^what (?:did|does|do) (?:\S+ ){1,5}(?:project|forecast|predict)\W*$/;

const noSource = /,?\s*\baccording to (?:the |these |this )?(?:coverage|reports?|reporting|articles?|media|news|press|stories|story)\b[^,?.]*/gi;

const placeNouns = /^(river|city|town|village|country|state|region|county|province|district|place|area|port|island|border|lake|sea|coast|site|neighbou?rhood|capital)$/i;
const sourceVerbs = /^(say|said|says|give|gave|put|report|reported|estimate|estimated|project|projected|warn|warned|claim|claimed|announce|announced|count|counted|tell|told|state|stated|cite|cited|quote|quoted|think|thinks|believe|believes|call|describe|characterize|characterise|label|dub)$/i;
const roleNouns = /^(ceo|chief|spokesman|spokeswoman|spokesperson|minister|mayor|governor|president|director|head|official|officials|secretary|chair|chairman|agency|office|ministry|department|government|authorities|authority)$/i;

export function parseQuestion(raw: string): Question {
  // "according to the coverage / the reports": the articles themselves, no source of their own.
  const text = raw.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').replace(noSource, '').trim();
  const lower = text.toLowerCase();
  const quoted = quoteRe.exec(text)?.[1] ?? '';
  const stripped = quoted ? text.replace(quoteRe, ' ') : text;
  const ws = words(stripped);
  const type = questionType(lower, quoted, text);
  const quote = quoted || (type === 'quote' ? (unquoted.exec(text)?.[1] ?? '') : '');
  const source = sourceWords(stripped, ws);
  const howMany = /\bhow (?:many|much)\s+(?:of\s+(?:the\s+)?)?((?:[\w'’-]+\s+){0,4}?)(?:did|do|does|have|has|had|were|was|are|is|will|would|could|in|on|from|of|for|to|after|since|right|$)\b/i.exec(stripped.replace(/[?.!]+$/, '') + ' ');
  const focusFrom = howMany ? howMany.index + howMany[0].indexOf(howMany[1]!) : -1;
  const focusSpan = howMany ? ws.filter((w) => w.start >= focusFrom && w.end <= focusFrom + howMany[1]!.length && !w.stop && !scaffold.has(w.lower)) : [];
  // The counted noun ends where a predicate starts: "how many greek aid workers died in …".
  const verbAt = focusSpan.findIndex((w, i) => i > 0 && ((/(?:ed|died)$/.test(w.lower) && measureOfWord(w.norm)) || irregularPast.has(w.lower)));
  const focusWords = verbAt > 0 ? focusSpan.slice(0, verbAt) : focusSpan;
  const whatX = /\bwhat (?:was |is |were )?(?:the )?(?:very )?(?:first |latest |initial )?(category|magnitude|level|size|share|percentage|proportion)\b/i.exec(lower)?.[1];
  // "How strong was the quake?" asks its magnitude; "how strong was the hurricane", its category.
  const strength = asksStrength.test(lower);
  const strengthOf = strength ? (/\b(?:earthquakes?|quakes?|tremors?|temblors?)\b/.test(lower) ? 'magnitude' : /\b(?:hurricane|storm|typhoon|cyclone)\b/.test(lower) && !/\bwinds?\b/.test(lower) ? 'category' : undefined) : undefined;
  const label = whatX && /category|magnitude|level/.test(whatX) ? measureOfWord(whatX)?.id ?? whatX : strengthOf ?? '';
  const moneyWords = /\bhow much (?:money|did .* (?:cost|pay|lose|spend))|\bin dollars\b|\b(?:bill|cost|costs|losses|loss|damages|pay|paid|aid|funding)\b/i.test(lower) && !/\bhow many\b/i.test(lower);
  const measure = phraseMeasure(lower, focusWords) ?? pickMeasure(ws, focusWords, moneyWords, howMany ? focusFrom + howMany[1]!.length : -1);
  // '%': a share ("what share", "how big a stake", "how much were shares up"); 'time': a duration ("how long").
  // "How much did Norcorp's stock fall?": a share price moves by a percentage.
  const unit = /\b(?:what share|percentage|percent|proportion|what fraction|\bshare of|how (?:big|large) a (?:stake|share)|how much (?:\w+ ){0,4}(?:up|down)\b|how (?:much|far) (?:did|has|have) (?:[\w'’]+ ){0,3}(?:stock|shares|share price|market value) (?:fall|fell|drop|dropped|rise|rose|climb|climbed|slide|slid|lose|lost|gain|gained)\b)\b/i.test(lower)
    ? '%'
    : /\bhow long\b/i.test(lower)
      ? 'time'
      : measure?.kind === 'money' || (moneyWords && /\bhow much\b|\bin dollars\b|\bbill\b|\bcost\b/i.test(lower))
        ? '$'
        : '';
  const sourceSet = new Set(source);
  const verbs = mainVerbs(ws);
  // "compared with the survey", "versus last year": what the answer is set against, not what it must say.
  const comparison = /\b(?:compared (?:with|to)|versus|vs\.?|as opposed to|rather than)\s+[^,?.;]+/i.exec(stripped);
  const inComparison = (w: Word): boolean => comparison !== null && w.start >= comparison.index && w.end <= comparison.index + comparison[0].length;
  const terms = ws.filter((w) => (w.acronym || (!w.stop && !scaffold.has(w.lower))) && !/^\d/.test(w.text) && !sourceSet.has(w) && !inComparison(w));
  // "before the capital was counted", "right after the collapse", "on the first day": when, not what; the order answers it.
  const temporal = [
    ...stripped.matchAll(/\b(?:before|after|since|until|as of|by the time|on the (?:first|second|last) (?:day|week|night)|at (?:landfall|its peak|the peak|the time))\b[^,?.;]*/gi),
    ...stripped.matchAll(/\b(?:a|one|two|three|a few|several) (?:days?|weeks?|months?|years?) (?:later|earlier|on|after)\b/gi),
  ];
  // The whole clause leaves the terms; what it names (the capital, "damaged ones") is what a figure must not count.
  const leftOut = [...stripped.matchAll(/\bbefore\s+([^,?.;]{1,40}?)\s+(?:was|were|had been)\s+(?:counted|included|added)\b|\b(?:excluding|not counting|not including|leaving out)\s+([^,?.;]{1,40})/gi)].map((m) => {
    const named = m[1] ?? m[2]!;
    const at = m.index + m[0].lastIndexOf(named);
    return { start: m.index, end: m.index + m[0].length, named: { start: at, end: at + named.length } };
  });
  // "What did the agency project?": the verb asks for a projection (`wantsProjection`); it is no term a sentence must carry.
  const asksProjection = type === 'number' && projectsQuestion.test(lower);
  const inLeftOut = (w: Word): boolean => leftOut.some((r) => w.start >= r.start && w.end <= r.end);
  // The words of a phrase that named the measure say nothing more: the measure is matched on its own.
  const phrase = measure?.id === 'displaced' ? displacedPhrase.exec(stripped) : null;
  const inMeasurePhrase = (w: Word): boolean => phrase !== null && w.start >= phrase.index && w.end <= phrase.index + phrase[0].length;
  const excluded = ws.filter((w) => (w.acronym || (!w.stop && !scaffold.has(w.lower))) && !/^\d/.test(w.text) && leftOut.some((r) => w.start >= r.named.start && w.end <= r.named.end));
  // "How many states were affected?": a verb that says only that something happened to what is counted is weak evidence too.
  const soft = ws.filter((w) => !excluded.includes(w) && (temporal.some((t) => w.start >= t.index && w.end <= t.index + t[0].length) || (type === 'number' && genericVerb.test(w.lower))));
  const kindNoun = /^(?:which|what) (\w+)/i.exec(lower)?.[1] ?? '';
  const spelled = ws.filter((w) => /^#\d/.test(w.norm) && !/^\d/.test(w.text) && !/(?:st|nd|rd|th)$/.test(w.lower)).map((w) => Number(w.norm.slice(1)));
  const numbers = [...spelled, ...[...stripped.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) => {
    const scale = /^\s?(million|billion|thousand|trillion)/i.exec(stripped.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    return Number(m[0].replace(/,/g, '')) * (scale ? { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }[scale]! : 1);
  })];
  return {
    text,
    type,
    ...(measure ? { measure } : {}),
    focus: focusWords.at(-1)?.norm ?? '',
    label,
    unit,
    strength,
    ...dimensionOf(lower, unit, measure, focusWords.at(-1)),
    currency: currencyOf(lower),
    order: orderOf(lower),
    asksLatest: orderLatest.test(lower),
    wantsProjection: projectionWords.test(lower) && type === 'number',
    wantsClaim: claimWords.test(lower),
    source,
    terms: terms.filter((w) => !inLeftOut(w) && !inMeasurePhrase(w) && !(w.lower === 'name' && /^\s+of\b/.test(stripped.slice(w.end))) && !(/^(?:long|far)$/.test(w.lower) && /\bhow\s+$/i.test(stripped.slice(0, w.start))) && !(strength && /^(?:strength|intensity|power)$/.test(w.lower)) && !(asksProjection && /^(?:project|projects|projected|forecast|forecasts|predict|predicts|predicted)$/.test(w.lower))),
    soft,
    excluded,
    // "What is Norland considering?" asks what Norland does, as "Is Norland considering …?" asks whether it does (who
    // "has called" it something is a speaker, whom a title may name: sources are matched as sources).
    subject: type === 'yesno' ? subjectOf(ws) : type === 'fact' && /^[Ww]hat (?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should) [A-Z]/.test(text.trim()) && !verbs.some((v) => sourceVerbs.test(v)) ? subjectOf(ws.slice(1)) : [],
    payer: unit === '$' ? payerOf(ws) : [],
    numbers,
    quote,
    kindNoun: placeNouns.test(kindNoun) || type === 'who' ? kindNoun : '',
    verbs,
  };
}

function questionType(lower: string, quoted: string, text: string): QuestionType {
  const body = lower.replace(/^(?:so|ok|okay|hey|and|but|also|please)[, ]+/, '').replace(/^according to [^,]+,\s*/, '');
  const unquotedClause = unquoted.exec(text)?.[1] ?? '';
  if ((quoted || (unquotedClause && !/\d/.test(unquotedClause) && unquotedClause.split(' ').length >= 3)) && /^(who|which|whose)\b/.test(body)) return 'quote';
  if (/^why\b|\bwhat (?:actually |really )?(?:caused|causes|led to|triggered|was behind|is behind)|\bwhat(?:'s| is| was) (?:the )?(?:cause|reason)|\breason for\b/.test(body)) return 'why';
  if (/^(who|whom|whose)\b|^(?:which|what) (?:[\w.'-]+ ){0,2}(?:person|official|officials|agency|body|organi[sz]ation|group|company|minister|lawmakers?|people|authority|government|leader|spokes\w+)\b|\bnames? of\b|^name\b/.test(body)) return 'who';
  // "What ship hit the bridge?", "Which storm struck?": a named thing of that kind.
  if (new RegExp(`^(?:which|what) (?:${thingKinds})s? `).test(body)) return 'who';
  if (/^where\b|^(?:which|what) (?:river|city|town|village|country|state|region|county|province|district|place|area|port|island|lake|sea|coast)\b/.test(body)) return 'where';
  if (/^(?:(?:by|until|since|till) )?when\b|\bwhat (?:time|date|day|year|month)\b/.test(body)) return 'when';
  if (/\bhow (?:many|much|high|low|big|large|far|fast|deep|strong|long)\b|\bwhat (?:was |is |were )?(?:the )?(?:very )?(?:first |latest |initial |earlier |previous |official )?(?:share|percentage|proportion|number|figure|total|toll|death toll|cost|magnitude|category|level|size|estimate|count|tally|amount)\b|\bwhat(?:'s|s| is| was)\b.*\b(toll|figure|estimated?|number|count|tally|cost|total|bill|amount)\b|\bnumber only\b|\bjust the number\b|\bwhat did .* estimate\b|\bwhat did .* (?:say|put|expect|predict|project|forecast)\b.*\b(?:toll|number|figure|count|tally|cost|total|estimate)\b/.test(body) || projectsQuestion.test(body) || asksStrength.test(body) || /^what (?:was|is|were|are) [^?]*\b(?:winds?|wind speeds?|gusts?)\b/.test(body)) {
    return 'number';
  }
  if (auxStart.test(body)) return 'yesno';
  if (!/^(what|which|how|who|where|when|why)\b/.test(body) && /\b(estimate|toll|figure|count|tally|number|total)s?\b/.test(body)) return 'number';
  return 'fact';
}

/** "The first quake", "the first blast": an event counted among others, not the first report of a value. */
const firstEvent = /\b(?:very )?first (?:quake|earthquake|tremor|shock|storm|hurricane|wave|explosion|blast|attack|strike|eruption|crash|landfall)s?\b/g;

function orderOf(text: string): Order {
  const lower = text.replace(firstEvent, '');
  if (/\b(very first|first|initial(?:ly)?|earliest|original(?:ly)?)\b/.test(lower) && !/\bfirst day\b/.test(lower.replace(/\b(very first|initial|earliest)\b/, ''))) return 'first';
  if (orderFirst.test(lower) && !orderLatest.test(lower)) return 'first';
  if (orderPrevious.test(lower) && !orderLatest.test(lower)) return 'previous';
  return 'latest';
}

/** "lost their homes", "left homeless", "forced from their homes", "fled their homes": the displaced, put in other words. */
const displacedPhrase = /\b(?:lost|lose|losing) (?:their|his|her|its|our) homes?\b|\bleft homeless\b|\b(?:forced|driven) (?:from|out of) (?:their|his|her|its|our) homes?\b|\b(?:fled|flee|fleeing) (?:their|his|her|its|our) homes?\b/i;

/** A measure the question names by a phrase rather than a word: "bodies … found" (a recovery count: "found" alone is no measure). */
function phraseMeasure(lower: string, focus: readonly Word[]): Measure | undefined {
  if (focus.some((w) => /^(?:body|bodies|remains)$/.test(w.lower)) && /\b(?:found|located|pulled|retrieved|recovered)\b/.test(lower)) return measureById('recovered');
  // "How many lost their homes?": the displaced, whatever the counted noun.
  if (displacedPhrase.test(lower)) return measureById('displaced');
  return undefined;
}

/**
 * The measure: from the predicate first ("how many … were recovered"), else from the counted
 * noun. After "how many X of the Y", the predicate is what follows the counted phrase (`after`):
 * "how many bodies of the missing workers were recovered" counts recoveries, not the missing.
 */
function pickMeasure(ws: readonly Word[], focus: readonly Word[], money: boolean, after = -1): Measure | undefined {
  const focusSet = new Set(focus);
  const named = (w: Word): Measure | undefined => (weakMeasureWords.has(w.norm) ? undefined : (money ? measureOfWord(w.norm, 'money') : undefined) ?? measureOfWord(w.norm));
  const candidates = ws.filter((w) => !focusSet.has(w) && !w.capital && named(w));
  const inPredicate = candidates.find((w) => w.start >= after && (ws[ws.indexOf(w) - 1]?.lower ?? '').match(/^(?:were|was|are|is|been|be|have|has|had|did|do|does|now|still)$/)) ?? candidates[0];
  return (inPredicate ? named(inPredicate) : undefined) ?? focus.map(named).find(Boolean);
}

/** Who the question says gave the answer. */
function sourceWords(text: string, ws: readonly Word[]): Word[] {
  const out: Word[] = [];
  const take = (from: number, to: number): void => {
    for (const w of ws) if (w.start >= from && w.end <= to && !w.stop && !scaffold.has(w.lower)) out.push(w);
  };
  for (const m of text.matchAll(/\baccording to (?:the )?([^,?.]+?)(?:[,?.]|$| how| what| did| is| was)/gi)) take(m.index, m.index + m[0].length);
  ws.forEach((w, i) => {
    const next = ws[i + 1];
    // "Norcorp's CEO", "the city's mayor", "the regional government's health minister": the owner names the source.
    if (/['’]s$/.test(w.text) && next && (roleNouns.test(next.lower) || roleNouns.test(ws[i + 2]?.lower ?? ''))) {
      out.push(w);
      if (roleNouns.test(next.lower)) out.push(next);
    }
    // "did the WHO say", "did Quist estimate": the subject of a speech verb.
    if (/^(did|does|do|has|have|had)$/i.test(w.text) && next) {
      const verbAt = ws.findIndex((x, k) => k > i && sourceVerbs.test(x.lower));
      if (verbAt > i && verbAt - i <= 5) for (const x of ws.slice(i + 1, verbAt)) if (x.acronym || (!x.stop && !scaffold.has(x.lower))) out.push(x);
    }
    // "flightaware's count": an owner before a figure noun. ("the UN death toll", "the U.S. estimate" only narrow it: plain terms.)
    if (/['’]s$/.test(w.text) && !w.acronym && next && /^(death|toll|count|tally|figure|estimate|estimates|number|report)$/.test(next.lower)) if (!out.includes(w)) out.push(w);
  });
  return [...new Set(out)];
}

/** "How much did the airlines lose": the words between the auxiliary and a verb of money that moves. */
function payerOf(ws: readonly Word[]): Word[] {
  const aux = ws.findIndex((w, k) => k > 0 && /^(?:much|money)$/.test(ws[k - 1]!.lower) && /^(?:did|does|do|has|have|had|will|would)$/.test(w.lower));
  if (aux < 0) return [];
  const verb = ws.findIndex((w, k) => k > aux && moneyVerbs.test(w.lower));
  if (verb < 0 || verb - aux > 5) return [];
  return ws.slice(aux + 1, verb).filter((w) => w.acronym || (!w.stop && !scaffold.has(w.lower)));
}
const moneyVerbs = /^(?:lose|lost|pay|paid|spend|spent|earn|earned|make|made|raise|raised|receive|received|owe|owed|gain|gained)$/;

/** The words after a leading auxiliary: its capitalized name, else its first content word. */
function subjectOf(ws: readonly Word[]): Word[] {
  let i = 1;
  while (ws[i] && /^(?:the|a|an)$/i.test(ws[i]!.lower)) i++;
  const out: Word[] = [];
  while (ws[i] && (ws[i]!.capital || ws[i]!.acronym) && out.length < 5) out.push(ws[i++]!);
  if (!out.length && ws[i] && !ws[i]!.stop) out.push(ws[i]!);
  return out;
}

/** "… in dollars", "… in roubles": the currency an amount must be in. */
function currencyOf(lower: string): string {
  const named = /\bin (dollars|us dollars|euros|pounds|sterling|roubles|rubles|yen|yuan|rupees|francs|lira|pesos)\b/.exec(lower)?.[1];
  if (!named) return '';
  return /dollars/.test(named) ? '$' : named === 'euros' ? '€' : /pounds|sterling/.test(named) ? '£' : named;
}

/**
 * The question's verbs, read from its shape rather than a list: inflected forms ("ordered",
 * "finished", "going"), the word after "who" or a "which X" ("who owns", "which lawmakers want"),
 * after "to" ("to testify"), and the word after an auxiliary and a one-word subject ("did Ana
 * win", "when did they leave"). Matched by lemma, so "won" meets "win".
 */
function mainVerbs(ws: readonly Word[]): string[] {
  const content = (w: Word | undefined): w is Word => w !== undefined && !w.capital && !w.stop && !scaffold.has(w.lower) && !/^\d/.test(w.text);
  const out = new Set<string>();
  ws.forEach((w, i) => {
    if (i === 0 || !content(w)) return;
    const before = ws[i - 1]!.lower;
    const twoBefore = ws[i - 2]?.lower ?? '';
    const inflected = /(?:ed|en|ing)$/.test(w.lower);
    // A word after an article is a noun ("when should the replacement be done"), never the verb.
    const afterArticle = /^(?:the|a|an|this|that|these|those|its|their|his|her)$/.test(before);
    const placed = !afterArticle && (/^(?:who|to)$/.test(before) || (/^(?:which|what)$/.test(twoBefore) && i === 2) || /^(?:did|does|do|will|would|can|could|should|has|have|had)$/.test(twoBefore));
    if (inflected || placed) out.add(w.norm);
  });
  // "When did the first quake strike?": after an auxiliary and its subject, the question's last word is its verb.
  const last = ws.at(-1);
  const aux = ws.findIndex((w) => /^(?:did|does|do)$/.test(w.lower));
  if (aux >= 0 && aux <= 1 && /^(?:when|where|why|how)$/.test(ws[0]!.lower) && ws.length - aux >= 4 && content(last) && ws.at(-2)!.lower !== 'the') out.add(last.norm);
  return [...out];
}

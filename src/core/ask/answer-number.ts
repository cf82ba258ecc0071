/**
 * Number questions: every number of the retrieved sentences that measures what the question asks
 * (its measure, counted noun, unit, label, kind and source), scored by how much of the question
 * its clause and sentence carry; among the best, the one the order asks for (latest reported by
 * default, first, or the one before the latest). No match, no answer: it never offers a figure
 * about something else.
 */
import { entityOf } from '../figure-measures.js';
import { findAttributions } from '../speakers.js';
import type { Answer, Briefing, FigureTimeline, Sentence, TimelineEntry } from '../types.js';
import { candidateSentences, coverage, wordMatches, type AskContext } from './ask-context.js';
import { speakerAt } from './attribution.js';
import { capitalize, found, withSeparators } from './answer-parts.js';
import type { NumberMention } from './number-mentions.js';
import type { Question } from './question.js';
import { measureOfWord, measureWords } from './measures.js';
import { sameSense } from './synonyms.js';
import { isUnitOf } from './units.js';
import { normalizeWord, words, type Word } from './words.js';

export interface NumberCandidate {
  readonly sentence: number;
  readonly mention: NumberMention;
  readonly score: number;
}

const genericHeads = new Set(['people', 'person', 'peopl', 'individual', 'resident', 'other', '']);
/** How far below the best score a candidate may be and still be chosen for its time. */
const tier = 0.22;
const firstTier = 0.3;
const minimum = 0.4;

/** The numbers that answer the question, best first by relevance. */
export function numberCandidates(context: AskContext, q: Question): NumberCandidate[] {
  // The measure and the counted noun are checked by `fits`; coverage weighs what else the question says.
  // Asked for an earlier value ("before the revision"), the time clause says when; the order answers it, and the revision itself is no evidence.
  const timeOnly = (t: Word): boolean => q.order === 'previous' && q.soft.includes(t);
  const terms = q.terms.filter((t) => !(q.measure && measureOfWord(t.norm)?.id === q.measure.id) && !(q.focus && sameSense(t.norm, q.focus)) && !(q.label && measureOfWord(t.norm)?.id === q.label) && !/^#/.test(t.norm) && !timeOnly(t));
  const out: NumberCandidate[] = [];
  // Other measures in the question describe who is counted ("the missing workers' bodies recovered"): weak evidence.
  const soft = [...q.soft, ...terms.filter((t) => measureOfWord(t.norm) !== undefined)];
  const year = context.storyYear;
  const asksYear = /\b(?:1[89]|20)\d\d\b/.test(q.text);
  const places = askedPlaces(context, q);
  const nth = eventOrdinals(q.text);
  // A measure named in other words ("lost their homes") is looked up by its own words ("displaced").
  const asked = [...q.terms, ...q.source];
  const lookup = asked.length || !q.measure ? asked : words(measureWords(q.measure.id).join(' '));
  // With the measure matched and nothing asked but when ("at landfall"), a sentence that does not say when still answers, less surely.
  const onlySoft = (q.measure !== undefined || q.focus !== '') && terms.length > 0 && terms.every((t) => soft.includes(t));
  const cover = (span: readonly Word[]): number => (!terms.length ? 1 : onlySoft ? 0.8 + 0.2 * coverage(context, terms, span, soft) : coverage(context, terms, span, soft));
  for (const i of candidateSentences(context, lookup, 200)) {
    const ws = context.wordsOf(i);
    if (q.source.length && !sourceMatches(context, q.source, i)) continue;
    // "How many died in Norland?": a sentence that never names Norland does not answer it, unless most articles are about Norland.
    if (places.some((p) => context.articleShare(p) < storyPlace && !ws.some((w) => wordMatches(p, w)))) continue;
    // "How much did the airlines lose?": a loss the sentence gives no one with the airlines' name is someone else's.
    // Named only to be left out ("not including the losses of Norcorp itself"), it is not who lost.
    if (q.payer.length && !q.payer.every((p) => ws.some((w) => wordMatches(p, w) && !leftOutAt(context.sentences[i]!.text, w.start)))) continue;
    const sentenceCover = cover(ws);
    const mentions = context.mentionsOf(i);
    for (const m of mentions) {
      if (!fits(q, m, ws)) continue;
      // "… killing at least 90, and sending tremors felt as far away as Norland": the place must be near the figure, not at the sentence's far end.
      if (places.some((p) => context.articleShare(p) < storyPlace && !ws.some((w) => wordMatches(p, w) && Math.abs(w.start - m.start) <= nearPlace))) continue;
      // "More than 200 people across six states": asked how many states, the number that counts states answers, not the people near them.
      if (q.focus && (!m.head || genericHeads.has(m.head)) && mentions.some((o) => o !== m && o.head && sameSense(o.head, q.focus))) continue;
      // "the other four workers", "the remaining six": the rest of a count answers only a question about the rest.
      if (restOf.test(context.sentences[i]!.text.slice(Math.max(0, m.start - 20), m.start)) && !asksPart.test(q.text)) continue;
      const clauseWords = ws.filter((w) => w.start >= m.clauseStart && w.end <= m.clauseEnd);
      // "the 1990 storm killed 40": an earlier event's figure answers only a question that names its year, or the event
      // by a name few articles use ("How many did Hurricane Vell kill?" for "Vell, which killed 1,800 people in 1990").
      const namesEvent = q.terms.some((t) => t.capital && context.articleShare(t) < storyPlace && clauseWords.some((w) => wordMatches(t, w)));
      if (year !== undefined && !asksYear && !namesEvent && mentions.some((y) => y.role === 'year' && y.clause === m.clause && y.value < year)) continue;
      // "the magnitude of the second quake": the figure's clause must be about the second one.
      if (nth.length && !nth.every((o) => clauseWords.some((w) => w.lower === o && nearFigure(context.sentences[i]!.text, w, m)))) continue;
      // "before the capital was counted": a figure that names the capital counts it, unless it says it leaves it out.
      if (q.excluded.some((x) => clauseWords.some((w) => wordMatches(x, w) && !leftOutAt(context.sentences[i]!.text, w.start)))) continue;
      const clauseCover = cover(clauseWords);
      // "a second quake of magnitude 7.6": asked about the event, not a later one, its size is the first event's.
      const another = !nth.length && (m.measure?.kind === 'size' || m.measure?.kind === 'speed') && clauseWords.some((w) => /^(?:second|third|another)$/.test(w.lower) && w.end <= m.start) ? 0.3 : 0;
      const wider = widerScope(context.sentences[i]!.text, clauseWords, q.terms) ? 0.7 : 1;
      // A named source that matched is evidence of its own ("according to Vellum, how many …").
      const sourced = q.source.length ? 0.3 : 0;
      const score = wider * (0.5 * sentenceCover + 0.5 * clauseCover) + sourced + (q.measure && m.measure?.id === q.measure.id ? 0.05 : 0) - (m.breakdown ? 0.1 : 0) - (offPlace(q, context.sentences[i]!.text, m) ? 0.35 : 0) - another;
      out.push({ sentence: i, mention: m, score });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** "the second earthquake", "a third body": an ordinal (from second on) before a noun, which a figure's clause must repeat. */
function eventOrdinals(text: string): string[] {
  return [...text.toLowerCase().matchAll(/\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?!of\b|and\b|or\b)[a-z]{3,}/g)].map((m) => m[1]!);
}

/** Whether word `w` comes before the figure `m` with no other number between ("the first measured 7.7 and a second 7.6": "second" is 7.6's). */
function nearFigure(text: string, w: Word, m: NumberMention): boolean {
  return w.end <= m.start && !/\d/.test(text.slice(w.end, m.start));
}

/** "the other …", "the remaining …" just before a number. */
const restOf = /\b(?:the|its|their)\s+(?:other|remaining)\s+$/i;
/** A question about the rest of a count ("how many others", "how many remained"). */
const asksPart = /\b(?:other|others|remaining|remain|remained|rest)\b/i;

/** Share of articles from which a place is the story's own: a sentence may leave it unsaid. */
const storyPlace = 0.75;
/** How far (in characters) from a figure a place the question asks about may be named: about a dozen words. */
const nearPlace = 90;

/**
 * The places a question scopes its number to ("in Norland", "across Hill County"): names of the
 * set (capitalized where the articles use them) after "in", "across" or "throughout".
 */
function askedPlaces(context: AskContext, q: Question): Word[] {
  const ws = words(q.text);
  const out: Word[] = [];
  ws.forEach((w, k) => {
    if (k === 0 || !/^(?:in|across|throughout)$/.test(ws[k - 1]!.lower) || w.stop || w.acronym) return;
    if (!(w.capital || context.isName(w))) return;
    out.push(w);
  });
  return out;
}

/** Whether the word at `at` follows "excluding", "not counting", "apart from" … within a few words. */
function leftOutAt(text: string, at: number): boolean {
  return /\b(?:excluding|not counting|not including|without|apart from|except(?: for)?|outside(?: of)?|did not include|does not include)\s+(?:\S+\s+){0,5}$/i.test(text.slice(Math.max(0, at - 50), at));
}

/** A figure for one place, or a part of one, when the question names no such place: "how many died in all" is not "12 died in Alden". */
function offPlace(q: Question, text: string, m: NumberMention): boolean {
  if (!m.measure) return false;
  const scope = entityOf(text, m);
  return scope.part || (scope.place !== '' && !q.text.toLowerCase().includes(scope.place.toLowerCase()));
}

/**
 * "Alden and Brill" when the question names only one of them: the figure covers more than was
 * asked (a combined total).
 */
function widerScope(text: string, clause: readonly Word[], terms: readonly Word[]): boolean {
  for (let k = 0; k + 2 < clause.length; k++) {
    const [a, and, b] = [clause[k]!, clause[k + 1]!, clause[k + 2]!];
    if (!a.capital || !b.capital || and.lower !== 'and' || !/^\s+$/.test(text.slice(a.end, and.start))) continue;
    const hasA = terms.some((t) => wordMatches(t, a));
    const hasB = terms.some((t) => wordMatches(t, b));
    if (hasA !== hasB) return true;
  }
  return false;
}

/** A question that names what it asks a share of ("what share of the computers …"). */
const shareOf = /\b(?:share|percentage|proportion|fraction|percent) of\b/i;

function fits(q: Question, m: NumberMention, ws: readonly Word[]): boolean {
  if (q.numbers.includes(m.value) || (m.high !== undefined && q.numbers.includes(m.high))) return false;
  if (q.label) {
    const labelled = m.role === 'label' && (m.label === q.label || measureOfWord(m.label)?.id === q.label);
    const measured = m.role === 'figure' && m.measures.some((x) => x.id === q.label) && !m.unit;
    return labelled || measured;
  }
  // "How long …": a duration ("85 years", "two months") is the answer, and only one.
  if (q.unit === 'time') return m.role === 'duration';
  // "How deep was the quake?": a length ("a depth of 17.9 kilometers"); "how much rain fell": an amount of rain in its unit.
  if (q.dimension === 'length') return m.role === 'figure' && lengthFits(q, m);
  if (q.dimension === 'amount' && m.role === 'figure' && isUnitOf(m.head, 'amount')) return ws.some((w) => w.start >= m.end && w.start <= m.end + 30 && sameSense(w.norm, q.focus));
  // "How strong was Orla?" with no word for what Orla is: a magnitude or a category answers.
  if (q.strength && m.role === 'label' && /^(?:magnitude|category)$/.test(m.label) && !/\bwinds?\b/i.test(q.text)) return true;
  // "What share …": "one in four" is one.
  if (m.role !== 'figure' && !(m.role === 'ratio' && q.unit === '%')) return false;
  if (m.breakdown && q.order === 'first') return false;
  if (q.unit === '$' && !/[$£€]/.test(m.unit)) return false;
  // "in roubles": an amount in another currency does not answer (the set may hold a conversion; this reads none).
  if (q.currency && m.unit !== q.currency) return false;
  if (q.unit === '%' && m.unit !== '%' && m.role !== 'ratio') return false;
  // "What share of computers …": a share of something the question does not name ("75% of organizations") does not answer.
  if (q.unit === '%' && shareOf.test(q.text) && m.head && !genericHeads.has(m.head) && !q.terms.some((t) => sameSense(t.norm, m.head))) return false;
  // "How much …" takes an amount in any currency; "how many …" never one.
  const howMuch = /[$£€]/.test(m.unit) && /\bhow (?:much|big|large)\b/i.test(q.text);
  if (!q.unit && m.unit && (!q.measure || q.measure.kind !== 'money') && !howMuch) return false;
  if (q.wantsProjection && !m.projection) return false;
  if (q.measure) {
    if (m.measure?.id !== q.measure.id) return false;
  }
  // "How strong was the quake?": its magnitude or category, or a storm's wind speed; never a count.
  else if (q.strength && m.measure?.kind !== 'size' && m.measure?.kind !== 'speed') return false;
  const focus = q.focus;
  const focusIsMeasure = q.measure !== undefined && measureOfWord(focus)?.id === q.measure.id;
  // With the measure matched, "how many bodies were buried" is answered by "1,204 people had been buried".
  const genericCount = q.measure !== undefined && q.measure.kind !== 'money' && genericHeads.has(m.head);
  // "How much money …" names no thing counted: any amount is money.
  const moneyFocus = q.unit === '$' && /^(?:money|dollar|fund|cash)$/.test(focus);
  if (focus && !genericHeads.has(focus) && !focusIsMeasure && !genericCount && !moneyFocus) {
    const counted = m.head ? [m.head] : [];
    const inWindow = ws.some((w) => ((w.start >= m.end && w.start <= m.end + 40) || (w.start >= m.clauseStart && w.end <= m.start)) && sameSense(w.norm, focus));
    // A number that counts something else ("44 deaths … throughout five states") never answers "how many states".
    if (!counted.some((h) => sameSense(h, focus)) && (!inWindow || (m.head && !genericHeads.has(m.head)))) return false;
  }
  // "What did the ministry project?": whatever the named source projects.
  const sourcedProjection = q.wantsProjection && m.projection && q.source.length > 0 && !q.terms.length;
  if (!q.measure && !focus && !q.unit && !howMuch && !sourcedProjection) {
    // "latest troop estimate": what is counted must be one of the question's words.
    if (!m.head || !q.terms.some((t) => sameSense(t.norm, m.head))) return false;
  }
  return true;
}

/** "50 feet deep", "a depth of 17.9 kilometers": a length, and not "700 feet wide" for "how deep". */
function lengthFits(q: Question, m: NumberMention): boolean {
  if (!isUnitOf(m.head, 'length') && !isUnitOf(normalizeWord(m.counted.split(' ')[0] ?? ''), 'length')) return false;
  const adjective = /\b(deep|wide|tall|high|long)\b/i.exec(m.counted)?.[1]?.toLowerCase();
  return !adjective || new RegExp(`\\bhow ${adjective}\\b`, 'i').test(q.text);
}

/** Roles a person is named by ("the Norland president", "President Ana Vell"). */
const roles = 'president|prime minister|minister|governor|mayor|chief|ceo|chairman|chancellor|premier|king|queen|pope|spokesman|spokeswoman|spokesperson|leader|secretary';
/** "The Norland president said": a role that names whom the sentences before named. */
const roleSpeaker = new RegExp(`^(?:the )?(?:[\\w-]+ ){0,2}(?:${roles})$`, 'i');
const personRole = new RegExp(`^(?:${roles})$`, 'i');
const aboutReport = /\b(?:report|study|analysis|survey)\b/i;

/** Whether the question's source is named in the sentence or the two before it in the same article. */
export function sourceMatches(context: AskContext, source: readonly Word[], i: number): boolean {
  const { sentences } = context;
  const span: Word[] = [...context.wordsOf(i)];
  // The sentences before count only for who the speaker is: "he said", or a name they introduce ("Ana Vell, CEO of …").
  const speaker = findAttributions(sentences[i]!.text)[0]?.speaker ?? '';
  const surname = /([A-Z][\w'’-]+)$/.exec(speaker)?.[1];
  for (const k of [i - 1, i - 2]) {
    if (k < 0 || sentences[k]!.articleId !== sentences[i]!.articleId) break;
    if (/^(?:he|she|they|it|the (?:company|agency|ministry|organi[sz]ation|group|office))$/i.test(speaker) || roleSpeaker.test(speaker) || (surname && sentences[k]!.text.includes(surname))) span.push(...context.wordsOf(k));
  }
  // A report's findings run on unattributed after the sentence that names it ("…, according to a report by Vellum. The
  // average loss was … Airlines lost about $80 million."): up to three sentences back, past sentences about the report.
  if (!speaker) {
    for (let k = i - 1; k >= Math.max(0, i - 3) && sentences[k]!.articleId === sentences[i]!.articleId; k--) {
      const text = sentences[k]!.text;
      if (aboutReport.test(text)) span.push(...context.wordsOf(k));
      // Someone else speaking ends the run.
      else if (findAttributions(text).length) break;
    }
  }
  const named = source.filter((w) => w.capital || w.acronym || !/^(?:ceo|chief|spokesman|spokeswoman|spokesperson|minister|mayor|official|head)$/i.test(w.lower));
  const needed = named.length ? named : source;
  if (coverage(context, needed, span) >= 0.99 || needed.every((w) => span.some((s) => wordMatches(w, s)))) return true;
  // "The country's president declared …" is Vell's act where the set calls Vell "President Ana Vell" elsewhere.
  const text = sentences[i]!.text;
  // Not "the president, Ana Vell," or "the president Tomas Brill": a name after the title is someone named.
  return needed.length === 1 && titlesOf(context, needed[0]!).some((t) => [...text.matchAll(new RegExp(`\\bthe (?:[\\w'’-]+ ){0,2}${t}\\b`, 'gi'))].some((m) => !/^,?\s+[A-Z]/.test(text.slice(m.index + m[0].length))));
}

const titleMemo = new WeakMap<AskContext, Map<string, string[]>>();

/** The titles the set gives a name ("President Ana Vell", "Governor Vell"): how a sentence may name the same person by role. */
function titlesOf(context: AskContext, name: Word): string[] {
  let memo = titleMemo.get(context);
  if (!memo) titleMemo.set(context, (memo = new Map<string, string[]>()));
  const known = memo.get(name.norm);
  if (known) return known;
  const out = new Set<string>();
  for (const i of candidateSentences(context, [name], 50)) {
    const ws = context.wordsOf(i);
    ws.forEach((w, k) => {
      if (!wordMatches(name, w)) return;
      // The title right before the name, over its other names ("President Ana Kessa Vell", "Prime Minister Ana Vell").
      for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
        const title = [j > 0 ? `${ws[j - 1]!.lower} ${ws[j]!.lower}` : '', ws[j]!.lower].find((t) => personRole.test(t));
        if (title) out.add(title);
        if (title || !ws[j]!.capital) break;
      }
    });
  }
  const list = [...out];
  memo.set(name.norm, list);
  return list;
}

/** The candidate the question's order asks for, among those nearly as relevant as the best. */
export function pickByOrder(context: AskContext, q: Question, candidates: readonly NumberCandidate[]): NumberCandidate | undefined {
  const best = candidates[0];
  if (!best || best.score < minimum) return undefined;
  // Asked for the first or an earlier report, relevance matters less than time: what came before was often put differently.
  let pool = candidates.filter((c) => c.score >= best.score - (q.order === 'latest' ? tier : firstTier) && c.score >= minimum);
  if (!q.wantsProjection) {
    const firm = pool.filter((c) => !c.mention.projection);
    if (firm.length) pool = firm;
  }
  if (!q.wantsClaim) {
    const unclaimed = pool.filter((c) => !c.mention.claim);
    if (unclaimed.length) pool = unclaimed;
  }
  const article = (c: NumberCandidate): string => context.sentences[c.sentence]!.articleId;
  const newer = (a: NumberCandidate, b: NumberCandidate): number => context.newer(article(a), article(b));
  if (q.order === 'first') {
    return [...pool].sort((a, b) => newer(a, b) || Number(b.mention.earlier) - Number(a.mention.earlier) || b.sentence - a.sentence || b.score - a.score)[0];
  }
  const latestFirst = (list: readonly NumberCandidate[]): NumberCandidate[] =>
    [...list].sort((a, b) => newer(b, a) || Number(b.mention.current) - Number(a.mention.current) || a.sentence - b.sentence || b.score - a.score);
  let current = pool.filter((c) => !c.mention.earlier);
  // A value some article marks as replaced ("instead of 900") is no latest value, even where another sentence repeats it plainly.
  const replaced = (c: NumberCandidate): boolean => timelineOf(context.briefing, context.sentences[c.sentence]!, c.mention.value)?.entry.superseded === true;
  const live = current.filter((c) => !replaced(c));
  if (q.order === 'latest' && live.length) current = live;
  const latest = latestFirst(current.length ? current : pool)[0];
  if (!latest) return latest;
  // An event's size has no history ("magnitude 7.8", "7.4" by another agency): unless asked for the latest, the value most articles give.
  if (q.order === 'latest' && !q.asksLatest && latest.mention.measure?.kind === 'size') return bestSupported(context, current.length ? current : pool) ?? latest;
  if (q.order === 'latest') {
    const newest = latestOfQuantity(context, candidates, latest);
    if (newest) return newest;
    // Every value as relevant is one a later report replaced: its replacement answers, or nothing does.
    return replaced(latest) ? undefined : latest;
  }
  // "previous": a value its own sentence calls earlier ("had previously put the toll at 5,500"), as relevant as the best;
  // else the value before the latest in the latest's own history (its quantity's timeline), else the newest other value.
  const marked = pool.filter((c) => c.mention.earlier && c.score >= best.score - tier);
  if (marked.length) return [...marked].sort((a, b) => b.score - a.score || a.sentence - b.sentence)[0];
  const line = timelineOf(context.briefing, context.sentences[latest.sentence]!, latest.mention.value);
  if (line) {
    const before = line.line.entries.filter((e) => e.kind === line.entry.kind && e !== line.entry && e.rank <= line.entry.rank).map((e) => e.value);
    const inHistory = latestFirst(candidates.filter((c) => c.score >= minimum && before.includes(c.mention.value) && line.line.entries.some((e) => e.value === c.mention.value && e.figures.some((f) => f.citation.sentenceId === context.sentences[c.sentence]!.id))));
    if (inHistory[0]) return inHistory[0];
  }
  return latestFirst(pool.filter((c) => c.mention.value !== latest.mention.value && (c.mention.earlier || newer(c, latest) <= 0)))[0] ?? latest;
}

/** The candidate whose value the most articles give, the most relevant of those; ties go to the earlier report. */
function bestSupported(context: AskContext, pool: readonly NumberCandidate[]): NumberCandidate | undefined {
  const articles = new Map<number, Set<string>>();
  for (const c of pool) {
    const held = articles.get(c.mention.value) ?? new Set<string>();
    held.add(context.sentences[c.sentence]!.articleId);
    articles.set(c.mention.value, held);
  }
  // The quantity's timeline counts every article that gives the value, not only the sentences retrieved here: read once per candidate.
  const support = new Map<NumberCandidate, number>();
  for (const c of pool) {
    const listed = new Set(timelineOf(context.briefing, context.sentences[c.sentence]!, c.mention.value)?.entry.figures.map((f) => f.citation.articleId)).size;
    support.set(c, Math.max(articles.get(c.mention.value)!.size, listed));
  }
  return [...pool].sort((a, b) => support.get(b)! - support.get(a)! || b.score - a.score || a.sentence - b.sentence)[0];
}

/**
 * The latest value of the chosen figure's own quantity, when a later one answers nearly as well:
 * "how much will the new bridge cost" meets an older estimate that says "new bridge" and a newer
 * one that says "rebuild"; the quantity's history says which is current. Not for a quantity whose
 * values are two counts under one name (`unreconciled`).
 */
function latestOfQuantity(context: AskContext, candidates: readonly NumberCandidate[], chosen: NumberCandidate): NumberCandidate | undefined {
  const found = timelineOf(context.briefing, context.sentences[chosen.sentence]!, chosen.mention.value);
  if (!found || found.line.unreconciled?.includes(found.entry.kind)) return undefined;
  const newest = found.line.latest[found.entry.kind];
  if (!newest || newest === found.entry || newest.rank <= found.entry.rank) return undefined;
  return candidates.find((c) => c.score >= minimum && c.mention.value === newest.value && newest.figures.some((f) => f.citation.sentenceId === context.sentences[c.sentence]!.id));
}

export function answerNumber(context: AskContext, q: Question): Answer | undefined {
  const chosen = pickByOrder(context, q, numberCandidates(context, q));
  if (!chosen) return undefined;
  const sentence = context.sentences[chosen.sentence]!;
  const m = chosen.mention;
  const speaker = speakerAt(context, chosen.sentence, m.start, { start: m.clauseStart, end: m.clauseEnd });
  const { display, what } = shownValue(context, chosen);
  const kind = m.projection ? ' (a projection)' : m.claim ? ' (a claim)' : '';
  const text = `${capitalize(withSeparators(display))}${what}${kind}${speaker ? `, according to ${speaker}` : ''}.`;
  const timeline = timelineOf(context.briefing, sentence, m.value);
  if (!timeline) return found(text, [sentence]);
  const { line, entry } = timeline;
  return found(text, [sentence], {
    figure: { timeline: line, entry },
    earlier: line.entries.filter((e) => e.kind === entry.kind && e !== entry && e.rank <= entry.rank).reverse(),
    related: line.entries.filter((e) => e.kind !== entry.kind),
  });
}

/**
 * The number as an answer shows it, and what it counts: "Three months" for "three-month" (a
 * duration's noun is what lasts, not what is counted), "One in four Norcorp 500 companies" for a
 * ratio (what it counts follows its whole), "Category 4 hurricane" with the word the number names.
 */
function shownValue(context: AskContext, chosen: NumberCandidate): { display: string; what: string } {
  const m = chosen.mention;
  const text = context.sentences[chosen.sentence]!.text;
  const joined = m.role === 'duration' ? /^(.+)-([a-z]+?)s?$/i.exec(m.display) : null;
  if (joined) return { display: `${joined[1]} ${joined[2]}${m.value === 1 ? '' : 's'}`, what: '' };
  const whole = m.role === 'ratio' ? (/^\s+in\s+(?:every\s+)?[\w-]+/i.exec(text.slice(m.end))?.[0] ?? '') : '';
  const named = m.role === 'label' ? /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1] : undefined;
  const display = `${named && named.toLowerCase() === m.label ? `${named} ` : ''}${m.display}${whole}`;
  const ofWhole = whole ? context.mentionsOf(chosen.sentence).find((o) => o.start > m.end && o.role === 'ratio')?.counted : undefined;
  const what = ofWhole ? ` ${ofWhole}` : m.counted && !/^(?:of|the)\b/i.test(m.counted) ? ` ${m.counted}` : m.measure && !m.unit ? ` ${m.measure.label}` : '';
  return { display, what };
}

/** The briefing's timeline entry for the same value in the same sentence, to show the figure's history beside the answer. */
function timelineOf(briefing: Briefing, sentence: Sentence, value: number): { line: FigureTimeline; entry: TimelineEntry } | undefined {
  for (const line of briefing.timelines) {
    for (const entry of line.entries) {
      if (entry.value === value && entry.figures.some((f) => f.citation.sentenceId === sentence.id)) return { line, entry };
    }
  }
  return undefined;
}

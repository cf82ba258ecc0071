/**
 * Reason, yes-or-no and other fact questions: the sentence that carries the question (its terms,
 * its verb, its source), and for a reason the causes it or its next sentence states. Below the
 * coverage threshold there is no answer.
 */
import type { Answer } from '../types.js';
import { candidateSentences, coverage, type AskContext } from './ask-context.js';
import { hasVerb } from './answer-entity.js';
import { sourceMatches } from './answer-number.js';
import { found } from './answer-parts.js';
import type { Question } from './question.js';
import { sameSense } from './synonyms.js';
import { words } from './words.js';

const causal = /\b(?:root cause|caused by|because|due to|blamed|attributed (?:\w+ ){0,4}to|as a result of|led to|triggered|cited factors|causing|resulted from|after (?:\w+ ){0,5}(?:burst|collapsed|failed|broke))\b/i;
const stance = /\b(?:never|rejected|denied|disputed|disowned|refuted|misleading|false|dismissed|not|no|didn't|did not|confirmed|acknowledged|admitted|agreed)\b/i;

/** A question about a delay, and a sentence that says what took or needs longer than planned. */
const asksDelay = /\b(?:pushed back|delayed|postponed|put off|slowed|behind schedule|taking (?:so )?long|take (?:so )?long|took (?:so )?long|later than)\b/i;
const delayReason = /\b(?:requires?|required|needs?|needed|takes?|took|taking) (?:\w+ ){0,2}(?:more|longer|extra|additional) (?:time|months|years|weeks)\b|\b(?:more time|longer) than (?:initially |originally |first )?(?:anticipated|expected|planned|projected)\b/i;

/**
 * Whether a sentence gives the cause *of* what was asked, not a cause it had: "the outage was
 * caused by X" and "X caused the outage" do; "deaths due to the flooding" does not answer what
 * caused the flooding. The asked-about words must stand before "due to / caused by / after" and
 * after "caused / triggered / led to".
 */
function causeOf(text: string, effect: readonly string[]): boolean {
  if (/\b(?:root cause|the cause (?:was|is))\b/i.test(text)) return true;
  const ws = words(text);
  const at = (re: RegExp): number[] => [...text.matchAll(re)].map((m) => m.index);
  const backward = at(/\b(?:caused by|due to|because of|because|blamed (?:\w+ ){0,3}on|attributed (?:\w+ ){0,4}to|as a result of|resulted from|after|cited)\b/gi);
  const forward = at(/\b(?:caused|causing|triggered|led to|sparked|resulted in)\b(?! by)/gi);
  const effectAt = ws.filter((w) => effect.includes(w.norm)).map((w) => w.start);
  if (effectAt.length === 0) return effect.length === 0;
  return backward.some((b) => effectAt.some((p) => p < b)) || forward.some((f) => effectAt.some((p) => p > f));
}

/** How plainly a sentence states a cause. */
function causeStrength(text: string): number {
  if (/\b(?:root cause|the cause (?:was|is))\b/i.test(text)) return 1.5;
  if (/\b(?:was caused by|were caused by|is caused by|caused by|because of|due to|blamed (?:\w+ ){0,3}on|attributed (?:\w+ ){0,4}to|the cause (?:was|is))\b/i.test(text)) return 1.3;
  if (/\bbecause\b|\bas a result of\b|\bcited factors\b/i.test(text)) return 1.1;
  return 1;
}

interface Scored {
  readonly i: number;
  readonly score: number;
}

function scored(context: AskContext, q: Question, minimum: number): Scored[] {
  const out: Scored[] = [];
  for (const i of candidateSentences(context, [...q.terms, ...q.source], 200)) {
    if (q.source.length && !sourceMatches(context, q.source, i)) continue;
    const score = coverage(context, q.terms, context.wordsOf(i));
    if (score >= minimum) out.push({ i, score });
  }
  return out.sort((a, b) => b.score - a.score || a.i - b.i);
}

/** "Why …?" / "What caused …?": up to two causes from different articles, each the sentence that states it. */
export function answerWhy(context: AskContext, q: Question): Answer | undefined {
  const { sentences } = context;
  const terms = q.terms.filter((t) => !/^caus/.test(t.norm));
  // What was caused: the question's common nouns ("the flooding"), not the names that place it.
  const effect = terms.filter((t) => !t.capital && !t.acronym && !context.isName(t)).map((t) => t.norm);
  const causes: number[] = [];
  // "Why was it pushed back?": what needs more time than planned is why.
  const delayed = asksDelay.test(q.text);
  // The plainest statements of a cause first ("the root cause was …", "caused by …"), then the weaker ("after …").
  // Every sentence about the effect is read (many tie on it: a story repeats its subject), not the first few.
  const stated = scored(context, { ...q, terms }, 0.5).flatMap((s) => {
    const options = [s.i, s.i + 1, s.i + 2].filter((k) => sentences[k] && sentences[k]!.articleId === sentences[s.i]!.articleId);
    const k = options.find((x) => (causal.test(sentences[x]!.text) && causeOf(sentences[x]!.text, effect)) || (delayed && delayReason.test(sentences[x]!.text)));
    return k === undefined ? [] : [{ k, score: s.score * (k === s.i ? 1 : 0.85) * causeStrength(sentences[k]!.text) }];
  });
  stated.sort((a, b) => b.score - a.score || a.k - b.k);
  for (const { k } of stated) {
    if (causes.some((c) => sentences[c]!.articleId === sentences[k]!.articleId || sentences[c]!.text === sentences[k]!.text)) continue;
    causes.push(k);
    if (causes.length === 2) break;
  }
  if (!causes.length) return undefined;
  return found(causes.map((k) => sentences[k]!.text).join(' '), causes.map((k) => sentences[k]!));
}

/** "Did X …?": the sentence that speaks to it, preferring one that takes a stance (confirms, denies). */
export function answerYesNo(context: AskContext, q: Question): Answer | undefined {
  // A stance verb ("accept", "stand behind", "deny") is answered by any stance the sentence takes, so it is no term.
  const stanceVerb = (t: { readonly lower: string }): boolean => /^(?:accept|accepts|accepted|agree|agrees|agreed|stand|stands|stood|behind|support|supports|deny|denies|denied|reject|rejects|rejected|dispute|disputes|disputed|confirm|confirms|confirmed|admit|admits|admitted|happen|happened|get|got)$/.test(t.lower);
  const list = scored(context, { ...q, terms: q.terms.filter((t) => !/^\d/.test(t.text) && !stanceVerb(t)) }, 0.45);
  const verbs = q.verbs.filter((v) => !/^(?:stand|accept|get|happen|agre|support|deny|reject|disput|confirm|admit)/.test(v));
  const aboutSubject = q.subject.length ? list.filter((s) => coverage(context, q.subject, context.wordsOf(s.i)) >= 0.99) : list;
  const withVerb = verbs.length ? aboutSubject.filter((s) => verbs.some((v) => hasVerb(context.wordsOf(s.i), v))) : aboutSubject;
  if (!withVerb.length) return undefined;
  const best = withVerb[0]!;
  // Of the sentences that take a stance, the latest reporting's: "did not deny" on Monday, "confirmed" on Tuesday.
  const said = (s: Scored): number => Number(stance.test(context.sentences[s.i]!.text));
  const pick = withVerb.filter((s) => s.score >= best.score - 0.2).sort((a, b) => said(b) - said(a) || context.newer(context.sentences[b.i]!.articleId, context.sentences[a.i]!.articleId) || b.score - a.score)[0]!;
  return found(context.sentences[pick.i]!.text, [context.sentences[pick.i]!]);
}

/** "What did X find?", "what has X decided?": the verb the question ends on. */
const askedVerb = /^what (?:did|does|do|has|have|had|will|would) [^?]+? (?<!\b(?:the|a|an|its|his|her|their|this|that|these|those) )([a-z]+)\s*\?*\s*$/i;
const speechVerbs = /^(?:say|said|tell|told|state|stated|report|reported|announce|announced|claim|claimed|call|describe|characteri[sz]e|label|dub|mean|do|does|did)$/i;

/** "Which general is commanding …", "what agency will lead …": a kind of thing, then what it does. */
const whichDoes = /^(?:which|what) (?!(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|if|about)\b)[\w-]+/i;

/** A question for the way someone or something went somewhere. */
const asksWay = /^(?:how (?:did|do|does|were|was|are|is|will|would|had|have|has) (?:[\w'’-]+ ){1,5}?(?:get|go|travel|reach|arrive|come|move|cross|enter|make it|transported|moved|brought|sent|taken)\b|(?:by )?(?:what|which) (?:route|way|means)\b)/i;
const wayWords = /^(?:route|way|means|reach|reached|get|got|go|went|travel|travelled|traveled|arrive|arrived|come|came|move|moved|cross|crossed|enter|entered|transported|brought|sent|taken)$/;
/** How a sentence says the way: by sea, by boat, via a port, aboard a ferry, sailed, flew, a route. */
const saysWay = /\b(?:by (?:sea|air|road|rail|land|boat|ship|train|plane|bus|truck|lorry|car|ferry|foot|helicopter)|via|aboard|on board|(?:travel(?:l)?ed|sailed|flew|drove|walked|shipped|ferried|airlifted|trucked|flown|driven)\b|route|overland|through the (?:port|pass|border))\b/i;

const namingQuestion = /^what did\b.*\b(?:call|describe|characteri[sz]e|label|dub)\b/i;

/** Any other question: the sentence that carries most of it. */
export function answerFact(context: AskContext, q: Question): Answer | undefined {
  // "What did X call the move?": X's words that name it ("calling it a grave step"); what is named is often only "it" there.
  const naming = q.source.length > 0 && namingQuestion.test(q.text);
  const namingVerb = q.terms.filter((t) => sameSense(t.norm, 'call'));
  const way = asksWay.test(q.text);
  // The way asked is what the sentence must say (`saysWay`), in its own words: "route" or "reach" is no term of it.
  const terms = naming ? namingVerb : way ? q.terms.filter((t) => !wayWords.test(t.lower)) : q.terms;
  // "What did X say?": with nothing asked but the source, the source is what the sentence must carry.
  let list = scored(context, terms.length ? { ...q, terms } : { ...q, terms: q.source, source: [] }, 0.55);
  // No naming verb: X's sentence about the thing itself ("stating, 'a disruption of this length is unacceptable'").
  if (naming && !list.length) list = scored(context, { ...q, terms: q.terms.filter((t) => !namingVerb.includes(t)) }, 0.55);
  // "What did the board find?": what was asked is what the verb names; a sentence about the board without it answers nothing.
  const asked = askedVerb.exec(q.text)?.[1];
  const verb = asked && !speechVerbs.test(asked) ? q.terms.find((t) => t.lower === asked.toLowerCase()) : undefined;
  if (verb) list = list.filter((s) => hasVerb(context.wordsOf(s.i), verb.norm));
  // "How did they get to Norland?", "by what route": the way there, a sentence that says how they went.
  if (way) list = list.filter((s) => saysWay.test(context.sentences[s.i]!.text));
  // "What is Norland considering?": Norland's own sentence, not one that only shares the story with it. A subject
  // that speaks ("what did Vell call it") is the source, found as sources are (by title, by the sentence before).
  const subject = q.subject.filter((w) => !q.source.includes(w));
  if (subject.length) list = list.filter((s) => coverage(context, subject, context.wordsOf(s.i)) >= 0.99);
  // "Which general is commanding the troops?" asks who does what the verb says: a sentence about the troops without it names no one.
  if (whichDoes.test(q.text) && q.verbs.length) list = list.filter((s) => q.verbs.some((v) => hasVerb(context.wordsOf(s.i), v)));
  const best = list[0];
  if (!best) return undefined;
  // Among near-equals, the most recent reporting: a position or status question wants the latest.
  const pool = list.filter((s) => s.score >= best.score - 0.1);
  const pick = [...pool].sort((a, b) => context.newer(context.sentences[b.i]!.articleId, context.sentences[a.i]!.articleId) || b.score - a.score || a.i - b.i)[0]!;
  return found(context.sentences[pick.i]!.text, [context.sentences[pick.i]!]);
}

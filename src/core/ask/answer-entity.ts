/**
 * Who, where and when questions answered with a span: a person's name, a place, a time, taken
 * from the sentences that carry the question and its verb, never a name the question already
 * holds. Who gave a number is the attribution of that number.
 */
import type { Answer } from '../types.js';
import { sentencesWith } from '../term-index.js';
import { escapeRegExp, stem, stopwords } from '../text.js';
import { dayNamed, weekdays } from '../written-dates.js';
import { candidateSentences, coverage, wordMatches, type AskContext } from './ask-context.js';
import { namedSpeaker } from './attribution.js';
import { capitalize, found } from './answer-parts.js';
import { measureOfWord } from './measures.js';
import { parseQuestion, thingKinds, type Question } from './question.js';
import { sameSense } from './synonyms.js';
import { words, type Word } from './words.js';

const minimum = 0.55;
/** How much of a who-question a sentence that says which came last (or first) must carry. */
const ordinalFloor = 0.25;

interface Scored {
  readonly i: number;
  readonly score: number;
}

/** Retrieved sentences that carry the question's terms and its main verb, best first. */
function relevant(context: AskContext, q: Question, needVerb: boolean, floor = minimum): Scored[] {
  const out: Scored[] = [];
  for (const i of candidateSentences(context, q.terms, 200)) {
    const ws = context.wordsOf(i);
    const quoted = needVerb && q.verbs.some((v) => !hasVerb(ws, v) && namesInQuotes(ws, context.sentences[i]!.text, v));
    if (needVerb && q.verbs.length && !quoted && !q.verbs.some((v) => hasVerb(ws, v))) continue;
    // Called so in quoted words, the naming verb is no word the sentence lacks.
    const score = coverage(context, quoted ? q.terms.filter((t) => !sameSense(t.norm, 'call')) : q.terms, ws);
    if (score >= floor) out.push({ i, score });
  }
  return out.sort((a, b) => b.score - a.score || a.i - b.i);
}

/** "Who called it unacceptable?": 'X says the timeline is "unacceptable"' calls it so, in X's own quoted words. */
function namesInQuotes(ws: readonly Word[], text: string, verb: string): boolean {
  return sameSense(verb, 'call') && hasVerb(ws, 'say') && /["“”]/.test(text);
}

export function hasVerb(ws: readonly Word[], verb: string): boolean {
  const measure = measureOfWord(verb);
  // "found" and "located" answer "recovered" as synonyms (synonyms.ts).
  return ws.some((w) => w.norm === verb || sameSense(w.norm, verb) || (measure !== undefined && measureOfWord(w.norm) === measure));
}

function byOrder(context: AskContext, q: Question, list: readonly Scored[], tier = 0.1): Scored[] {
  const best = list[0];
  if (!best) return [];
  const pool = list.filter((s) => s.score >= best.score - tier);
  const newer = (a: Scored, b: Scored): number => context.newer(context.sentences[a.i]!.articleId, context.sentences[b.i]!.articleId);
  return q.order === 'first'
    ? [...pool].sort((a, b) => newer(a, b) || b.score - a.score || a.i - b.i)
    : [...pool].sort((a, b) => newer(b, a) || b.score - a.score || a.i - b.i);
}

/** Last words of names that are places or structures, never who did something. */
const placeHeads = /^(?:bridge|river|port|county|state|states|parkway|channel|street|avenue|road|sea|ocean|gulf|coast|province|district|city|island|islands|valley|mountains?|lake|bay|harbou?r|airport|station|square|park|highway|region|area)$/i;
/** Titles written before a name ("Gov.", "President", "Col."). */
const titles = 'Mr|Mrs|Ms|Dr|Gov|Sen|Rep|President|Prime|Minister|Col|Gen|Lt|Capt|Sgt';
const titleWords = new RegExp(`^(?:${titles})\\.?$`);
const notNameWords = new RegExp(`^(?:The|A|An|This|That|These|Those|But|And|However|While|When|If|As|In|On|At|It|He|She|They|We|I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|${titles})\\.?$`);

/** Person names in a sentence: two to four capitalized words, not places or bodies, not the question's own. */
export function personNames(ws: readonly Word[], text: string, exclude: readonly Word[]): string[] {
  const out: string[] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length && (notNameWords.test(run[0]!.text) || /^(?:Former|Acting|Then|Late|Ex)$/.test(run[0]!.text))) run.shift();
    // "Former Norland Gov. Ana Vell": a title ends the words before the name, which name no one.
    // A bare particle ("van") ends no name; "al-Marun" does.
    while (run.length && (titleWords.test(run.at(-1)!.text) || (!run.at(-1)!.capital && !run.at(-1)!.text.includes('-')))) run.pop();
    if (run.length >= 2 && run.length <= 5 && !placeHeads.test(run.at(-1)!.text) && !run.some((w) => w.acronym) && !run.every((w) => exclude.some((e) => wordMatches(e, w))) && !run.slice(-2).some((w) => exclude.some((e) => wordMatches(e, w)))) {
      out.push(text.slice(run[0]!.start, run.at(-1)!.end));
    }
    run = [];
  };
  for (const w of ws) {
    const gap = run.length ? text.slice(run.at(-1)!.end, w.start) : ' ';
    // "Norcorp CEO Ana Vell", "NORDA Secretary-General Ana Vell": an acronym or a title between capitalized words ends the name before it and starts the one after.
    if (w.acronym || w.lower.split('-').some((part) => roleWord.test(part))) {
      flush();
      continue;
    }
    // "Sami al-Marun", "Ana van Dell": a lowercase particle inside a name, before its capitalized last part.
    const particle = !w.capital && run.length > 0 && /^(?:al|el|ad|as|an|ar|at|az|bin|ibn|van|von|der|den|de|da|di|du|del|della|dos|das|le|la)(?:-\p{Lu}[\p{L}'’-]*)?$/u.test(w.text) && /^\s+$/.test(gap);
    if (particle) run.push(w);
    else if (w.capital && !/^\d/.test(w.text) && /^\s+$/.test(gap)) run.push(w);
    else {
      flush();
      if (w.capital && !/^\d/.test(w.text)) run.push(w);
    }
  }
  flush();
  return out;
}

/** Sentences whose text may hold one of the values (by the postings of its leading digits, then the text itself). */
function sentencesNaming(context: AskContext, values: readonly number[]): number[] {
  const { index } = context.briefing;
  const out = new Set<number>();
  for (const v of values) {
    const forms = numberForms(v);
    for (const lead of new Set(forms.map((f) => /^\d+/.exec(f)![0]))) {
      const id = index.vocabulary.get(lead);
      if (id === undefined) continue;
      for (const i of sentencesWith(index, id)) if (forms.some((f) => context.sentences[i]!.text.includes(f))) out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** How a value may be written: "12,000", "12000", "4.2 million", "4.2m". */
function numberForms(v: number): string[] {
  const forms = [v.toLocaleString('en-US'), String(v)];
  for (const [scale, word] of [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const) {
    if (v >= scale && Number.isInteger(Math.round((v / scale) * 100) / 100 * 100)) forms.unshift(`${+(v / scale).toFixed(2)} ${word}`, `${+(v / scale).toFixed(2)}${word === 'billion' ? 'bn' : word === 'million' ? 'm' : 'k'}`);
  }
  return forms;
}

/** "Who came up with the 4.2 million figure?": the attribution of that number, earliest first when asked. */
export function answerWhoByNumber(context: AskContext, q: Question): Answer | undefined {
  const hits: Scored[] = [];
  for (const i of sentencesNaming(context, q.numbers)) {
    const asked = context.mentionsOf(i).filter((m) => q.numbers.includes(m.value));
    if (!asked.length) continue;
    // "up from an earlier estimate of 3,000" only recalls the number: who gave it is said where it is given.
    const recalled = asked.every((m) => m.earlier);
    hits.push({ i, score: coverage(context, q.terms, context.wordsOf(i)) + (recalled ? -0.2 : 0.01) });
  }
  hits.sort((a, b) => b.score - a.score || a.i - b.i);
  const named: { s: Scored; speaker: string }[] = [];
  // Who gave a number: every sentence that carries it and enough of the question, in the order asked.
  for (const s of byOrder(context, q, hits, 0.3)) {
    const sentence = context.sentences[s.i]!;
    const mentions = context.mentionsOf(s.i).filter((x) => q.numbers.includes(x.value));
    const m = mentions.find((x) => !x.earlier) ?? mentions[0]!;
    const title = context.briefing.sources.find((x) => x.articleId === sentence.articleId)?.title;
    const speaker = namedSpeaker(context, s.i, m.start, title) || subjectOfSpeech(sentence.text, m.start);
    // An answer the question already holds ("state media" for "which official did state media quote") is none.
    const own = words(speaker).filter((w) => !w.stop);
    if (speaker && !own.every((w) => q.terms.some((t) => wordMatches(t, w)) || q.source.some((t) => wordMatches(t, w)))) named.push({ s, speaker });
  }
  // A named person or body beats a description ("the head of one of the governments").
  const pick = named.find((n) => /[A-Z][a-z]+ [A-Z][a-z]+|[A-Z]{2,}|^[A-Z][a-z]+$/.test(n.speaker) && !/^The\b/.test(n.speaker)) ?? named[0];
  return pick ? found(`${pick.speaker}.`, [context.sentences[pick.s.i]!]) : undefined;
}

/** "The mayor said 40 bridges …": the words before the speech verb that governs a position, when they name no one. */
function subjectOfSpeech(text: string, at: number): string {
  const m = /(?:^|[,;] )((?:[\w.'’-]+ ){1,6}?)(?:said|says|told|estimated|reported|announced|warned|put|gave|counted)\b[^,;]*$/i.exec(text.slice(0, at));
  return m ? m[1]!.trim() : '';
}

/** Whether a word is one of the question's verbs, or a synonym of one. */
function isVerb(w: Word, verbs: readonly string[]): boolean {
  return verbs.some((v) => sameSense(w.norm, v));
}

/** "The auction was won by an unknown shell company": the agent of the question's verb in the passive. */
function passiveAgent(ws: readonly Word[], text: string, verbs: readonly string[]): string {
  for (const w of ws) {
    if (!isVerb(w, verbs)) continue;
    const m = /^\s+by\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?=\s+(?:for|in|on|at|with|after|before|during|which|who|that|and)\b|[,;.]|$)/.exec(text.slice(w.end));
    if (m) return m[1]!;
  }
  return '';
}

/**
 * The named subject of the question's verb: "The Norland Transport Agency is investigating …"
 * names the agency. A run of capitalized words (with "of", "the" and acronyms inside) ending
 * right before the verb or its auxiliary; not a pronoun or a sentence-opening word alone.
 */
function namedSubject(ws: readonly Word[], text: string, verbs: readonly string[], objects: readonly Word[]): string {
  for (let i = 1; i < ws.length; i++) {
    if (!isVerb(ws[i]!, verbs)) continue;
    // What the question names after its verb is the verb's object here too: within a few words after it.
    if (!objects.every((o) => ws.slice(i + 1, i + 7).some((w) => wordMatches(o, w)))) continue;
    let k = i - 1;
    while (k >= 0 && /^(?:is|are|was|were|has|have|had|will|would|also|now|had been|has been|been)$/.test(ws[k]!.lower)) k--;
    const end = k;
    while (k >= 0 && (ws[k]!.capital || ws[k]!.acronym || (/^(?:of|the|for|and)$/.test(ws[k]!.lower) && k < end && (ws[k - 1]?.capital || ws[k - 1]?.acronym)))) {
      if (k < end && /[,;:()"“”]/.test(text.slice(ws[k]!.end, ws[k + 1]!.start))) break;
      k--;
    }
    const run = ws.slice(k + 1, end + 1);
    while (run.length && /^(?:of|the|for|and)$/.test(run[0]!.lower)) run.shift();
    if (!run.length || (run.length === 1 && (notNameWords.test(run[0]!.text) || run[0]!.start === 0 && !run[0]!.acronym))) continue;
    if (run.every((w) => notNameWords.test(w.text))) continue;
    return text.slice(run[0]!.start, run.at(-1)!.end);
  }
  return '';
}

/**
 * Whether a name is what the question's verb does something to, not who does it: it follows the
 * verb within a few words, not after "by" ("is investigating the response of Brill Air"). Not
 * for speech verbs, whose speaker may follow them ("…, said Ana Vell").
 */
function objectOfVerb(ws: readonly Word[], text: string, verbs: readonly string[], name: string): boolean {
  const at = text.indexOf(name);
  return ws.some((w, i) => {
    if (w.end > at || !isVerb(w, verbs) || sameSense(w.norm, 'say')) return false;
    const between = text.slice(w.end, at);
    return ws.slice(i + 1, i + 7).some((x) => x.start === at) && !/\bby\b/i.test(between) && !/[,;.]/.test(between);
  });
}

/**
 * Whether `text` (from a name on) sets a role beside the name: "Ana Vell, deputy spokesman for …",
 * "Ana Vell, the Norcorp CEO, said". Not when the role titles the name after it: in "According to
 * Norland Radio, Corran President Ana Vell said", the president is Ana Vell, not the radio.
 */
function apposed(text: string, name: string, role: string): boolean {
  const m = new RegExp(`^${escapeRegExp(name)},\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}${rolePattern(role)}\\b`, 'i').exec(text);
  return m !== null && !/^\s+\p{Lu}/u.test(text.slice(m[0].length));
}

/** A sentence that opens by pointing back to the one before: a definite description set off by a comma, or a pronoun. */
const pointsBack = /^["“]?(?:(?:The|This|That|These|Those)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,\s|(?:He|She|They|His|Her|Their|Both|All)\b)/;

/** Sentences that say which came last (or first), found by those words, that carry the question's verb and enough of its terms. */
function ordinalSentences(context: AskContext, q: Question, ordinals: readonly string[], says: RegExp): Scored[] {
  const { index } = context.briefing;
  const out = new Map<number, number>();
  for (const word of ordinals) {
    const id = index.vocabulary.get(stem(word));
    if (id === undefined) continue;
    for (const i of sentencesWith(index, id)) {
      const ws = context.wordsOf(i);
      const text = context.sentences[i]!.text;
      if (!says.test(text) || (q.verbs.length && !q.verbs.some((v) => hasVerb(ws, v)))) continue;
      const score = coverage(context, q.terms, ws);
      if (score >= ordinalFloor) out.set(i, score);
    }
  }
  return [...out].map(([i, score]) => ({ i, score })).sort((a, b) => b.score - a.score || a.i - b.i);
}

/** "Who was the last worker to be recovered?": a person named in the best sentence, or the one after it. */
export function answerWho(context: AskContext, q: Question): Answer | undefined {
  const thing = thingAsked(q.text);
  if (thing) return answerThing(context, q, thing);
  // "Who runs Norcorp?" asks who heads it: its CEO, head, leader, president, chairman or secretary(-general), as "Who is the CEO of Norcorp?" does.
  const headed = /^who (?:runs|leads|heads|manages) (.+?)\s*\??$/i.exec(q.text.trim())?.[1];
  if (headed) {
    const apposed = whoHeads(context, q);
    if (apposed) return apposed;
    for (const role of ['CEO', 'chief executive', 'head', 'leader', 'president', 'director', 'chairman', 'secretary']) {
      const answer = answerWho(context, parseQuestion(`Who is the ${role} of ${headed}?`));
      if (answer) return answer;
    }
    return undefined;
  }
  const person = /^[Ww]ho (?:is|was) ((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)\s*\??$/.exec(q.text.trim())?.[1];
  if (person) return answerWhoIs(context, person);
  const all = relevant(context, q, true);
  const ordered = byOrder(context, q, all);
  // "Who is the CEO of Norcorp?": the role must be Norcorp's in the sentence ("Norcorp CEO", "Norcorp's CEO", "CEO of Norcorp"), and the name the role's.
  const roles = q.terms.filter((t) => (!t.capital || t.acronym) && roleWord.test(t.lower));
  const owners = q.terms.filter((t) => (t.capital || t.acronym || context.isName(t)) && !roleWord.test(t.lower));
  const bound = roles.length > 0 && owners.length > 0;
  // "Who was the last of the six workers to be recovered?": a sentence that says which was last ("the sixth and final
  // victim … was found") answers before the newest report of any of them, even with fewer of the question's words.
  const ordinal = /\bthe\s+(?:very\s+)?(last|final|first)\b/i.exec(q.text)?.[1]?.toLowerCase();
  const says = new RegExp(`\\b(?:${ordinal === 'first' ? 'first' : 'last|final'})\\b(?!\\s+(?:week|weekend|month|year|night|time|season|spring|summer|fall|autumn|winter|${weekdays.join('|')}))`, 'i');
  const explicit = ordinal ? ordinalSentences(context, q, ordinal === 'first' ? ['first'] : ['last', 'final'], says) : [];
  const seen = new Set<number>();
  for (const s of [...explicit, ...ordered, ...all]) {
    if (seen.has(s.i)) continue;
    seen.add(s.i);
    if (bound && !roleOf(context.sentences[s.i]!.text, roles, owners)) continue;
    const agent = passiveAgent(context.wordsOf(s.i), context.sentences[s.i]!.text, q.verbs);
    if (agent) return found(`${agent}.`, [context.sentences[s.i]!]);
    for (const k of [s.i, s.i + 1]) {
      const sentence = context.sentences[k];
      if (!sentence || sentence.articleId !== context.sentences[s.i]!.articleId) continue;
      // The sentence after names the one the best sentence is about only when it points back to it ("The victim, Ana Vell, …", "They were named as …").
      if (k !== s.i && !pointsBack.test(sentence.text)) continue;
      const names = personNames(context.wordsOf(k), sentence.text, q.terms).filter((n) => k !== s.i || !objectOfVerb(context.wordsOf(k), sentence.text, q.verbs, n));
      // "Who is the judge": the name the question's role word stands beside ("judge Ana Vell", "the CEO, Ana Vell", "Judge Vell", "Ana Vell, deputy spokesman for …").
      const titled = names.find((n) => roles.some((r) => new RegExp(`\\b${rolePattern(r.lower)}(?:-[a-z]+)?,?\\s+${n.split(' ')[0]}|^${rolePattern(r.lower)}\\b`, 'i').test(sentence.text.slice(Math.max(0, sentence.text.indexOf(n) - r.lower.length - 12))) || apposed(sentence.text.slice(sentence.text.indexOf(n)), n, r.lower)));
      if (bound && k !== s.i) continue;
      if (bound ? titled : names.length) return found(`${titled ?? subjectName(context.wordsOf(k), sentence.text, names, q.verbs)}.`, k === s.i ? [sentence] : [context.sentences[s.i]!, sentence]);
    }
  }
  // No person named: the body that does it ("The Norland Transport Agency is investigating …").
  if (!bound && q.verbs.length) {
    // "Who is investigating Norcorp?" is not answered by who investigates Brill Air: the names after the question's verb follow it in the sentence.
    const verbAt = q.terms.findIndex((t) => q.verbs.includes(t.norm));
    const objects = verbAt < 0 ? [] : q.terms.slice(verbAt + 1).filter((t) => t.capital || t.acronym);
    for (const s of ordered) {
      const subject = namedSubject(context.wordsOf(s.i), context.sentences[s.i]!.text, q.verbs, objects);
      if (subject && !q.terms.some((t) => subject.toLowerCase() === t.lower)) return found(`${subject}.`, [context.sentences[s.i]!]);
    }
  }
  return undefined;
}

/**
 * Of the names of a sentence, the one that does what the question asks: the last named before the
 * question's verb ("the agency cited the Alden Relief Fund, but its spokesman Ana Vell rejected the figures"
 * names Ana Vell for "who rejected"), else the first.
 */
function subjectName(ws: readonly Word[], text: string, names: readonly string[], verbs: readonly string[]): string {
  const verbAt = ws.find((w) => isVerb(w, verbs))?.start ?? -1;
  const before = names.filter((n) => {
    const at = text.indexOf(n);
    return at >= 0 && at + n.length <= verbAt;
  });
  return before.at(-1) ?? names[0]!;
}

/** "Ana Vell, who heads the NORDA agency, said …": the name before "who heads / leads / runs" what the question names. */
function whoHeads(context: AskContext, q: Question): Answer | undefined {
  const owners = q.terms.filter((t) => t.capital || t.acronym);
  if (!owners.length) return undefined;
  for (const i of candidateSentences(context, owners, 200)) {
    const text = context.sentences[i]!.text;
    for (const m of text.matchAll(/((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+),\s+who\s+(?:heads|leads|runs|manages|directs|chairs)\s+([^,.;]{1,80})/g)) {
      const org = words(m[2]!);
      // Most of what the question names must be the organization headed ("Norland's NORDA agency" is "the NORDA agency").
      if (owners.filter((o) => org.some((w) => wordMatches(o, w))).length * 2 < owners.length) continue;
      const name = personNames(words(m[1]!), m[1]!, [])[0];
      if (name) return found(`${name}.`, [context.sentences[i]!]);
    }
  }
  return undefined;
}

/**
 * "Who is Ana Vell?": the role the articles give the name, as a title before it ("Interior
 * minister Ana Vell", "Norcorp CEO Ana Vell") or beside it ("Ana Vell, the Norcorp CEO,"); the
 * newest such sentence, with the title read from it.
 */
function answerWhoIs(context: AskContext, name: string): Answer | undefined {
  const title = new RegExp(String.raw`((?:(?:[A-Z][\w.'’-]*|of|for|the|[a-z]+)\s+){0,5})${escapeRegExp(name)}\b`);
  const beside = new RegExp(String.raw`\b${escapeRegExp(name)},\s+((?:the|a|an)\s+)?([^,;"]{3,80}?)(?:,|\s+(?:said|says|told|who)\b)`);
  let best: { text: string; i: number } | undefined;
  context.sentences.forEach((sentence, i) => {
    if (!sentence.text.includes(name)) return;
    const before = title.exec(sentence.text)?.[1]?.trim().split(/\s+/) ?? [];
    // The title is the run of words before the name back to its role word: "Norcorp spokesperson", "Corran Defense Secretary".
    const at = before.findIndex((w) => roleWord.test(w.replace(/[^\w-]/g, '').split('-')[0]!));
    const lead = at < 0 ? '' : before.slice(titleStart(before, at)).join(' ');
    const side = beside.exec(sentence.text);
    const role = lead ? `${lead} ${name}` : side && side[2]!.split(/\s+/).some((w) => roleWord.test(w)) ? `${name}, ${side[1] ?? ''}${side[2]}` : '';
    if (role && (!best || context.newer(sentence.articleId, context.sentences[best.i]!.articleId) > 0)) best = { text: role, i };
  });
  return best ? found(`${capitalize(best.text)}.`, [context.sentences[best.i]!]) : undefined;
}

/**
 * Where a title before a role word starts: back over the words that qualify it ("Corran Defense
 * Secretary", "Corran Palace national security spokesman"), to a stopword, a verb or punctuation.
 */
function titleStart(words: readonly string[], at: number): number {
  let k = at;
  while (k > 0) {
    const w = words[k - 1]!;
    if (/[,;:()"“”]$/.test(w) || stopwords.has(w.toLowerCase()) || /^(?:On|In|At|According|After|Before|When|While|Then)$/.test(w)) break;
    if (/^[a-z]/.test(w) && /(?:ed|ing|ly)$/.test(w)) break;
    k--;
  }
  return k;
}

const thingWords = new RegExp(`^(?:${thingKinds})$`);

/** Kinds of person: "the names of the victims" asks who they were, not what a thing is called. */
const personKinds = /^(?:person|people|man|men|woman|women|child|children|victim|worker|official|resident|survivor|driver|pilot|passenger|member|officer|soldier|suspect|candidate|player|leader|spokes\w+|minister|judge|crew)$/;

/**
 * "What ship …", "the name of the storm …", "the names of the two dams …", "Which company's
 * update …": the kind of thing asked for, and the noun a possessive names. A kind a name is asked
 * of outright need not be one of `thingKinds`.
 */
function thingAsked(text: string): { kind: string; owned: string } | undefined {
  // "the name of the container ship": the kind is the phrase's noun, its last word.
  const named = /\bnames? of (?:the |a |an |this |that )?((?:[a-z-]+ ){0,2}[a-z]+)(?=\s+(?:that|which|who|in|on|at|of|to|was|is|were|did|does)\b|\W*$)/i.exec(text)?.[1]?.split(' ').at(-1);
  const m = /^(?:which|what) ([a-z]+)(?:['’]s\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b)?/i.exec(text.trim());
  const kind = singular(named ?? m?.[1] ?? '').toLowerCase();
  if (named && !personKinds.test(kind) && !thingWords.test(kind) && /^[a-z-]{3,}$/.test(kind)) return { kind, owned: '' };
  return thingWords.test(kind) ? { kind, owned: named ? '' : (m?.[2] ?? '').toLowerCase() } : undefined;
}

function singular(noun: string): string {
  return /[^s]s$/.test(noun) && noun.length > 3 ? noun.slice(0, -1) : noun;
}

const countOrDeterminer = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|Both|Several|Many|Some|All|No|Its|Their|His|Her|Our|Each|Every|Other|Another|Most|Few)$/;

const nameRun = String.raw`((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})`;

/**
 * The name the articles give a thing of the kind asked for: "the container ship Orla Star", "Storm
 * Kessa", "the Orla Star, a container ship", "the building firm Quist Holdings", or for "which
 * company's update" the owner in "Norcorp's update". Never a person's name for a thing.
 */
function answerThing(context: AskContext, q: Question, thing: { kind: string; owned: string }): Answer | undefined {
  const k = thing.kind;
  const kind = `[${k[0]!.toUpperCase()}${k[0]}]${k.slice(1)}s?`;
  const patterns = [
    new RegExp(String.raw`\b${kind}\s+(?:called\s+|named\s+|known as\s+)?${nameRun}`),
    new RegExp(String.raw`${nameRun},\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}${kind}\b`),
    // "the Alden Dam", "the Kettle Ford reservoir": the kind as the name's last word.
    new RegExp(String.raw`(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){1,3}${kind})\b`),
    ...(thing.owned ? [new RegExp(String.raw`${nameRun}['’]s\s+(?:[\w-]+\s+){0,2}?${thing.owned}`)] : []),
  ];
  // The kind is what the patterns find: any company a sentence names would answer "which company owns the Orla Star"
  // but for the name the question gives, which the sentence must carry too.
  const isKind = new RegExp(`^${kind}$`, 'i');
  const names = q.terms.filter((t) => (t.capital || t.acronym || context.isName(t)) && !isKind.test(t.text));
  const all = relevant(context, q, false, 0.3).filter((s) => names.every((t) => context.wordsOf(s.i).some((w) => wordMatches(t, w))));
  for (const s of [...byOrder(context, q, all), ...all]) {
    const text = context.sentences[s.i]!.text;
    for (const re of patterns) {
      const m = re.exec(text);
      const name = m?.[1]?.replace(/^(?:The|A|An)\s+/, '');
      const first = name?.split(/\s+/)[0] ?? '';
      // "Two dams burst": a sentence's opening count or determiner names nothing.
      if (!name || notNameWords.test(first) || countOrDeterminer.test(first) || q.terms.some((t) => t.text.toLowerCase() === name.toLowerCase())) continue;
      return found(`${name}.`, [context.sentences[s.i]!]);
    }
  }
  return undefined;
}

/** Short forms a title is written in before a name ("Gov. Ana Vell"). */
const titleShort: Readonly<Record<string, string>> = { governor: 'gov', senator: 'sen', secretary: 'sec', president: 'pres', commissioner: 'commr', superintendent: 'supt', general: 'gen', colonel: 'col', lieutenant: 'lt', captain: 'capt', sergeant: 'sgt' };

/** A title as a pattern: the word, or its short form with its dot ("governor" or "Gov."). */
function rolePattern(role: string): string {
  const short = titleShort[role];
  return short ? `(?:${role}|${short}\\.)` : role;
}

/** Whether the text gives one of `roles` as the role of one of `owners`: "Norcorp CEO", "Norcorp's chief executive", "the CEO of Norcorp". */
function roleOf(text: string, roles: readonly Word[], owners: readonly Word[]): boolean {
  // A former holder ("Former Norland Gov. Ana Vell") is not who holds it.
  const owner = (o: Word): string => {
    const name = o.text.replace(/['’]s$/, '');
    // "the president of Norland" is the "Norlandish President": a place's people named from its name (its stem and a demonym ending).
    const stem = o.capital ? name.replace(/(?:ey|y|ia|a|e|o)$/, '') : '';
    return stem.length >= 4 ? `(?:${escapeRegExp(name)}|${escapeRegExp(stem)}[a-z]*(?:ish|ian|an|ese|i|ic)\\b)` : escapeRegExp(name);
  };
  return roles.some((r) => owners.some((o) => new RegExp(`(?<!\\b(?:former|ex|then)[\\s-]+)\\b${owner(o)}(?:['’]s)?\\s+(?:[A-Za-z-]+\\s+){0,2}${rolePattern(r.lower)}(?:\\b|(?<=\\.))|(?<!\\b(?:former|ex|then)[\\s-]+)\\b${rolePattern(r.lower)}\\s+(?:of|for|at)\\s+(?:the\\s+)?${escapeRegExp(o.text.replace(/['’]s$/, ''))}\\b`, 'i').test(text)));
}

const roleWord = /^(?:judge|mayor|governor|minister|president|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|director|chief|ceo|head|secretary|commissioner|sheriff|coroner|lawyer|attorney|prosecutor|senator|ambassador|commander|officer|leader|founder|owner|manager|coach|captain)$/i;

const placeStart = /^(?:in|into|near|at|on|along|off|across|from|of|outside)$/i;

/** Places after a preposition ("in Norland's Cape Vell", "into the Corran River"). */
function places(ws: readonly Word[], text: string, kindNoun: string, exclude: readonly Word[]): string[] {
  const out: string[] = [];
  // "Which county …": a name that says it is one ("The Brill County Sheriff's Office") needs no preposition before it.
  if (kindNoun) {
    for (let i = 1; i < ws.length; i++) {
      if (!ws[i]!.capital || !ws[i]!.lower.startsWith(kindNoun.toLowerCase())) continue;
      let k = i;
      while (k > 0 && ws[k - 1]!.capital && !notNameWords.test(ws[k - 1]!.text) && !/[,;:()"“”]/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) k--;
      const run = ws.slice(k, i + 1);
      if (k < i && !run.every((w) => exclude.some((e) => wordMatches(e, w)))) out.push(text.slice(run[0]!.start, run.at(-1)!.end));
    }
  }
  for (let i = 0; i < ws.length; i++) {
    if (!placeStart.test(ws[i]!.lower)) continue;
    let k = i + 1;
    if (ws[k]?.lower === 'the') k++;
    const run: Word[] = [];
    // A name ends at punctuation: "in Norland, Vell said" names Norland.
    while (k < ws.length && (ws[k]!.capital || (run.length && /^(?:of|the)$/.test(ws[k]!.lower) && ws[k + 1]?.capital)) && run.length < 6 && !(run.length && /[,;:()"“”]/.test(text.slice(run.at(-1)!.end, ws[k]!.start)))) run.push(ws[k++]!);
    while (run.length && /^(?:of|the)$/.test(run.at(-1)!.lower)) run.pop();
    if (!run.length || run.every((w) => notNameWords.test(w.text))) continue;
    if (kindNoun && !run.some((w) => w.lower.startsWith(kindNoun.toLowerCase()))) continue;
    if (run.every((w) => exclude.some((e) => wordMatches(e, w)))) continue;
    // "in Norland's east" is in Norland.
    out.push(text.slice(run[0]!.start, run.at(-1)!.end).replace(/['’]s$/, ''));
  }
  return out;
}

const asksDestination = /^where (?:was|were|is|are)\b.*\b(?:headed|heading|bound|going|travell?ing|sailing|en route)\b/i;
const goingWords = /^(?:headed|heading|bound|going|travell?ing|sailing|en|route)$/;

/** The places a sentence says something was going to: "on its way to Norland", "bound for Port Vell". */
function destinations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:on (?:its|her|his|their) way to|bound for|headed (?:to|for)|heading (?:to|for)|en route to|destined for|sailing (?:to|for)|travell?ing to)\s+(?:the\s+)?/gi)) {
    const name = /^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}/.exec(text.slice(m.index + m[0].length))?.[0];
    if (name) out.push(name);
  }
  return out;
}

/**
 * Where someone comes from: the names after "from", a list kept whole as written ("from Corran,
 * Brill and Norland"). Never the question's own words.
 */
function origins(ws: readonly Word[], text: string, exclude: readonly Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]!.lower !== 'from') continue;
    // "from the Norland area": the article before the name is not part of it.
    const first = ws[i + 1]?.lower === 'the' ? i + 2 : i + 1;
    if (!ws[first]?.capital) continue;
    let k = first;
    let last = k;
    while (k < ws.length) {
      if (ws[k]!.capital && !notNameWords.test(ws[k]!.text)) {
        last = k++;
        const gap = text.slice(ws[last]!.end, ws[k]?.start ?? text.length);
        if (/^\s$/.test(gap)) continue;
        if (/^,\s$/.test(gap) && (ws[k]?.capital || (ws[k]?.lower === 'and' && ws[k + 1]?.capital))) continue;
        break;
      }
      if (ws[k]!.lower === 'and' && k > first && ws[k + 1]?.capital && /^\s$/.test(text.slice(ws[k - 1]!.end, ws[k]!.start))) {
        k++;
        continue;
      }
      break;
    }
    const run = ws.slice(first, last + 1);
    if (run.every((w) => exclude.some((e) => wordMatches(e, w)))) continue;
    out.push(text.slice(run[0]!.start, run.at(-1)!.end));
  }
  return out;
}

/**
 * "Where …?" / "Which river …?": the places the relevant sentences name, weighed by how many
 * outlets name them (a place one outlet gets wrong loses to the one the others agree on); a place
 * inside a longer one lends it weight ("Norland" to "Norland's Cape Vell").
 */
export function answerWhere(context: AskContext, q: Question): Answer | undefined {
  const votes = new Map<string, { score: number; articles: Set<string>; i: number }>();
  const floor = q.kindNoun ? 0.4 : minimum;
  // "Where were they from?" asks an origin: what follows "from".
  const origin = /\bfrom\W*$/i.test(q.text);
  // "Where was the ship headed?" asks a destination: what follows "on its way to", "bound for" …; the question's verb of going is no word the sentence needs.
  const destination = asksDestination.test(q.text);
  const asked = destination ? { ...q, terms: q.terms.filter((t) => !goingWords.test(t.lower)) } : q;
  // A sentence that says where it was going is evidence of its own: less of the rest of the question need match.
  for (const s of relevant(context, asked, false, destination ? 0.4 : floor).slice(0, 16)) {
    const sentence = context.sentences[s.i]!;
    const named = destination ? destinations(sentence.text) : origin ? origins(context.wordsOf(s.i), sentence.text, q.terms) : places(context.wordsOf(s.i), sentence.text, q.kindNoun, q.terms);
    for (const place of named) {
      const v = votes.get(place) ?? { score: 0, articles: new Set<string>(), i: s.i };
      if (!v.articles.has(sentence.articleId)) v.score += s.score;
      v.articles.add(sentence.articleId);
      votes.set(place, v);
    }
  }
  // The more specific name takes weight from the places it contains: "Norland's Cape Vell" from "Norland".
  const credit = (place: string): number => {
    let total = 0;
    for (const [other, v] of votes) if (other === place || place.includes(other)) total += other === place ? v.score : 0.5 * v.score;
    return total;
  };
  const ranked = [...votes.keys()].sort((a, b) => credit(b) - credit(a) || votes.get(a)!.i - votes.get(b)!.i);
  const shown: string[] = [];
  // "Which river": one answer. "Where": a second place when it has at least half the first's weight.
  const most = q.kindNoun ? 1 : 2;
  for (const place of ranked) {
    if (shown.length >= most || (shown.length && credit(place) < 0.5 * credit(shown[0]!))) break;
    if (shown.some((p) => p.includes(place) || place.includes(p))) continue;
    shown.push(place);
  }
  if (!shown.length) return undefined;
  return found(`${shown.join('; ')}.`, shown.map((p) => context.sentences[votes.get(p)!.i]!));
}

const timeRe =
  /\b(?:(?:late|early|mid|the end of|end of|the fall of|fall of|spring of|summer of|winter of|by)\s+)?(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{4})?|(?:late|early|mid-?)\s*(?:19|20)\d\d|(?:in|since)\s+(?:(?:late|early|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?:19|20)\d\d)?|(?:in|by|until|of)\s+(?:19|20)\d\d|\d{1,2}:\d\d\s?(?:a\.m\.|p\.m\.|am|pm)?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b/gi;

/** A time of day: "4:17 a.m.", "around 10:30", "11 p.m.". */
const clockRe = /\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b/i;

/** "When …?": the most specific time the best sentence gives, with the sentence. */
export function answerWhen(context: AskContext, q: Question): Answer | undefined {
  const future = /\b(?:will|should|expected|supposed|scheduled|due|going to|planned|plan|could|would|set to)\b|^(?:by|until|till) when\b/i.test(q.text);
  // "What time did it …?" asks a time of day: the most relevant sentence that gives one ("around 11:10 p.m.").
  if (/\bwhat time\b/i.test(q.text)) {
    for (const s of relevant(context, { ...q, terms: q.terms.filter((t) => t.lower !== 'time') }, false)) {
      const sentence = context.sentences[s.i]!;
      const clock = clockRe.exec(sentence.text)?.[0];
      if (clock) return found(`${clock}: ${sentence.text}`, [sentence]);
    }
  }
  for (const s of byOrder(context, q, relevant(context, q, true))) {
    const sentence = context.sentences[s.i]!;
    // "When did they …" is not answered by a plan ("hoping to … by May 10"), nor "when will …" by a past date alone.
    if (!future && /\b(?:hop(?:e|es|ing) to|expect(?:s|ed)? to|plan(?:s|ned)? to|aim(?:s|ing)? to|will|could|would|set to|scheduled to|due to be)\b/i.test(sentence.text)) continue;
    const ws = context.wordsOf(s.i);
    const times = [...sentence.text.matchAll(timeRe)].filter((m) => timeOfVerb(sentence.text, ws, q.verbs, m.index)).map((m) => m[0]);
    if (!times.length) continue;
    const specific = [...times].sort((a, b) => specificity(b) - specificity(a))[0]!.replace(/^(?:in|by|until|of)\s+/i, '');
    const dated = onDate(specific, context.times.get(sentence.articleId));
    return found(`${dated}: ${sentence.text}`, [sentence]);
  }
  return undefined;
}

/** Where one clause of a sentence ends and the next begins: punctuation, or a conjunction that opens a clause of its own ("before the quake struck"). */
const clauseBreak = /[,;:\u2013\u2014]|\s-\s|\b(?:before|after|since|until|because|while|when|as)\s/gi;

/**
 * Whether the time at `at` dates the question's verb: it is in the verb's clause, or it opens the
 * sentence ("On Monday, …"). In "Days after the storm hit, the toll rose on Friday", Friday dates
 * the rise, not the storm. Without a verb in the question, any time does.
 */
function timeOfVerb(text: string, ws: readonly Word[], verbs: readonly string[], at: number): boolean {
  if (!verbs.length) return true;
  const breaks = [0, ...[...text.matchAll(clauseBreak)].map((m) => m.index), text.length];
  const clause = (pos: number): number => breaks.findIndex((b, k) => pos >= b && pos < (breaks[k + 1] ?? Infinity));
  const own = clause(at);
  if (own === 0 && breaks.length > 2 && words(text.slice(0, breaks[1])).length <= 5) return true;
  // "the collapse of the bridge" names the event; the verb is "collapsed".
  return ws.some((w, i) => clause(w.start) === own && verbs.some((v) => hasVerb([w], v)) && !/^(?:the|a|an|its|their|his|her|this|that)$/.test(ws[i - 1]?.lower ?? ''));
}

function specificity(t: string): number {
  if (/\d{4}/.test(t) && /[a-z]{3}/i.test(t.replace(/^(?:late|early|mid|in|by|until|of)\s*/i, '')) && /\d{1,2}\b(?!\d)/.test(t.replace(/\d{4}/, ''))) return 5;
  if (/[a-z]{3}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3}/i.test(t)) return 4;
  if (/(?:late|early|mid|fall|spring|summer|winter|end)/i.test(t) && /\d{4}/.test(t)) return 3;
  if (/\d{4}/.test(t)) return 2;
  return 1;
}

/**
 * "Monday" in an article of Wednesday 12 June is Monday 10 June (see `dayNamed`), shown with the
 * date it names.
 */
export function onDate(time: string, articleTime: number | undefined): string {
  const day = articleTime === undefined ? undefined : dayNamed(time, articleTime);
  if (day === undefined) return time;
  return `${time} (${new Date(day).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })})`;
}

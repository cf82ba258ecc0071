/**
 * Who said what a sentence says, for answers: the attribution nearest a position, a pronoun
 * resolved to the article's previous speaker, a statement traced back to whom it is attributed,
 * and, when the sentence names no one, the neighbouring sentences or a headline's "Name: …".
 */
import { attributionAt, findAttributions, previousSpeaker, resolvePronoun } from '../speakers.js';
import type { AskContext } from './ask-context.js';

const generic = /^(?:he|she|they|it|we|i|officials?|authorities|the statement|statement|a statement|the report|report|experts?|sources?|the company|the agency|the organi[sz]ation)$/i;

/** The speaker of sentence `i` at character `at`, or ''. */
export function speakerAt(context: AskContext, i: number, at: number, clause?: { readonly start: number; readonly end: number }): string {
  const { sentences } = context;
  const s = sentences[i]!;
  const all = findAttributions(s.text);
  // "X said A, while B": X gave A; B is not X's unless nothing else in the sentence names a speaker for it.
  const inClause = clause ? all.filter((a) => a.at >= clause.start && a.at < clause.end) : all;
  const attribution = attributionAt(inClause.length || !clause ? inClause : all.filter((a) => a.at > clause.end), at);
  let speaker = attribution ? resolvePronoun(attribution.speaker, previousSpeaker(sentences, i)) : '';
  if (/^(?:he|she|they|we|i)$/i.test(speaker)) speaker = previousSpeaker(sentences, i);
  if (/\bstatement\b/i.test(speaker) || /\bthe statement said\b/i.test(s.text)) speaker = statementAuthor(context, i) || speaker;
  if (speaker && attribution?.via && attribution.via !== speaker) return `${speaker} (via ${attribution.via})`;
  return speaker;
}

/** "The statement, attributed to Officer Mara Quist, …" / "A statement from Mara Quist …": the author of a statement quoted nearby. */
function statementAuthor(context: AskContext, i: number): string {
  const { sentences } = context;
  for (let k = i; k >= Math.max(0, i - 4); k--) {
    if (sentences[k]!.articleId !== sentences[i]!.articleId) break;
    const m = /\bstatement,? (?:attributed to|from|by|issued by) ((?:[A-Z][\w.'’-]*\s?){1,6})/.exec(sentences[k]!.text);
    if (m) return m[1]!.trim().replace(/,$/, '');
  }
  return '';
}

/**
 * A named speaker for sentence `i`: its own; else, for a quotation that runs on from the sentence
 * before, that sentence's speaker; else the speaker of a next sentence that goes on ("X added");
 * else the headline's "Name: …".
 */
export function namedSpeaker(context: AskContext, i: number, at: number, title?: string): string {
  const own = speakerAt(context, i, at);
  if (own && !generic.test(own)) return own;
  const { sentences } = context;
  const same = (k: number): boolean => sentences[k] !== undefined && sentences[k]!.articleId === sentences[i]!.articleId;
  // '"First part." "Second part," said X.' (one paragraph): a quotation that goes on into a next sentence attributed to X.
  if (/^["“]/.test(sentences[i]!.text) && same(i + 1) && /^["“]/.test(sentences[i + 1]!.text) && sentences[i + 1]!.paragraph === sentences[i]!.paragraph) {
    const after = findAttributions(sentences[i + 1]!.text).find((x) => !generic.test(x.speaker));
    if (after) return after.speaker;
  }
  // '"First part," said X.' then '"Second part."': the quotation runs on from X.
  if (/^["“]/.test(sentences[i]!.text) && same(i - 1)) {
    const before = findAttributions(sentences[i - 1]!.text).find((x) => !generic.test(x.speaker));
    if (before) return before.speaker;
  }
  if (same(i + 1) && /^(?:[A-Z][\w.'’-]*\s){1,4}(?:added|also said|noted|went on)\b/.test(sentences[i + 1]!.text)) {
    const after = findAttributions(sentences[i + 1]!.text).find((x) => !generic.test(x.speaker));
    if (after) return after.speaker;
  }
  const headline = title ? /^([A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}):\s/.exec(title)?.[1] : undefined;
  return headline ?? own;
}

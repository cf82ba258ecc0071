/**
 * A denial and its later reversal read as one change: "Both ministries denied the reports …" then,
 * from later reporting, "On Tuesday the minister confirmed the presence of the convoy …". Two
 * points that only make sense together become one, the denial first, each sentence as written and
 * each with its own citations, so the brief says what changed instead of two things that clash.
 */
import type { KeyPoint } from './types.js';

const denial = /\b(?:den(?:y|ies|ied)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|rebuff(?:ed|s)?)\b|\b(?:fake news|baseless|unfounded)\b/i;
const confirmation = /\b(?:confirm(?:ed|s)|acknowledg(?:ed|es)|admit(?:ted|s)|conced(?:ed|es))\b/i;
/** "did not deny", "has yet to confirm": no denial, no confirmation. */
const negated = /\b(?:not|never|yet to|refused to|declined to)\s+(?:\w+\s+)?(?:den|confirm|acknowledg|admit|conced|dismiss|reject)/i;

/** Denies, and neither confirms nor only says it did not deny. */
export function isDenial(text: string): boolean {
  return denial.test(text) && !negated.test(text) && !confirmation.test(text);
}

/** Confirms, and neither denies nor only says it has yet to confirm. */
export function isConfirmation(text: string): boolean {
  return confirmation.test(text) && !negated.test(text) && !denial.test(text);
}

/** Whether a confirmation is about what a denial denied: two names in common. */
export function sameParties(denialText: string, confirmationText: string): boolean {
  return sharedNames(denialText, confirmationText) >= 2;
}

/** Names the two sentences share (capitalised words after the first): what both are about. */
function sharedNames(a: string, b: string): number {
  const names = (text: string): Set<string> => new Set([...text.matchAll(/(?<=\s)[A-Z][\w'’-]+/g)].map((m) => m[0].replace(/['’]s$/, '')));
  const inB = names(b);
  let shared = 0;
  for (const n of names(a)) if (inB.has(n)) shared++;
  return shared;
}

/**
 * Folds each confirmation into the denial it reverses: a point that denies, and a later point
 * (from an article newer than the denial's) that confirms, about the same named parties (two
 * names in common). The folded point keeps the denial's place and carries the confirmation as
 * `then`, with the citations of both.
 */
export function foldReversals(points: readonly KeyPoint[], rankOf: (articleId: string) => number): KeyPoint[] {
  const out = [...points];
  for (let d = 0; d < out.length; d++) {
    const first = out[d]!;
    if (first.then || !isDenial(first.text)) continue;
    const deniedAt = rankOf(first.citations[0]!.articleId);
    const c = out.findIndex((p, i) => i !== d && !p.then && isConfirmation(p.text) && rankOf(p.citations[0]!.articleId) > deniedAt && sameParties(first.text, p.text));
    if (c < 0) continue;
    const later = out[c]!;
    const articles = new Set([...first.citations, ...later.citations].map((x) => x.articleId));
    out[d] = { ...first, keep: Math.max(first.keep, later.keep), citations: [...first.citations, ...later.citations], sourceCount: articles.size, then: later };
    out.splice(c, 1);
    if (c < d) d--;
  }
  return out;
}

/** A point and the later point folded into it (`then`), each with its own citations. */
export function pointParts(point: KeyPoint): KeyPoint[] {
  const { then, ...first } = point;
  if (!then) return [point];
  const own = new Set(then.citations);
  return [{ ...first, citations: point.citations.filter((c) => !own.has(c)) }, ...pointParts(then)];
}

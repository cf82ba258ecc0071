/**
 * The inverted index over sentences, in flat typed arrays: the whole corpus lives in a few
 * allocations, so building and querying stay cheap on thousands of articles.
 */

/** Sentences holding term t: `postings[postingStart[t] .. postingStart[t + 1])`, ascending. */
export interface Postings {
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
}

/** The sentences (ascending) that hold a term. */
export function sentencesWith(index: Postings, term: number): Int32Array {
  return index.postings.subarray(index.postingStart[term]!, index.postingStart[term + 1]!);
}

/** In how many sentences a term occurs. */
export function sentenceFrequency(index: Postings, term: number): number {
  return index.postingStart[term + 1]! - index.postingStart[term]!;
}

/**
 * The postings of sentences given by their distinct term ids (each below `vocabularySize`): the
 * sentences' ids end to end in `lists` (one list a run of sentences), `lengths[i]` of them for sentence i.
 */
export function buildPostings(lists: readonly Int32Array[], lengths: Int32Array, vocabularySize: number): Postings {
  const counts = new Int32Array(vocabularySize + 1);
  for (const ids of lists) for (let k = 0; k < ids.length; k++) counts[ids[k]! + 1]!++;
  for (let t = 0; t < vocabularySize; t++) counts[t + 1]! += counts[t]!;
  const postingStart = counts.slice();
  const postings = new Int32Array(counts[vocabularySize]!);
  let sentence = 0;
  let left = lengths[0] ?? 0;
  for (const ids of lists) {
    for (let k = 0; k < ids.length; k++) {
      while (left === 0) left = lengths[++sentence]!;
      postings[counts[ids[k]!]!++] = sentence;
      left--;
    }
  }
  return { postingStart, postings };
}

/**
 * Whether the ascending runs `a[i, iEnd)` and `b[j, jEnd)` share at least `needed` ids; stops as
 * soon as the answer is known.
 */
export function sharesAtLeast(a: Int32Array, i: number, iEnd: number, b: Int32Array, j: number, jEnd: number, needed: number): boolean {
  let shared = 0;
  while (i < iEnd && j < jEnd) {
    if (shared >= needed) return true;
    if (shared + Math.min(iEnd - i, jEnd - j) < needed) return false;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared >= needed;
}

/** Arrays of ids laid end to end in one. */
export function concatIds(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

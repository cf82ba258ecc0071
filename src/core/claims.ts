import { sharesAtLeast, type Postings } from './term-index.js';

/**
 * Near-duplicate sentences across articles, merged into one claim with every source that carries
 * it. Candidate pairs come from an inverted index over each sentence's rarest terms, so the cost
 * grows with the set, not with its square. The pairs found from one sentence depend only on its
 * rarest terms' postings, so an update re-examines only the sentences whose rare terms changed.
 */

/** The set as near-duplicate search sees it, by sentence position. */
export interface NearDuplicateIndex extends Postings {
  /** Distinct term ids of every sentence, ascending, end to end: sentence i's are `uniqueFlat[uniqueStart[i] .. uniqueStart[i + 1])`. */
  readonly uniqueFlat: Int32Array;
  readonly uniqueStart: Int32Array;
  /** Per term id, its order of first appearance in the set: it breaks ties between equally rare terms. */
  readonly termRank: Int32Array;
  readonly negated: Uint8Array;
  /** Per sentence, the position of its article. */
  readonly articleOf: Int32Array;
}

/** Minimum share of the shorter sentence's terms found in the other for two sentences to be one claim. */
const overlapThreshold = 0.6;
const minTerms = 4;
/** A term in more sentences than this says too little to find a near-duplicate through. */
export const maxPostings = 40;

/**
 * The sentences merged with sentence `i` that are found from it: those at least as long (equally
 * long ones only after it) that hold one of its rarest terms. Only sentences of different articles
 * are merged, and never a denial with an affirmation. `seenBy` is scratch space, one slot a sentence.
 */
export function nearDuplicatesFrom(index: NearDuplicateIndex, i: number, seenBy: Int32Array): number[] {
  const { uniqueFlat, uniqueStart, postingStart, postings, negated, articleOf } = index;
  const a0 = uniqueStart[i]!;
  const a1 = uniqueStart[i + 1]!;
  const length = a1 - a0;
  const out: number[] = [];
  if (length < minTerms) return out;
  const article = articleOf[i]!;
  const denial = negated[i]!;
  // If i is the shorter of a near-duplicate pair, the other sentence holds most of i's terms,
  // so it holds one of i's three rarest; rare terms have short postings, which keeps this linear.
  for (const term of rarestTerms(index, a0, a1)) {
    const from = postingStart[term]!;
    const to = postingStart[term + 1]!;
    if (to - from > maxPostings) break;
    for (let p = from; p < to; p++) {
      const j = postings[p]!;
      const b0 = uniqueStart[j]!;
      const b1 = uniqueStart[j + 1]!;
      const other = b1 - b0;
      if (seenBy[j] === i || other < length || (other === length && j <= i)) continue;
      seenBy[j] = i;
      if (denial !== negated[j] || articleOf[j] === article) continue;
      if (sharesAtLeast(uniqueFlat, a0, a1, uniqueFlat, b0, b1, Math.ceil(overlapThreshold * Math.max(length, other * 0.6) - 1e-9))) out.push(j);
    }
  }
  return out;
}

/** The three terms of a sentence found in the fewest sentences, rarest first (first appearance breaks ties). */
function rarestTerms(index: NearDuplicateIndex, from: number, to: number): number[] {
  const { postingStart, termRank, uniqueFlat } = index;
  // Parallel lists, kept sorted by (frequency, rank) and at most three long.
  const terms: number[] = [];
  const frequencies: number[] = [];
  const ranks: number[] = [];
  for (let k = from; k < to; k++) {
    const t = uniqueFlat[k]!;
    const f = postingStart[t + 1]! - postingStart[t]!;
    const r = termRank[t]!;
    let slot = terms.length;
    while (slot > 0 && (f < frequencies[slot - 1]! || (f === frequencies[slot - 1]! && r < ranks[slot - 1]!))) slot--;
    if (slot >= 3) continue;
    for (let m = Math.min(terms.length, 2); m > slot; m--) {
      terms[m] = terms[m - 1]!;
      frequencies[m] = frequencies[m - 1]!;
      ranks[m] = ranks[m - 1]!;
    }
    terms[slot] = t;
    frequencies[slot] = f;
    ranks[slot] = r;
  }
  return terms;
}

/**
 * For each of `count` sentences, its group's representative (the group's first sentence), given
 * the pairs found from each sentence.
 */
export function groupRepresentatives(count: number, pairsOf: (i: number) => Iterable<number> | undefined): Int32Array {
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let i = 0; i < count; i++) {
    for (const j of pairsOf(i) ?? []) {
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }
  for (let i = 0; i < count; i++) parent[i] = find(i);
  return parent;
}

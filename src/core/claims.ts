import { sharedCount, type TermIndex } from './term-index.js';

/**
 * Near-duplicate sentences across articles, merged into one claim with every source that carries
 * it. Candidate pairs come from an inverted index over each sentence's rarest terms, so the cost
 * grows with the set, not with its square.
 */

/** Union-find over sentence indexes. */
class Groups {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size).map((_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  join(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Minimum share of the shorter sentence's terms found in the other for two sentences to be one claim. */
const overlapThreshold = 0.6;
const minTerms = 4;
/** A term in more sentences than this says too little to find a near-duplicate through. */
const maxPostings = 40;

/**
 * Returns, for each sentence, the index of its group's representative (the first member).
 * Only sentences of different articles are merged, and never a denial with an affirmation.
 */
export function groupNearDuplicates(index: TermIndex, articleOf: readonly string[], negated: readonly boolean[]): number[] {
  const { unique } = index;
  const groups = new Groups(unique.length);
  const seenBy = new Int32Array(unique.length).fill(-1);
  for (let i = 0; i < unique.length; i++) {
    const a = unique[i]!;
    if (a.length < minTerms) continue;
    // If i is the shorter of a near-duplicate pair, the other sentence holds most of i's terms,
    // so it holds one of i's three rarest; rare terms have short postings, which keeps this linear.
    for (const term of rarestTerms(a, index)) {
      const from = index.postingStart[term]!;
      const to = index.postingStart[term + 1]!;
      if (to - from > maxPostings) break;
      for (let p = from; p < to; p++) {
        const j = index.postings[p]!;
        const b = unique[j]!;
        if (seenBy[j] === i || b.length < a.length || (b.length === a.length && j <= i)) continue;
        seenBy[j] = i;
        if (negated[i] !== negated[j] || articleOf[j] === articleOf[i]) continue;
        if (sharedCount(a, b) >= Math.ceil(overlapThreshold * Math.max(a.length, b.length * 0.6) - 1e-9)) groups.join(i, j);
      }
    }
  }
  return unique.map((_, i) => groups.find(i));
}

/** The three terms of a sentence found in the fewest sentences, rarest first. */
function rarestTerms(terms: Int32Array, index: TermIndex): number[] {
  let [t1, t2, t3] = [-1, -1, -1];
  let [f1, f2, f3] = [Infinity, Infinity, Infinity];
  for (const t of terms) {
    const f = index.postingStart[t + 1]! - index.postingStart[t]!;
    if (f < f1) [t3, f3, t2, f2, t1, f1] = [t2, f2, t1, f1, t, f];
    else if (f < f2) [t3, f3, t2, f2] = [t2, f2, t, f];
    else if (f < f3) [t3, f3] = [t, f];
  }
  return [t1, t2, t3].filter((t) => t >= 0);
}

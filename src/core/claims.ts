import type { Negations } from './negations.js';
import type { Postings } from './term-index.js';
import { bitCount, bitOf, mayShare } from './term-signatures.js';

/**
 * Near-duplicate sentences across articles, merged into one claim with every source that carries
 * it. Candidate pairs come from an inverted index over each sentence's rarest terms, so the cost
 * grows with the set, not with its square. The pairs found from one sentence depend only on its
 * rarest terms' postings, so an update re-examines only the sentences whose rare terms changed.
 */

/** The set as near-duplicate search sees it, by sentence position. */
export interface NearDuplicateIndex extends Postings {
  /** Distinct term ids of every sentence, end to end: sentence i's are `uniqueFlat[uniqueStart[i] .. uniqueStart[i + 1])`. */
  readonly uniqueFlat: Int32Array;
  readonly uniqueStart: Int32Array;
  /** Per term id, its order of first appearance in the set: it breaks ties between equally rare terms. */
  readonly termRank: Int32Array;
  readonly negations: Negations;
  /** Per sentence, the position of its article. */
  readonly articleOf: Int32Array;
  /** Per sentence, two ints: the 64-bit signature of its terms (see `termSignatures`). */
  readonly signatures: Int32Array;
}

/** Minimum share of the shorter sentence's terms found in the other for two sentences to be one claim. */
const overlapThreshold = 0.6;
const minTerms = 4;
/** A term in more sentences than this says too little to find a near-duplicate through. */
export const maxPostings = 40;

/** Scratch space of a near-duplicate search: a slot a sentence, a slot a term, the bits of one sentence's terms, its rarest terms. */
export interface NearDuplicateScratch {
  readonly seenBy: Int32Array;
  readonly markedBy: Int32Array;
  bits: Int32Array;
  readonly rarest: RarestTerms;
}

export function nearDuplicateScratch(count: number, vocabularySize: number): NearDuplicateScratch {
  return {
    seenBy: new Int32Array(count).fill(-1),
    markedBy: new Int32Array(vocabularySize).fill(-1),
    bits: new Int32Array(64),
    rarest: { terms: new Int32Array(3), frequencies: new Int32Array(3), ranks: new Int32Array(3) },
  };
}

const noneFound: readonly number[] = Object.freeze([]);

/**
 * The sentences merged with sentence `i` that are found from it: those at least as long (equally
 * long ones only after it) that hold one of its rarest terms. Only sentences of different articles
 * are merged, and never a denial with an affirmation.
 */
export function nearDuplicatesFrom(index: NearDuplicateIndex, i: number, scratch: NearDuplicateScratch): readonly number[] {
  const { uniqueFlat, uniqueStart, postingStart, postings, negations, articleOf, signatures } = index;
  const { seenBy } = scratch;
  const a0 = uniqueStart[i]!;
  const a1 = uniqueStart[i + 1]!;
  const length = a1 - a0;
  let out: number[] | undefined;
  if (length < minTerms) return noneFound;
  const article = articleOf[i]!;
  const lo = signatures[2 * i]!;
  const hi = signatures[2 * i + 1]!;
  // Terms of i beyond one a bit: at most this many more of i's terms than bits of i can be shared.
  const collisions = length - bitCount(lo) - bitCount(hi);
  let bits: Int32Array | undefined;
  // If i is the shorter of a near-duplicate pair, the other sentence holds most of i's terms,
  // so it holds one of i's three rarest; rare terms have short postings, which keeps this linear.
  const rarest = scratch.rarest;
  const rarestCount = rarestTerms(index, a0, a1, rarest);
  for (let r = 0; r < rarestCount; r++) {
    const term = rarest.terms[r]!;
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
      if (articleOf[j] === article) continue;
      const needed = Math.ceil(overlapThreshold * Math.max(length, other * 0.6) - 1e-9);
      const jLo = signatures[2 * j]!;
      const jHi = signatures[2 * j + 1]!;
      if (bitCount(lo & jLo) + bitCount(hi & jHi) + collisions < needed) continue;
      bits ??= termBits(uniqueFlat, a0, a1, i, scratch);
      if (!mayShare(bits, length, jLo, jHi, needed)) continue;
      if (sharesMarked(uniqueFlat, b0, b1, scratch.markedBy, i, needed) && negations.of(i) === negations.of(j)) (out ??= []).push(j);
    }
  }
  return out ?? noneFound;
}

/** The signature bit of each of the terms `uniqueFlat[from, to)` of sentence `i`, in scratch space; marks the terms as i's. */
function termBits(uniqueFlat: Int32Array, from: number, to: number, i: number, scratch: NearDuplicateScratch): Int32Array {
  if (scratch.bits.length < to - from) scratch.bits = new Int32Array(2 * (to - from));
  const bits = scratch.bits;
  for (let k = from; k < to; k++) {
    bits[k - from] = bitOf(uniqueFlat[k]!);
    scratch.markedBy[uniqueFlat[k]!] = i;
  }
  return bits;
}

/** Whether at least `needed` of the distinct terms `uniqueFlat[from, to)` are marked by `i`; stops as soon as the answer is known. */
function sharesMarked(uniqueFlat: Int32Array, from: number, to: number, markedBy: Int32Array, i: number, needed: number): boolean {
  let shared = 0;
  for (let k = from; k < to; k++) {
    if (shared >= needed) return true;
    if (shared + (to - k) < needed) return false;
    if (markedBy[uniqueFlat[k]!] === i) shared++;
  }
  return shared >= needed;
}

/** Up to three terms with their frequencies and ranks, kept sorted. */
interface RarestTerms {
  readonly terms: Int32Array;
  readonly frequencies: Int32Array;
  readonly ranks: Int32Array;
}

/** Finds the three terms of a sentence found in the fewest sentences, rarest first (first appearance breaks ties); returns how many. */
function rarestTerms(index: NearDuplicateIndex, from: number, to: number, out: RarestTerms): number {
  const { postingStart, termRank, uniqueFlat } = index;
  const { terms, frequencies, ranks } = out;
  let n = 0;
  for (let k = from; k < to; k++) {
    const t = uniqueFlat[k]!;
    const f = postingStart[t + 1]! - postingStart[t]!;
    const r = termRank[t]!;
    let slot = n;
    while (slot > 0 && (f < frequencies[slot - 1]! || (f === frequencies[slot - 1]! && r < ranks[slot - 1]!))) slot--;
    if (slot >= 3) continue;
    for (let m = Math.min(n, 2); m > slot; m--) {
      terms[m] = terms[m - 1]!;
      frequencies[m] = frequencies[m - 1]!;
      ranks[m] = ranks[m - 1]!;
    }
    terms[slot] = t;
    frequencies[slot] = f;
    ranks[slot] = r;
    if (n < 3) n++;
  }
  return n;
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

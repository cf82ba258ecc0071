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

/**
 * Returns, for each sentence, the index of its group's representative (the first member).
 * Only sentences of different articles are merged.
 */
export function groupNearDuplicates(
  termSets: readonly ReadonlySet<string>[],
  articleOf: readonly string[],
  /** Sentences that negate ("did not", "denied"): never merged with ones that affirm. */
  negated: readonly boolean[],
  postings: ReadonlyMap<string, readonly number[]>,
): number[] {
  const groups = new Groups(termSets.length);
  const frequency = (t: string): number => postings.get(t)?.length ?? 0;
  // Two sentences sharing most terms share at least one of the shorter one's rarest terms, and rare
  // terms have short postings: comparing only through them keeps the cost near linear.
  const rarest = termSets.map((terms) => [...terms].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1)).slice(0, 3));
  for (let i = 0; i < termSets.length; i++) {
    const a = termSets[i]!;
    if (a.size < minTerms) continue;
    const seen = new Set<number>();
    for (const key of rarest[i]!) {
      for (const j of postings.get(key) ?? []) {
        if (j === i || termSets[j]!.size < minTerms || negated[i] !== negated[j] || seen.has(j) || articleOf[j] === articleOf[i]) continue;
        seen.add(j);
        if (overlap(a, termSets[j]!) >= overlapThreshold) groups.join(i, j);
      }
    }
  }
  return termSets.map((_, i) => groups.find(i));
}

/** |A∩B| / min(|A|,|B|), with a floor on the larger side so a short fragment cannot swallow a long sentence. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / Math.max(small.size, large.size * 0.6);
}


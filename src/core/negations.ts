/**
 * Which sentences deny or negate ("did not", "denied"). A denial is never merged with, nor counted
 * as a repeat of, an affirmation of the same words; only sentences that are near-duplicates or
 * candidate points are ever asked about, so each is read when first asked, not up front.
 */
import type { Sentence } from './types.js';

const negation = /\b(?:not|no|never|deny|denies|denied|without)\b|n't\b/i;

export class Negations {
  /** Per sentence: 0 not read yet, 1 affirms, 2 denies or negates. */
  private readonly known: Uint8Array;

  constructor(private readonly sentences: readonly Sentence[]) {
    this.known = new Uint8Array(sentences.length);
  }

  /** Whether sentence i (by position) denies or negates. */
  of(i: number): boolean {
    let known = this.known[i]!;
    if (known === 0) this.known[i] = known = negation.test(this.sentences[i]!.text) ? 2 : 1;
    return known === 2;
  }
}

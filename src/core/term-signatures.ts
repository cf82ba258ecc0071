/**
 * Term signatures: per sentence, a 64-bit set of bits, one bit a term (terms share bits). Two
 * sentences' signatures bound the terms they can share, so most candidate pairs of the
 * near-duplicate search are ruled out without comparing their term lists.
 */

/** The signature bit (0 to 63) of a term. */
export function bitOf(term: number): number {
  return Math.imul(term, 0x9e3779b1) >>> 26;
}

/**
 * Per sentence, a 64-bit set (two ints) of its terms' bits. A term two sentences share sets its
 * bit in both, so the terms of one whose bits the other lacks are terms they do not share: cheap
 * bounds that rule out most candidate pairs before their term lists are compared.
 */
export function termSignatures(uniqueFlat: Int32Array, uniqueStart: Int32Array): Int32Array {
  const count = uniqueStart.length - 1;
  const out = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    let lo = 0;
    let hi = 0;
    for (let k = uniqueStart[i]!, end = uniqueStart[i + 1]!; k < end; k++) {
      const bit = bitOf(uniqueFlat[k]!);
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  }
  return out;
}

/** The number of bits set in a 32-bit int. */
export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** False when fewer than `needed` of the `length` term bits in `bits` are set in the signature (lo, hi): the terms cannot be shared. */
export function mayShare(bits: Int32Array, length: number, lo: number, hi: number, needed: number): boolean {
  let missing = length - needed;
  for (let k = 0; k < length; k++) {
    const bit = bits[k]!;
    const set = bit < 32 ? (lo >>> bit) & 1 : (hi >>> (bit - 32)) & 1;
    if (set === 0 && --missing < 0) return false;
  }
  return true;
}

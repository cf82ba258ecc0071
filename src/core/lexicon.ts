import { termCues } from './sentence-features.js';

/**
 * Interning tables shared by a briefing state and every state updated from it: terms and concepts
 * (adjacent term pairs) get integer ids once, and each sentence gets a serial. The tables only ever
 * grow and map the same key to the same id in every state, so sharing them never changes what an
 * earlier state or briefing means; everything a state counts lives in the state itself.
 */
export interface Lexicon {
  /**
   * Term → id, ids dense from 0. Once handed out with a briefing (`shareVocabulary`) the map is
   * never changed again: the next new term goes into a copy.
   */
  vocabulary: Map<string, number>;
  vocabularyShared: boolean;
  /** Per term id, 1 when the term holds a digit (a figure a key point may revise). */
  readonly numeric: number[];
  /** Per term id, its cues for the features of a sentence (`termCues`). */
  readonly cues: number[];
  /**
   * Concepts: an open-addressing hash table of (first, second) term id pairs, three ints a slot
   * (first, second, concept id + 1; 0 for an empty slot) so that a probe touches one cache line.
   */
  conceptSlots: Int32Array;
  conceptCount: number;
  /** Next sentence serial: a sentence keeps its serial for as long as its article is in the set. */
  nextSerial: number;
  /** Scratch marks for finding the distinct terms and concepts of an article (see `marker`). */
  termMarks: Int32Array;
  conceptMarks: Int32Array;
  markStamp: number;
  /** Scratch space for the id lists of an article. */
  scratch: Int32Array;
}

const minSlots = 1 << 12;
/** Most slots a concept table may fill before it doubles. */
const maxLoad = 0.7;

export function createLexicon(): Lexicon {
  return {
    vocabulary: new Map(),
    vocabularyShared: false,
    numeric: [],
    cues: [],
    conceptSlots: new Int32Array(minSlots * 3),
    conceptCount: 0,
    nextSerial: 0,
    termMarks: new Int32Array(0),
    conceptMarks: new Int32Array(0),
    markStamp: 0,
    scratch: new Int32Array(0),
  };
}

export function termId(lexicon: Lexicon, term: string): number {
  let id = lexicon.vocabulary.get(term);
  if (id === undefined) {
    if (lexicon.vocabularyShared) {
      lexicon.vocabulary = new Map(lexicon.vocabulary);
      lexicon.vocabularyShared = false;
    }
    id = lexicon.vocabulary.size;
    lexicon.vocabulary.set(term, id);
    lexicon.numeric.push(/\d/.test(term) ? 1 : 0);
    lexicon.cues.push(termCues(term));
  }
  return id;
}

/** The vocabulary as it is now, to hand out: it stays as it is, whatever terms arrive later. */
export function shareVocabulary(lexicon: Lexicon): ReadonlyMap<string, number> {
  lexicon.vocabularyShared = true;
  return lexicon.vocabulary;
}

/** The first slot to probe for a pair in a table of `mask + 1` slots. */
function slotOf(first: number, second: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
}

export function conceptId(lexicon: Lexicon, first: number, second: number): number {
  const slots = lexicon.conceptSlots;
  const mask = slots.length / 3 - 1;
  let s = slotOf(first, second, mask);
  for (;;) {
    const at = s * 3;
    const held = slots[at + 2]!;
    if (held === 0) break;
    if (slots[at] === first && slots[at + 1] === second) return held - 1;
    s = (s + 1) & mask;
  }
  const id = lexicon.conceptCount++;
  slots[s * 3] = first;
  slots[s * 3 + 1] = second;
  slots[s * 3 + 2] = id + 1;
  if (lexicon.conceptCount > (mask + 1) * maxLoad) resizeConcepts(lexicon, 2 * (mask + 1));
  return id;
}

/**
 * Makes room for about `more` new concepts at once (only speed depends on it): a table sized
 * just before a batch of lookups also starts out in the cache, rather than doubling as it fills.
 */
export function reserveConcepts(lexicon: Lexicon, more: number): void {
  let slots = lexicon.conceptSlots.length / 3;
  if ((lexicon.conceptCount + more) <= slots * maxLoad) return;
  while ((lexicon.conceptCount + more) > slots * maxLoad) slots *= 2;
  resizeConcepts(lexicon, slots);
}

/** Moves the concept table to one of `size` slots (a power of two). */
function resizeConcepts(lexicon: Lexicon, size: number): void {
  const old = lexicon.conceptSlots;
  const slots = new Int32Array(size * 3);
  const mask = size - 1;
  for (let at = 0; at < old.length; at += 3) {
    if (old[at + 2] === 0) continue;
    let s = slotOf(old[at]!, old[at + 1]!, mask);
    while (slots[s * 3 + 2] !== 0) s = (s + 1) & mask;
    slots[s * 3] = old[at]!;
    slots[s * 3 + 1] = old[at + 1]!;
    slots[s * 3 + 2] = old[at + 2]!;
  }
  lexicon.conceptSlots = slots;
}

/**
 * The first of `count` fresh stamps for the scratch marks, which are grown to hold every term and
 * concept id so far: an id is marked in a pass when its mark equals the pass's stamp.
 */
export function marker(lexicon: Lexicon, count = 1): number {
  if (lexicon.termMarks.length < lexicon.vocabulary.size) lexicon.termMarks = grown(lexicon.termMarks, lexicon.vocabulary.size);
  if (lexicon.conceptMarks.length < lexicon.conceptCount) lexicon.conceptMarks = grown(lexicon.conceptMarks, lexicon.conceptCount);
  if (lexicon.markStamp + count >= 0x7fffffff) {
    lexicon.termMarks.fill(0);
    lexicon.conceptMarks.fill(0);
    lexicon.markStamp = 0;
  }
  const first = lexicon.markStamp + 1;
  lexicon.markStamp += count;
  return first;
}

function grown(marks: Int32Array, size: number): Int32Array {
  const out = new Int32Array(Math.max(size, marks.length * 2));
  out.set(marks);
  return out;
}

/** Reserves `count` consecutive sentence serials and returns the first. */
export function reserveSerials(lexicon: Lexicon, count: number): number {
  const first = lexicon.nextSerial;
  lexicon.nextSerial += count;
  return first;
}

/**
 * Interning tables shared by a briefing state and every state updated from it: terms and concepts
 * (adjacent term pairs) get integer ids once, and each sentence gets a serial. The tables only ever
 * grow and map the same key to the same id in every state, so sharing them never changes what an
 * earlier state or briefing means; everything a state counts lives in the state itself.
 */
export interface Lexicon {
  /** Term → id, ids dense from 0. */
  readonly vocabulary: Map<string, number>;
  /** Per term id, 1 when the term holds a digit (a figure a key point may revise). */
  readonly numeric: number[];
  /** Concepts: an open-addressing hash table of (first, second) term id pairs; a slot holds concept id + 1. */
  conceptSlots: Int32Array;
  /** Per concept id, its first and second term ids. */
  conceptFirst: Int32Array;
  conceptSecond: Int32Array;
  conceptCount: number;
  /** Next sentence serial: a sentence keeps its serial for as long as its article is in the set. */
  nextSerial: number;
}

const initialConcepts = 1 << 12;

export function createLexicon(): Lexicon {
  return {
    vocabulary: new Map(),
    numeric: [],
    conceptSlots: new Int32Array(initialConcepts * 2),
    conceptFirst: new Int32Array(initialConcepts),
    conceptSecond: new Int32Array(initialConcepts),
    conceptCount: 0,
    nextSerial: 0,
  };
}

export function termId(lexicon: Lexicon, term: string): number {
  let id = lexicon.vocabulary.get(term);
  if (id === undefined) {
    id = lexicon.vocabulary.size;
    lexicon.vocabulary.set(term, id);
    lexicon.numeric.push(/\d/.test(term) ? 1 : 0);
  }
  return id;
}

function slotOf(slots: Int32Array, first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & (slots.length - 1);
}

export function conceptId(lexicon: Lexicon, first: number, second: number): number {
  const slots = lexicon.conceptSlots;
  const mask = slots.length - 1;
  for (let s = slotOf(slots, first, second); ; s = (s + 1) & mask) {
    const held = slots[s]!;
    if (held === 0) break;
    if (lexicon.conceptFirst[held - 1] === first && lexicon.conceptSecond[held - 1] === second) return held - 1;
  }
  if (lexicon.conceptCount === lexicon.conceptFirst.length) growConcepts(lexicon);
  const id = lexicon.conceptCount++;
  lexicon.conceptFirst[id] = first;
  lexicon.conceptSecond[id] = second;
  place(lexicon.conceptSlots, first, second, id);
  return id;
}

function place(slots: Int32Array, first: number, second: number, id: number): void {
  const mask = slots.length - 1;
  let s = slotOf(slots, first, second);
  while (slots[s] !== 0) s = (s + 1) & mask;
  slots[s] = id + 1;
}

/** Doubles the concept table, keeping it at most half full. */
function growConcepts(lexicon: Lexicon): void {
  const size = lexicon.conceptFirst.length * 2;
  const first = new Int32Array(size);
  const second = new Int32Array(size);
  first.set(lexicon.conceptFirst);
  second.set(lexicon.conceptSecond);
  const slots = new Int32Array(size * 2);
  for (let id = 0; id < lexicon.conceptCount; id++) place(slots, first[id]!, second[id]!, id);
  lexicon.conceptFirst = first;
  lexicon.conceptSecond = second;
  lexicon.conceptSlots = slots;
}

/** Reserves `count` consecutive sentence serials and returns the first. */
export function reserveSerials(lexicon: Lexicon, count: number): number {
  const first = lexicon.nextSerial;
  lexicon.nextSerial += count;
  return first;
}

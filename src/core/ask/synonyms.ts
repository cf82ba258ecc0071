/**
 * General English synonyms and derivations that questions and reports use for each other. One
 * reviewed, story-independent table: a word matches any member of its group.
 */
import { normalizeWord } from './words.js';

const groups: readonly string[] = [
  'troop troops soldier soldiers forces personnel servicemen',
  'people person persons individuals residents',
  'worker workers employee employees staff',
  'finish finished complete completed completion done',
  'reopen reopened reopening',
  'landfall ashore',
  'epicenter centered center',
  'last final',
  'first initial initially earliest',
  'cause caused causes causing blame blamed',
  'build built rebuild rebuilt rebuilding construction reconstruction',
  'river waterway',
  'quake earthquake tremor temblor',
  'country nation',
  'say said says state stated statement announce announced tell told report reported',
  'estimate estimated estimates',
  'number count tally total figure',
  'worldwide global globally world',
  'begin began start started',
  'end ended',
  'computer computers device devices machine machines pc pcs',
  'company companies firm firms business businesses',
  'government administration',
  'home homes house houses',
  'money dollars funds',
  'minister ministry',
  'governor gov',
  'senator sen',
  'pay paid payment',
  'airline airlines carrier carriers',
  'account version narrative',
  'power electricity',
  'victim victims died dead killed',
  'badly severely seriously heavily',
  'travel traveled travelled travelling traveling sail sailed sailing',
  'lose lost loses losing loss losses',
  'find found finding locate located recover recovered retrieve retrieved',
  'promise promised promises pledge pledged pledges vow vowed vows',
  'deep depth',
  'wide width',
  'high height tall',
  'manual manually hand',
  'remove removed removing removal pull pulled',
  'call called calls describe described describes characterize characterized characterise characterised label labeled labelled dub dubbed refer referred refers brand branded branding dismiss dismissed dismissing',
];

const groupOf = new Map<string, number>();
groups.forEach((g, i) => {
  for (const w of g.split(' ')) if (!groupOf.has(normalizeWord(w))) groupOf.set(normalizeWord(w), i);
});

/** Whether two normalized words mean the same here: equal, or in one synonym group. */
export function sameSense(a: string, b: string): boolean {
  if (a === b) return true;
  const g = groupOf.get(a);
  return g !== undefined && g === groupOf.get(b);
}

/** The synonym group of a normalized word, or -1. */
export function senseGroup(norm: string): number {
  return groupOf.get(norm) ?? -1;
}

/** The words of a synonym group, as listed. */
export function synonymWords(group: number): readonly string[] {
  return groups[group]?.split(' ') ?? [];
}

/**
 * The measure lexicon: what a number counts, named by the words that govern it ("were killed",
 * "death toll", "went missing", "cost"). One reviewed, story-independent table; words are matched
 * in their normalized form, so every inflection of a listed word counts.
 */
import { normalizeWord } from './words.js';

/** `size`: the event's own size, which has no history (a quake's magnitude); `speed`: a speed, read only with its unit ("winds of 140 mph"). */
export type MeasureKind = 'count' | 'money' | 'rate' | 'size' | 'speed';

export interface Measure {
  readonly id: string;
  readonly kind: MeasureKind;
  /** A readable name for labels: "deaths", "people missing". */
  readonly label: string;
}

const table: readonly (readonly [id: string, kind: MeasureKind, label: string, words: string])[] = [
  ['deaths', 'count', 'deaths', 'dead death deaths die died dies dying kill killed killing kills fatality fatalities perish perished toll tolls casualty casualties'],
  ['injured', 'count', 'injured', 'injure injured injuries injury wound wounded hurt'],
  ['missing', 'count', 'missing', 'missing unaccounted disappeared'],
  ['displaced', 'count', 'displaced', 'displace displaced displacement homeless fled flee refugee refugees shelter sheltered'],
  ['evacuated', 'count', 'evacuated', 'evacuate evacuated evacuation evacuations evacuee evacuees'],
  ['rescued', 'count', 'rescued', 'rescue rescued rescues saved'],
  ['recovered', 'count', 'recovered', 'recover recovered retrieve retrieved'],
  ['buried', 'count', 'buried', 'bury buried burial burials'],
  ['arrested', 'count', 'arrested', 'arrest arrested arrests detain detained detention'],
  ['affected', 'count', 'affected', 'affect affected impact impacted'],
  ['cancelled', 'count', 'cancelled', 'cancel cancelled canceled cancellation cancellations scrap scrapped ground grounded'],
  ['delayed', 'count', 'delayed', 'delay delayed delays'],
  ['outages', 'count', 'without power', 'blackout blackouts'],
  ['hospitalized', 'count', 'hospitalized', 'hospitalize hospitalized hospitalised hospitalization'],
  ['cases', 'count', 'cases', 'case cases infect infected infection infections'],
  ['destroyed', 'count', 'destroyed or damaged', 'destroy destroyed destruction collapse collapsed damaged flatten flattened level leveled levelled raze razed'],
  ['votes', 'count', 'votes', 'vote votes voted ballot ballots'],
  ['turnout', 'rate', 'turnout', 'turnout'],
  ['cost', 'money', 'cost', 'cost costs loss losses lose lost damage damages bill hit expense expenses'],
  ['payment', 'money', 'payment', 'pay paid payout payment compensation compensate settlement settle fine fined'],
  ['aid', 'money', 'aid', 'aid pledge pledged donate donated donation funding fund appeal grant'],
  ['revenue', 'money', 'revenue', 'revenue revenues sales earnings profit profits'],
  ['price', 'money', 'price', 'price prices priced sell sold sale bought buy purchase purchased'],
  ['value', 'money', 'value', 'valued worth valuation'],
  ['magnitude', 'size', 'magnitude', 'magnitude'],
  ['category', 'size', 'category', 'category'],
  ['wind', 'speed', 'wind speed', 'wind winds gust gusts'],
];

const byWord = new Map<string, Measure[]>();
const byId = new Map<string, Measure>();
for (const [id, kind, label, list] of table) {
  const measure = { id, kind, label };
  byId.set(id, measure);
  for (const w of list.split(' ')) {
    const key = normalizeWord(w);
    const held = byWord.get(key) ?? [];
    if (!held.includes(measure)) held.push(measure);
    byWord.set(key, held);
  }
}

/**
 * The measure a normalized word names, if any; with `kind`, the one of that kind ("damage" is
 * destruction in a count and a cost in an amount).
 */
export function measureOfWord(norm: string, kind?: MeasureKind | 'any-but-money'): Measure | undefined {
  const all = byWord.get(norm);
  if (!all) return undefined;
  if (kind === 'any-but-money') return all.find((m) => m.kind !== 'money');
  return kind ? all.find((m) => m.kind === kind) : all[0];
}

export function measureById(id: string): Measure | undefined {
  return byId.get(id);
}

/** Words a measure can only take from nearby context ("lost" alone is vague, "lost their lives" is deaths). */
export const weakMeasureWords = new Set(['lost', 'lose', 'hit', 'life', 'lives', 'impact', 'impacted', 'affect', 'ground', 'grounded', 'level', 'fine', 'case', 'shelter', 'settle', 'fund', 'bill'].map(normalizeWord));

/** The words of a measure, as listed. */
export function measureWords(id: string): readonly string[] {
  return table.find((t) => t[0] === id)?.[3].split(' ') ?? [];
}

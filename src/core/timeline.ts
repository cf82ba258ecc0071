/**
 * Time order of articles and of figures. Dates come first where known; otherwise the text itself
 * orders things: an article that calls 400 "an earlier estimate" comes after the articles that
 * report 400 as current. File order breaks the remaining ties.
 */
import { measureById } from './ask/measures.js';
import { figureKinds, type Figure, type FigureKind, type FigureTimeline, type TimelineEntry } from './types.js';

/** What orders one article: its date and the figures it reports as current or as earlier. */
export interface ArticleOrderFacts {
  readonly id: string;
  /** Milliseconds since the epoch, or NaN when undated. */
  readonly published: number;
  /** Distinct `quantity|kind|value` keys of its current figures, and of its earlier ones. */
  readonly currentKeys: readonly string[];
  readonly earlierKeys: readonly string[];
}

/** Article id → rank (0 = oldest), from facts gathered once per article. */
export function rankArticles(articles: readonly ArticleOrderFacts[]): Map<string, number> {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  // Only values that some article calls earlier can order articles.
  const wanted = new Set<string>();
  for (const a of articles) for (const key of a.earlierKeys) wanted.add(key);
  const current = new Map<string, Set<string>>();
  if (wanted.size) {
    for (const a of articles) {
      for (const key of a.currentKeys) {
        if (!wanted.has(key)) continue;
        if (!current.has(key)) current.set(key, new Set());
        current.get(key)!.add(a.id);
      }
    }
  }
  const after = new Map<string, Set<string>>();
  const currentOf = new Map(articles.map((a) => [a.id, new Set(a.currentKeys)]));
  for (const a of articles) {
    for (const key of a.earlierKeys) {
      const series = key.slice(0, key.lastIndexOf('|') + 1);
      const replacements = a.currentKeys.filter((k) => k.startsWith(series));
      for (const older of current.get(key) ?? []) {
        if (older === a.id) continue;
        // An article that also reports the value that replaced it knows the revision: it is no older.
        if (replacements.some((k) => currentOf.get(older)!.has(k))) continue;
        if (!after.has(a.id)) after.set(a.id, new Set());
        after.get(a.id)!.add(older);
      }
    }
  }
  const published = new Map(articles.map((a) => [a.id, a.published]));
  const compare = (x: string, y: string): number => {
    const px = published.get(x)!;
    const py = published.get(y)!;
    if (!Number.isNaN(px) && !Number.isNaN(py) && px !== py) return px - py;
    return position.get(x)! - position.get(y)!;
  };
  return topologicalRanks(articles.map((a) => a.id), after, compare);
}

/**
 * Kahn's algorithm: an article is placed once every article it follows is placed; among those
 * ready, dates then file order decide. Dated articles follow their dates through `compare`; a
 * cycle (the text contradicting itself) is broken the same way.
 */
function topologicalRanks(ids: readonly string[], after: ReadonlyMap<string, ReadonlySet<string>>, compare: (x: string, y: string) => number): Map<string, number> {
  const waiting = new Map<string, number>();
  const followers = new Map<string, string[]>();
  for (const [id, deps] of after) {
    waiting.set(id, deps.size);
    for (const d of deps) {
      if (!followers.has(d)) followers.set(d, []);
      followers.get(d)!.push(id);
    }
  }
  const ready = ids.filter((id) => !waiting.get(id)).sort(compare);
  const ranks = new Map<string, number>();
  let head = 0;
  while (ranks.size < ids.length) {
    let next = head < ready.length ? ready[head++] : undefined;
    if (next === undefined) next = ids.filter((id) => !ranks.has(id)).sort(compare)[0]!;
    if (ranks.has(next)) continue;
    ranks.set(next, ranks.size);
    for (const f of followers.get(next) ?? []) {
      const left = waiting.get(f)! - 1;
      waiting.set(f, left);
      if (left === 0 && !ranks.has(f)) insertBy(ready, f, compare, head);
    }
  }
  return ranks;
}

/** Inserts `item` in order into `list[from..]`. */
function insertBy(list: string[], item: string, compare: (x: string, y: string) => number, from: number): void {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function specificity(counts: string): number {
  return counts.split(/\s+/).filter(Boolean).length + (/[A-Z]/.test(counts) ? 1 : 0);
}

/** What a fact box leads with, all else equal: the human toll, then money, then everything else. */
const humanToll = new Set(['deaths', 'injured', 'missing', 'displaced', 'evacuated', 'rescued', 'affected', 'hospitalized', 'cases', 'arrested', 'buried', 'recovered']);
const money = new Set(['cost', 'aid', 'payment', 'revenue', 'price', 'value']);

function measureWeight(measure: string | undefined): number {
  return !measure ? 0 : humanToll.has(measure) ? 2 : money.has(measure) ? 1 : 0.5;
}

/**
 * The key numbers: quantities whose label says what is counted and that either measure
 * something of the lexicon or were reported more than once, most telling first. A quantity
 * counts as telling for what it measures (a measure of the lexicon: deaths, people evacuated,
 * cost) and for its history (two values or more); one with both comes first, then those with
 * either, and among equals the most reported, then the human toll before money before the rest. `timelines` come in the order their quantities
 * first appear in the set, which breaks the remaining ties.
 */
export function sortTimelines(timelines: readonly FigureTimeline[]): FigureTimeline[] {
  // A one-off number that names no measure ("4520 — an analytics firm") is no key number: it stays in the figures. Nor
  // are two counts under one noun that names no measure ("8.5 million servers offline", "40,000 servers reset by
  // hand"): with no measure to say they count one thing, "sources differ" would claim what no source says.
  const keyed = timelines
    .filter((t) => t.label && (t.measure || ((t.entries.length > 1 || t.sourceCount > 1) && !t.unreconciled)))
    .map((t, order) => {
      let firstSeen = Infinity;
      for (const e of t.entries) if (e.rank < firstSeen) firstSeen = e.rank;
      const measured = t.measure ? 1 : 0;
      const history = t.entries.length > 1 ? 1 : 0;
      return { t, order, firstSeen, measured, tier: measured + history, weight: measureWeight(t.measure) };
    });
  keyed.sort(
    (a, b) =>
      b.tier - a.tier ||
      b.t.sourceCount - a.t.sourceCount ||
      b.measured - a.measured ||
      b.t.entries.length - a.t.entries.length ||
      b.weight - a.weight ||
      a.firstSeen - b.firstSeen ||
      a.order - b.order,
  );
  // Among single values, a measure not yet shown goes before another place's value of one that is:
  // a fact box of six says six things.
  const seen = new Set(keyed.filter((k) => k.tier === 2).map((k) => k.t.measure));
  const top = keyed.filter((k) => k.tier === 2);
  const rest = keyed.filter((k) => k.tier < 2);
  const fresh = rest.filter((k) => !k.t.measure || !seen.has(k.t.measure));
  const repeated = rest.filter((k) => k.t.measure && seen.has(k.t.measure));
  return [...top, ...fresh, ...repeated].map((k) => k.t);
}

/** The timeline of one quantity: `group` holds its figures in the order of the set. */
export function timelineOf(quantity: string, group: readonly Figure[], articleRank: ReadonlyMap<string, number>): FigureTimeline {
  // Figures of one kind and value are one entry, in the order their first figures appear.
  const merged: Figure[][] = [];
  if (group.length <= 8) {
    // Few figures (most quantities): a scan of the entries so far costs less than maps.
    for (const f of group) {
      const figs = merged.find((m) => m[0]!.kind === f.kind && sameValueZero(m[0]!.value, f.value));
      if (figs) figs.push(f);
      else merged.push([f]);
    }
  } else {
    const byValue = new Map<FigureKind, Map<number, Figure[]>>();
    for (const f of group) {
      let same = byValue.get(f.kind);
      if (!same) byValue.set(f.kind, (same = new Map()));
      const figs = same.get(f.value);
      if (figs) figs.push(f);
      else {
        const created = [f];
        same.set(f.value, created);
        merged.push(created);
      }
    }
  }
  const entries = merged.map((figs) => entryOf(figs, articleRank));
  entries.sort((a, b) => a.rank - b.rank || a.value - b.value);
  const latest: Partial<Record<FigureKind, TimelineEntry>> = {};
  for (const kind of figureKinds) {
    const pick = latestOf(entries, kind);
    if (pick) latest[kind] = pick;
  }
  const measure = group[0]!.measure;
  const fixed = measure !== undefined && measureById(measure)?.kind === 'size';
  const unreconciled = fixed ? [] : unreconciledDrops(entries, latest);
  return {
    quantity,
    label: labelOf(group),
    ...(measure ? { measure } : {}),
    ...(fixed ? { fixed } : {}),
    unit: group[0]!.unit,
    entries,
    latest,
    ...(unreconciled.length ? { unreconciled: unreconciled.map((g) => g[0]!.kind) } : {}),
    disagreements: [...disagreementsOf(entries, fixed), ...unreconciled],
    sourceCount: group.length === 1 ? 1 : new Set(group.map((f) => f.citation.articleId)).size,
  };
}

/** How far below an earlier live value a latest value must fall, unexplained, to be something else counted under the same name. */
const dropFactor = 10;

/** Words by which a source says its lower figure replaces a higher one. */
const revisionWords = /\b(?:revis\w*|correct\w*|lower\w*|reduc\w*|overcount\w*|downgrad\w*|down from|cut|instead)\b/i;

/**
 * Per kind, the latest entry and the highest earlier live entry when the latest is at most a
 * tenth of it and no sentence of the latest says it revises ("an estimated 8.5 million devices"
 * then "40,000 servers" is two counts, not a fall): [earlier, latest], as a disagreement.
 */
function unreconciledDrops(entries: readonly TimelineEntry[], latest: Partial<Record<FigureKind, TimelineEntry>>): TimelineEntry[][] {
  const out: TimelineEntry[][] = [];
  for (const kind of figureKinds) {
    const e = latest[kind];
    if (!e || e.superseded || !(e.value > 0)) continue;
    let high: TimelineEntry | undefined;
    for (const p of entries) if (p.kind === kind && !p.superseded && p.rank < e.rank && p.value >= dropFactor * e.value && (!high || p.value > high.value)) high = p;
    if (high && !e.figures.some((f) => revisionWords.test(f.citation.quote))) out.push([high, e]);
  }
  return out;
}

/**
 * The latest entry of a kind: the newest, unless it is superseded and a value not superseded was
 * reported at least as late as it (the replacement may be in another series: then the newest,
 * superseded, is still what this series last heard).
 */
function latestOf(entries: readonly TimelineEntry[], kind: FigureKind): TimelineEntry | undefined {
  let last: TimelineEntry | undefined;
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k]!;
    if (e.kind !== kind) continue;
    if (!e.superseded) return vagueRestatement(entries, last && e.rank < last.rank ? last : e);
    last ??= e;
  }
  return last && vagueRestatement(entries, last);
}

const lowerBound = /^(?:more than|over|at least|upwards of|in excess of)$/;

/**
 * "More than 40" after "47": a round lower bound below an earlier value says no more than that
 * value did, so it is no revision down. The newest such earlier value stays the latest, unless it
 * was itself replaced ("at least 300, instead of 900").
 */
function vagueRestatement(entries: readonly TimelineEntry[], e: TimelineEntry): TimelineEntry {
  if (!lowerBound.test(e.qualifier) || !isRound(e.value)) return e;
  let held: TimelineEntry | undefined;
  for (const p of entries) if (p !== e && p.kind === e.kind && !p.superseded && p.value > e.value && p.rank <= e.rank && (!held || p.rank >= held.rank)) held = p;
  return held ?? e;
}

/** One significant digit, of at least two digits: 200, 5,000, 30. */
function isRound(value: number): boolean {
  if (!Number.isInteger(value) || value < 10) return false;
  const scale = 10 ** Math.floor(Math.log10(value));
  return value % scale === 0;
}

/** Equality as map keys have it (NaN equals NaN). */
function sameValueZero(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

function rankOf(f: Figure, articleRank: ReadonlyMap<string, number>): number {
  return articleRank.get(f.citation.articleId) ?? 0;
}

function since(figs: readonly Figure[]): { since?: string } {
  const from = figs.find((f) => f.since)?.since;
  return from ? { since: from } : {};
}

function scope(figs: readonly Figure[]): { scope?: string } {
  const across = figs.find((f) => f.scope)?.scope;
  return across ? { scope: across } : {};
}

/** The entry of the figures of one kind and value. */
function entryOf(figs: readonly Figure[], articleRank: ReadonlyMap<string, number>): TimelineEntry {
  const current = figs.filter((f) => !f.earlier);
  const shown = [...(current.length ? current : figs)].sort((a, b) => rankOf(a, articleRank) - rankOf(b, articleRank) || specificity(b.speaker) - specificity(a.speaker));
  const lead = shown.find((f) => f.speaker) ?? shown[0]!;
  const rank = current.length ? Math.min(...current.map((f) => rankOf(f, articleRank))) : Math.min(...figs.map((f) => rankOf(f, articleRank))) - 0.5;
  return {
    value: lead.value,
    display: lead.display,
    kind: lead.kind,
    qualifier: shown.find((f) => f.qualifier)?.qualifier ?? '',
    speaker: lead.speaker,
    via: lead.via,
    when: shown.find((f) => f.when)?.when ?? '',
    ...since(shown),
    ...scope(shown),
    superseded: figs.some((f) => f.earlier),
    rank,
    figures: figs.length > 1 ? [...figs].sort((a, b) => rankOf(a, articleRank) - rankOf(b, articleRank)) : [...figs],
  };
}

/**
 * What the figures count, in readable words: the label their figures give most often (ties: the
 * most specific, then the first), or '' when none says what is counted. Figures made without
 * labels are labelled by what they count, in the most specific words.
 */
function labelOf(group: readonly Figure[]): string {
  if (group[0]!.label === undefined) return countsLabel(group);
  const tally = new Map<string, number>();
  for (const f of group) if (f.label) tally.set(f.label, (tally.get(f.label) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [label, count] of tally) {
    if (count > bestCount || (count === bestCount && specificity(label) > specificity(best))) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

/** The first figure's counts of the highest specificity, and of those the shortest wording. */
function countsLabel(group: readonly Figure[]): string {
  if (group.length === 1) return group[0]!.counts;
  let best = group[0]!.counts;
  let bestSpecificity = specificity(best);
  for (let k = 1; k < group.length; k++) {
    const counts = group[k]!.counts;
    const s = specificity(counts);
    if (s > bestSpecificity || (s === bestSpecificity && counts.length < best.length)) {
      best = counts;
      bestSpecificity = s;
    }
  }
  return best;
}

/**
 * Live entries of one kind with different values at the same time (same rank) from different
 * speakers; of a `fixed` quantity, the live entries of one kind at any time, when their values differ.
 */
function disagreementsOf(entries: readonly TimelineEntry[], fixed: boolean): TimelineEntry[][] {
  if (entries.length < 2) return [];
  const groups = new Map<string, TimelineEntry[]>();
  if (fixed) {
    for (const e of entries) if (!e.superseded) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
    return [...groups.values()].filter((g) => g.length > 1);
  }
  for (const e of entries) {
    if (e.superseded) continue;
    const key = `${e.kind}|${Math.floor(e.rank)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  return [...groups.values()].filter((g) => g.length > 1 && new Set(g.map((e) => e.speaker).filter(Boolean)).size > 1);
}

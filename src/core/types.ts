/**
 * The values the pure core works on. Nothing here knows about files, clocks or chat platforms:
 * ingest turns files into `Article`s, the core turns articles into a `Briefing`, render turns
 * a briefing into text for a platform.
 */

/** One article of a set, already read and normalized by ingest. */
export interface Article {
  /** Stable id within the set, e.g. the file name without extension (`000_a394b7e6ef04b1fd`). */
  readonly id: string;
  /** Where it came from, for people: the file name or URL. */
  readonly origin: string;
  readonly title?: string;
  /** The outlet (`Reuters`, `BBC News`). */
  readonly source?: string;
  readonly url?: string;
  /** ISO date or date-time from front matter. */
  readonly published?: string;
  /** Body text, normalized: plain paragraphs separated by `\n`, boilerplate removed. */
  readonly text: string;
  /** What ingest left out of the file but kept the article for ("front matter field \"published\" is not a date"). */
  readonly warnings?: readonly string[];
}

/** A sentence of an article, the unit every point, figure and answer is traced to. */
export interface Sentence {
  /** `${articleId}#${index}` */
  readonly id: string;
  readonly articleId: string;
  /** Position of the sentence within its article, from 0. */
  readonly index: number;
  /** Paragraph number within the article, from 0. */
  readonly paragraph: number;
  readonly text: string;
}

/** A readable reference to one article of the set. */
export interface SourceInfo {
  readonly articleId: string;
  /** 1-based position in the briefing's source list: the `[n]` shown next to points. */
  readonly number: number;
  /** Title, outlet and date where known; else a readable label built from the file name and lead. */
  readonly label: string;
  readonly origin: string;
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly published?: string;
  readonly sentenceCount: number;
}

/** A quotation of one sentence of one article: what every claim is traced to. */
export interface Citation {
  readonly articleId: string;
  /** The sentence, verbatim as normalized. */
  readonly quote: string;
  readonly sentenceId: string;
}

/** One key point: a sentence from the set, merged with its near-duplicates in other articles. */
export interface KeyPoint {
  /** The representative sentence (possibly lightly trimmed, never reworded). */
  readonly text: string;
  /**
   * Who speaks it, when it is a quotation whose speaker is named only in an earlier sentence of
   * the quotation (that sentence is cited second): shown as `Speaker: “text”`.
   */
  readonly speaker?: string;
  /** Every article that carries this point, first the one `text` came from. */
  readonly citations: readonly Citation[];
  /** Distinct articles carrying the point. */
  readonly sourceCount: number;
  readonly score: number;
  /** Chosen for what the newest reporting adds, rather than for corroboration. */
  readonly fresh: boolean;
  /** A later point that reverses this one (a denial later confirmed), shown after it; its citations are among `citations`. */
  readonly then?: KeyPoint;
  /**
   * How long a shorter brief keeps the point: a brief held to fewer words leaves out the lowest
   * first (0 goes first). Ranked by what the point alone says, per word (key-points.ts).
   */
  readonly keep: number;
}

/**
 * - `estimate`: an estimate or count of what has happened ("an estimated 400 people had been evacuated").
 * - `projection`: what could or will happen ("could eventually number around 12,000").
 * - `claim`: a warning, allegation or claim by a party ("the mayor warned that 40 bridges were unsafe").
 */
/** The kinds of figure, in the order every list of them is shown: what was counted, what is expected, what is asserted. */
export const figureKinds = ['estimate', 'projection', 'claim'] as const;
export type FigureKind = (typeof figureKinds)[number];

/** One number found in one sentence. */
export interface Figure {
  readonly id: string;
  /** Normalized value: "4,000" → 4000, "$64.1 billion" → 64.1e9, "12%" → 12. */
  readonly value: number;
  /** The figure as written, e.g. `4,000` or `$64.1 billion`. */
  readonly display: string;
  /** `%`, `$`, `£`, `€`, or '' for a count. */
  readonly unit: string;
  /** What it counts, as written: `Alpine Aid volunteers`. */
  readonly counts: string;
  /** Grouping key of the quantity: the measure with its unit and place (`=deaths@rivertown`), else the counted noun (`troops`), synonyms folded. */
  readonly quantity: string;
  /** What it measures, from the measure lexicon (`deaths`, `evacuated`, `cost`), when the words around it name it. */
  readonly measure?: string;
  /** A readable label for its series (`people evacuated`, `deaths in Rivertown`), or '' when the text does not say what is counted. */
  readonly label?: string;
  /** `at least`, `around`, `an estimated`, … or '' */
  readonly qualifier: string;
  readonly kind: FigureKind;
  /** Who said it, as written in the article (`fire service spokesperson Mara Quist`), or '' if unattributed. */
  readonly speaker: string;
  /** Relayed through (`Wirepost` in "according to Wirepost"), or ''. */
  readonly via: string;
  /** Time expression of the sentence (`between early- to mid-October`), or ''. */
  readonly when: string;
  /** The start of a running total, as `since 2022` ("$64 billion since the invasion in 2022"), when the text gives one. */
  readonly since?: string;
  /** How widely it was counted, as written right after it: `in six states` ("90 in six states"). */
  readonly scope?: string;
  /** True where the text itself marks it as superseded ("up from an earlier estimate of 300"). */
  readonly earlier: boolean;
  readonly citation: Citation;
}

/** One value of a quantity, merged across the articles that report it. */
export interface TimelineEntry {
  readonly value: number;
  readonly display: string;
  readonly kind: FigureKind;
  readonly qualifier: string;
  readonly speaker: string;
  readonly via: string;
  readonly when: string;
  /** The start of a running total (`since 2022`), when one of its figures gives it. */
  readonly since?: string;
  /** How widely it was counted (`in six states`), when one of its figures says so. */
  readonly scope?: string;
  /** True where some article marks this value as superseded by a later one. */
  readonly superseded: boolean;
  /** Position in time within the timeline: 0 is the oldest. Equal ranks are simultaneous. */
  readonly rank: number;
  /** The figures behind this entry, one per sentence. */
  readonly figures: readonly Figure[];
}

/** The history of one quantity across the set. */
export interface FigureTimeline {
  readonly quantity: string;
  /** The most telling description of what is counted (`Alpine Aid volunteers`, `people evacuated`). */
  readonly label: string;
  /** What the quantity measures, from the measure lexicon, when known. */
  readonly measure?: string;
  readonly unit: string;
  /** Oldest first. */
  readonly entries: readonly TimelineEntry[];
  readonly latest: Partial<Record<FigureKind, TimelineEntry>>;
  /**
   * Sets of entries that give different values for the same kind at the same time, from different
   * sources; for a `fixed` quantity, every set of different values of a kind, whenever given.
   */
  readonly disagreements: readonly (readonly TimelineEntry[])[];
  /** A size of the event itself (a quake's magnitude): it has no history, so different values are sources differing. */
  readonly fixed?: true;
  /**
   * Kinds whose latest value is a tenth or less of an earlier live value with no word of a
   * revision by it ("$380 million" after "$5.4 billion"): two things counted under one name, not
   * a history, so they are shown as sources differing (see `disagreements`) and never lead.
   */
  readonly unreconciled?: readonly FigureKind[];
  /** How many distinct articles report this quantity. */
  readonly sourceCount: number;
}

export interface Briefing {
  readonly sources: readonly SourceInfo[];
  readonly keyPoints: readonly KeyPoint[];
  readonly figures: readonly Figure[];
  /** Most reported quantities first. */
  readonly timelines: readonly FigureTimeline[];
  readonly sentenceCount: number;
  /** Opaque search index used by `answerQuestion`. */
  readonly index: SearchIndex;
}

/** Built once per briefing so that answers are fast; treat as opaque outside the core. */
export interface SearchIndex {
  readonly sentences: readonly Sentence[];
  /** Article id → 0-based rank in time order (oldest first). */
  readonly articleRank: ReadonlyMap<string, number>;
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Per sentence, its term ids in order. */
  readonly tokens: readonly Int32Array[];
  /** Inverted index: sentences of term t are `postings[postingStart[t] .. postingStart[t + 1])`. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Distinct articles a sentence's near-duplicate group spans. */
  readonly support: readonly number[];
  readonly avgLength: number;
}

export interface FoundAnswer {
  readonly found: true;
  /** One sentence: the value or fact, and who reported it. */
  readonly answer: string;
  readonly citations: readonly Citation[];
  /** For number answers: the timeline it came from and the entry given. */
  readonly figure?: { readonly timeline: FigureTimeline; readonly entry: TimelineEntry };
  /** Earlier values of the same quantity and kind, newest first. */
  readonly earlier: readonly TimelineEntry[];
  /** Projections and claims of the same quantity, shown beside the answer. */
  readonly related: readonly TimelineEntry[];
}

export interface NotFoundAnswer {
  readonly found: false;
  readonly answer: string;
  readonly citations: readonly [];
  /** Quantities or topics the set does cover, to help the user ask again. */
  readonly suggestions: readonly string[];
}

export type Answer = FoundAnswer | NotFoundAnswer;

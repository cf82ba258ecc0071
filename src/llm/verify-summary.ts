/**
 * The gate between a model and a reader. Every sentence of the model's reply is checked against
 * the evidence it was written from: it must cite sources (`[n]`) that exist, hold no link, and
 * every number, quotation and name in it must stand in the sentences of the sources it cites.
 * A sentence that fails is left out, with the reason; the caller decides whether enough is left.
 * Pure: no I/O, no clock.
 */
import { checkNames, checkNumbers, checkQuotes, checkSupport, type CheckScope } from './claim-checks.js';
import type { Evidence } from './summary-evidence.js';
import { summarySentences, type SummarySentence } from './summary-sentences.js';
import { plural } from '../shared/plural.js';

export interface DroppedSentence {
  /** The sentence as the model wrote it (claim and citations). */
  readonly text: string;
  /** Why, in a few words: "15,000 is in no source". */
  readonly reason: string;
}

export interface VerifiedSummary {
  readonly kept: readonly SummarySentence[];
  readonly dropped: readonly DroppedSentence[];
}

const link = /\bhttps?:\/\/|\bwww\.|<[^>]*>|@\w/i;

/** Why one sentence may not be shown, or undefined when it passes. */
export function sentenceProblem(sentence: SummarySentence, evidence: Evidence): string | undefined {
  if (!sentence.cites.length) return 'it cites no source';
  const known = new Map(evidence.sources.map((s) => [s.number, s]));
  const unknown = sentence.cites.find((n) => !known.has(n));
  if (unknown !== undefined) return `[${unknown}] is not a source it was given`;
  if (link.test(sentence.claim)) return 'it holds a link or a mention';
  const scope: CheckScope = {
    cited: sentence.cites.flatMap((n) => known.get(n)!.sentences),
    all: evidence.sources.flatMap((s) => s.sentences),
    refs: sentence.cites.map((n) => `[${n}]`).join(''),
  };
  return checkQuotes(sentence.claim, scope) ?? checkNumbers(sentence.claim, scope) ?? checkNames(sentence.claim, scope) ?? checkSupport(sentence.claim, scope);
}

/** The reply's sentences that pass, in order, and those left out with why. */
export function verifySummary(reply: string, evidence: Evidence): VerifiedSummary {
  const kept: SummarySentence[] = [];
  const dropped: DroppedSentence[] = [];
  for (const sentence of summarySentences(reply)) {
    const reason = sentenceProblem(sentence, evidence);
    if (reason) dropped.push({ text: `${sentence.claim}${sentence.cites.length ? ` ${sentence.cites.map((n) => `[${n}]`).join('')}` : ''}`, reason });
    else kept.push(sentence);
  }
  return { kept, dropped };
}

/** "1 sentence left out: 15,000 is in no source." — the footnote under a summary. */
export function droppedFootnote(dropped: readonly DroppedSentence[]): string | undefined {
  if (!dropped.length) return undefined;
  const reasons = [...new Set(dropped.map((d) => d.reason))];
  return `${plural(dropped.length, 'sentence')} left out: ${reasons.join('; ')}.`;
}

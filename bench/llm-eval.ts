/**
 * How well the summary check (src/llm/verify-summary.ts) holds on real stories. For each set, a
 * stand-in model "writes" the set's own key points, shuffled, each citing its sources as the prompt
 * shows them, plus one sentence whose figure is invented: a real key point with its number
 * replaced by one that stands in no source. Every invented figure must be caught, and no faithful
 * sentence dropped. `npm run eval` prints the one line; test/llm/llm-eval.test.ts holds the floor.
 */
import { basename } from 'node:path';
import { numberMentions } from '../src/core/ask/number-mentions.js';
import { briefingEvidence, type Evidence } from '../src/llm/summary-evidence.js';
import { verifySummary } from '../src/llm/verify-summary.js';
import { loadTopic } from '../src/topics/topic-library.js';
import { randomSequence, shuffled } from '../test/core/support/article-variations.js';

export interface LlmEvalSet {
  readonly set: string;
  /** The invented sentence, and the reason it was left out (undefined: it got through). */
  readonly invented: { readonly sentence: string; readonly caught: string | undefined };
  readonly faithful: number;
  /** Faithful sentences left out, each with why. */
  readonly droppedFaithful: readonly { readonly sentence: string; readonly reason: string }[];
}

export interface LlmEvalResult {
  readonly sets: readonly LlmEvalSet[];
  /** `llm-verify: invented caught 5/5, faithful dropped 0/N` */
  readonly line: string;
}

/** Every value the evidence's sentences hold. */
function valuesOf(evidence: Evidence): Set<number> {
  return new Set(evidence.sources.flatMap((s) => s.sentences.flatMap((x) => numberMentions(x.text).map((m) => m.value))));
}

/**
 * The digits of a written figure changed so that the figure stands in no source, written as the
 * original is ("8.5 million" → "11.6 million", "1,204" → "1,656"), so the sentence still reads true.
 */
function inventedDigits(digits: string, scale: number, present: Set<number>): string {
  const decimals = /\.(\d+)$/.exec(digits)?.[1]?.length ?? 0;
  const n = Number(digits.replace(/,/g, ''));
  let v = Math.round((n * 1.37 + 7) * 10 ** decimals) / 10 ** decimals;
  while (present.has(v * scale) || present.has(Math.round(v * scale))) v += 11;
  return digits.includes(',') ? v.toLocaleString('en-US', { minimumFractionDigits: decimals }) : v.toFixed(decimals);
}

/** A key point with its first figure replaced by an invented one; a made-up sentence when no point has a figure. */
function inventedSentence(evidence: Evidence): string {
  const present = valuesOf(evidence);
  for (const point of evidence.points) {
    const figure = numberMentions(point).find((m) => m.role === 'figure' && m.value >= 10 && m.high === undefined);
    const digits = figure ? /\d[\d,]*(?:\.\d+)?/.exec(point.slice(figure.start, figure.end)) : null;
    if (!figure || !digits) continue;
    const at = figure.start + digits.index;
    const scale = figure.value / Number(digits[0].replace(/,/g, ''));
    return `${point.slice(0, at)}${inventedDigits(digits[0], scale, present)}${point.slice(at + digits[0].length)}`;
  }
  return `Officials said ${inventedDigits('4,817', 1, present)} people were affected [${evidence.sources[0]?.number ?? 1}].`;
}

/** The check on one set: its points shuffled with one invented figure among them. */
export async function evaluateSet(dir: string): Promise<LlmEvalSet> {
  const { briefing } = await loadTopic(dir);
  const evidence = briefingEvidence(briefing);
  const invented = inventedSentence(evidence);
  // Seeded by the set's name, so a set is shuffled the same way every run.
  const next = randomSequence([...basename(dir)].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
  const faithful = shuffled(evidence.points, next);
  const reply = [...faithful];
  reply.splice(Math.floor(next() * (reply.length + 1)), 0, invented);
  // Each line of the reply is read on its own, so its sentences can be told apart from the others'.
  const outcome = new Map(reply.map((line) => [line, verifySummary(line, evidence).dropped[0]?.reason]));
  return {
    set: basename(dir),
    invented: { sentence: invented, caught: outcome.get(invented) },
    faithful: faithful.length,
    droppedFaithful: faithful.flatMap((sentence) => {
      const reason = outcome.get(sentence);
      return reason ? [{ sentence, reason }] : [];
    }),
  };
}

export async function runLlmEval(dirs: readonly string[]): Promise<LlmEvalResult> {
  const sets: LlmEvalSet[] = [];
  for (const dir of dirs) sets.push(await evaluateSet(dir));
  const caught = sets.filter((s) => s.invented.caught).length;
  const faithful = sets.reduce((n, s) => n + s.faithful, 0);
  const dropped = sets.reduce((n, s) => n + s.droppedFaithful.length, 0);
  return { sets, line: `llm-verify: invented caught ${caught}/${sets.length}, faithful dropped ${dropped}/${faithful}` };
}

/**
 * A model's reply cut into sentences, each with the sources it cites. Markdown a model adds
 * anyway (bullets, headings, bold) is taken off; citations may be written `[1][3]`, `[1, 3]`, before
 * or after the full stop. Pure.
 */
import { normalizeText, splitSentences } from '../core/text.js';

export interface SummarySentence {
  /** The claim alone: the sentence without its citations, ending in its own punctuation. */
  readonly claim: string;
  /** The source numbers cited, in order of first mention. */
  readonly cites: readonly number[];
}

const citationRun = /(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+/g;
const markdownLine = /^\s*(?:[-*•]\s+|\d+[.)]\s+|#+\s*)/;

/** Source numbers in a run of citations (`[1][3]`, `[2, 4]`). */
function citesIn(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** The reply's sentences, with citations attached to the sentence they follow. */
export function summarySentences(reply: string): SummarySentence[] {
  // Reasoning models (served by Ollama or vLLM) may send their thinking first: it is no part of the summary.
  const text = normalizeText(reply.replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, '').replace(/\*\*|__|`/g, ''));
  const pieces = text
    .split('\n')
    .map((line) => line.replace(markdownLine, '').trim())
    .filter((line) => line && !/^(?:summary|here is|here's)\b[^.]*:$/i.test(line))
    .flatMap((line) => splitSentences(line));
  const out: { claim: string; cites: number[] }[] = [];
  for (const piece of pieces) {
    // "… in Rivertown. [2] The mayor …" splits as "[2] The mayor …": the leading run belongs before.
    const lead = /^(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+/.exec(piece);
    let rest = piece;
    if (lead && out.length) {
      out.at(-1)!.cites.push(...citesIn(lead[0]));
      rest = piece.slice(lead[0].length).trim();
    }
    if (!rest) continue;
    const cites = [...rest.matchAll(citationRun)].flatMap((m) => citesIn(m[0]));
    const claim = rest.replace(citationRun, '').replace(/\s+([.!?,;:])/g, '$1').replace(/\s{2,}/g, ' ').trim();
    if (claim) out.push({ claim, cites });
  }
  return out.map((s) => ({ claim: s.claim, cites: [...new Set(s.cites)] }));
}

/** A sentence as shown: its claim with its citations before the closing punctuation (`… in Rivertown [1][2].`). */
export function shownSentence(s: SummarySentence): string {
  const refs = s.cites.map((n) => `[${n}]`).join('');
  const end = /[.!?]["”’')]*$/.exec(s.claim);
  if (!end) return `${s.claim} ${refs}`;
  // A closing quote stays with its quotation: `… "very serious." [1]`.
  if (/["”’')]$/.test(end[0])) return `${s.claim} ${refs}`;
  return `${s.claim.slice(0, end.index)} ${refs}${end[0]}`;
}

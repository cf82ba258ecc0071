/**
 * Every prompt Sitrep sends a model, in one place. Change a prompt, bump `PROMPT_VERSION`: it is
 * logged with every summary, so a rejected sentence in the logs can be traced to the words that
 * asked for it. The model sees only the extractive briefing (its points, key numbers and numbered
 * sources), never raw articles, and is asked to cite in one fixed format, `[n]` before the full
 * stop, which src/llm/summary-sentences.ts reads.
 */
import type { ChatMessage } from './create-chat-completions-client.js';
import type { Evidence } from './summary-evidence.js';

export const PROMPT_VERSION = 'sitrep-summary-2';

const rules = [
  'Use only the facts given below. Add nothing from memory: no other numbers, names, places, dates or causes.',
  'End every sentence with the numbers of the sources that carry it, in square brackets, before the full stop, e.g. "The bridge reopened on Friday [2][3]."',
  'Copy every number exactly as the facts write it, with its unit and with who gave it.',
  'Quote only words that appear verbatim in the facts, inside double quotes.',
  'Name only people and organisations that the facts you cite name.',
  'Plain sentences only: no headings, lists, links, markdown or preamble.',
].join('\n- ');

function sourceLines(evidence: Evidence): string {
  return evidence.sources.map((s) => `[${s.number}] ${s.label}`).join('\n');
}

/** The messages asking for a 3–5 sentence summary of a briefing. */
export function briefingSummaryPrompt(title: string, evidence: Evidence): ChatMessage[] {
  return [
    { role: 'system', content: `You summarise a developing news story for a team chat, in 3 to 5 sentences.\n- ${rules}` },
    {
      role: 'user',
      content: [
        `Story: ${title}`,
        '',
        'Key points:',
        ...evidence.points.map((p) => `- ${p}`),
        ...(evidence.numbers.length ? ['', 'Key numbers:', ...evidence.numbers.map((n) => `- ${n}`)] : []),
        '',
        'Sources:',
        sourceLines(evidence),
        '',
        'Write the summary now: 3 to 5 sentences, each ending with its [n] citations.',
      ].join('\n'),
    },
  ];
}

/** The messages asking to phrase an answer from the sentences it was found in. */
export function answerPrompt(question: string, evidence: Evidence): ChatMessage[] {
  const quoted = evidence.sources.flatMap((s) => s.sentences.map((sentence) => `[${s.number}] "${sentence.text}"`));
  return [
    { role: 'system', content: `You answer a question about a news story in 1 or 2 sentences, from the quoted sentences only.\n- ${rules}` },
    {
      role: 'user',
      content: [`Question: ${question}`, '', 'Answer found:', ...evidence.points, '', 'Quoted sentences:', ...quoted, '', 'Sources:', sourceLines(evidence), '', 'Write the answer now, each sentence ending with its [n] citations.'].join('\n'),
    },
  ];
}

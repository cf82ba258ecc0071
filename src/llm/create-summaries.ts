/**
 * Summaries from a model, checked before anyone sees them. Wired only when LLM_BASE_URL is set;
 * without it nothing here exists and no request leaves the machine. A model that fails, is slow
 * (the client's one budget, LLM_TIMEOUT_MS, covers every retry) or writes too little that passes
 * yields undefined, and the caller sends the extractive reply as it would without a model. The
 * sentences left out are logged with their reason and the prompt version.
 */
import type { Answer, Briefing } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { MessageSection } from '../render/message.js';
import type { ChatCompletions, ChatMessage } from './create-chat-completions-client.js';
import { answerPrompt, briefingSummaryPrompt, PROMPT_VERSION } from './prompts.js';
import { answerEvidence, briefingEvidence, type Evidence } from './summary-evidence.js';
import { summarySection, type SectionRules } from './summary-section.js';
import { verifySummary } from './verify-summary.js';

export interface Summaries {
  /** The summary opening a brief or a digest, or undefined (a failure, or too little passed the check). */
  forBriefing(title: string, briefing: Briefing): Promise<MessageSection | undefined>;
  /** The answer phrased from the sentences it was found in, or undefined. */
  forAnswer(question: string, answer: Answer, briefing: Briefing): Promise<MessageSection | undefined>;
}

export interface SummariesOptions {
  readonly client: ChatCompletions;
  readonly model: string;
  readonly logger: Logger;
}

interface Outcome {
  readonly section: MessageSection | undefined;
  /** The model answered (whatever the check made of it): worth keeping for the same briefing. */
  readonly answered: boolean;
}

export function createSummaries(options: SummariesOptions): Summaries {
  const { client, logger, model } = options;
  // One summary per briefing: a briefing is rebuilt when its articles change, so this never goes stale,
  // and a digest to ten channels or ten people's /brief make one request.
  const byBriefing = new WeakMap<Briefing, Promise<Outcome>>();

  async function write(kind: string, messages: ChatMessage[], evidence: Evidence, rules: Omit<SectionRules, 'model'>): Promise<Outcome> {
    const started = Date.now();
    const result = await client.complete(messages);
    const fields = { kind, model, promptVersion: PROMPT_VERSION, attempts: result.attempts, ms: Date.now() - started };
    if (!result.ok) {
      logger.warn('llm summary unavailable; the extractive reply goes out alone', { ...fields, failure: result.failure, detail: result.detail });
      return { section: undefined, answered: false };
    }
    const verified = verifySummary(result.content, evidence);
    for (const d of verified.dropped) logger.warn('llm sentence left out', { ...fields, sentence: d.text, reason: d.reason });
    const section = summarySection(verified, { ...rules, model });
    if (!section) logger.warn('llm summary withheld: too little passed the check', { ...fields, kept: verified.kept.length, dropped: verified.dropped.length, reply: result.content });
    else logger.info('llm summary shown', { ...fields, kept: verified.kept.length, dropped: verified.dropped.length });
    return { section, answered: true };
  }

  return {
    async forBriefing(title, briefing) {
      let pending = byBriefing.get(briefing);
      if (!pending) {
        const evidence = briefingEvidence(briefing);
        pending = evidence.sources.length
          ? write('brief', briefingSummaryPrompt(title, evidence), evidence, { minKept: 2, heading: 'Summary', basis: 'the points below' })
          : Promise.resolve({ section: undefined, answered: true });
        byBriefing.set(briefing, pending);
      }
      const outcome = await pending;
      // A failure is not remembered: the next brief asks again.
      if (!outcome.answered && byBriefing.get(briefing) === pending) byBriefing.delete(briefing);
      return outcome.section;
    },
    async forAnswer(question, answer, briefing) {
      if (!answer.found) return undefined;
      const evidence = answerEvidence(answer, briefing);
      if (!evidence.sources.length) return undefined;
      return (await write('ask', answerPrompt(question, evidence), evidence, { minKept: 1, heading: 'In short', basis: 'the sentences quoted below' })).section;
    },
  };
}

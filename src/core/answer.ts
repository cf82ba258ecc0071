import type { Answer, Briefing } from './types.js';

/** Answers a question from the briefing, or says plainly that the set does not. (Stub.) */
export function answerQuestion(_question: string, _briefing: Briefing): Answer {
  return { found: false, answer: 'The articles do not answer that.', citations: [], suggestions: [] };
}

/**
 * Questions answered from a briefing. The question is classified first (a number, who said a
 * quotation, who, where, when, why, yes or no, or another fact), then answered with a span of the
 * set: the number with what it counts and who gave it, the speaker, the name, the place, the
 * time, the reason, each with the sentence it came from. When the set does not answer, it says
 * so: an answer must match the question's measure, entity, source and time, or there is none.
 */
import { askContext } from './ask/ask-context.js';
import { sameSense } from './ask/synonyms.js';
import { normalizeWord } from './ask/words.js';
import { answerWhen, answerWhere, answerWho, answerWhoByNumber } from './ask/answer-entity.js';
import { answerNumber } from './ask/answer-number.js';
import { notFound } from './ask/answer-parts.js';
import { answerQuote } from './ask/answer-quote.js';
import { answerFact, answerWhy, answerYesNo } from './ask/answer-sentence.js';
import { parseQuestion } from './ask/question.js';
import type { Answer, Briefing } from './types.js';

/**
 * Verbs that set someone against a number ("who pushed back on the 11,300 figure", "who called it
 * inflated"): its attribution names who gave it, not who disputed it. By lemma.
 */
const disputingVerbs = ['call', 'push', 'reject', 'dispute', 'question', 'challenge', 'contest', 'doubt', 'deny', 'criticize', 'refute', 'slam'].map(normalizeWord);
const disputes = (verb: string): boolean => disputingVerbs.some((d) => sameSense(verb, d));

export function answerQuestion(question: string, briefing: Briefing): Answer {
  const q = parseQuestion(question);
  const context = askContext(briefing);
  const answer = (() => {
    switch (q.type) {
      case 'quote':
        return answerQuote(context, q);
      case 'who':
        // "Who came up with the 4.2 million figure?" asks who gave a number; "the last of the six workers" only counts them,
        // and "who called the 2030 timeline unacceptable" or "who pushed back on the 11,300 figure" asks who set themselves against it.
        return q.numbers.length && !q.verbs.some(disputes) ? (answerWhoByNumber(context, q) ?? answerWho(context, q)) : answerWho(context, q);
      case 'number':
        return answerNumber(context, q);
      case 'where':
        return answerWhere(context, q);
      case 'when':
        return answerWhen(context, q);
      case 'why':
        return answerWhy(context, q);
      case 'yesno':
        return answerYesNo(context, q);
      case 'fact':
        return answerFact(context, q);
    }
  })();
  return answer ?? notFound(briefing.timelines.slice(0, 5).map((t) => t.label));
}

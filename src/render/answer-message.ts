import type { Answer, Briefing } from '../core/types.js';
import { formatEntry, sourceRefs } from './figure-format.js';
import type { Message, MessageSection } from './message.js';

/** The answer first, its quoted source under it, then earlier values and projections beside it. */
export function renderAnswerMessage(question: string, answer: Answer, briefing: Briefing): Message {
  if (!answer.found) {
    return {
      title: question,
      sections: [
        { style: 'plain', items: [{ text: answer.answer }] },
        ...(answer.suggestions.length ? [{ heading: 'The articles do cover', style: 'plain' as const, items: [{ text: answer.suggestions.join(', ') }] }] : []),
      ],
      tone: 'normal',
    };
  }
  const sections: MessageSection[] = [
    {
      style: 'plain',
      items: [{ text: answer.answer, note: answer.citations.map((c) => `${sourceRefs(briefing, [c.articleId])} "${c.quote}"`).join('\n') }],
    },
  ];
  if (answer.earlier.length) {
    sections.push({ heading: 'Earlier values', style: 'list', items: answer.earlier.map((e) => ({ text: formatEntry(briefing, e) })) });
  }
  if (answer.related.length) {
    sections.push({
      heading: 'Projections and claims',
      style: 'list',
      items: answer.related.map((e) => ({ text: `${e.kind}: ${formatEntry(briefing, e)}` })),
    });
  }
  return { title: question, sections, tone: 'normal' };
}

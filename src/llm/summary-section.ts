/**
 * A checked summary as a section of a reply: the sentences that passed, with their citations,
 * under a note that says a model wrote them, how they were checked and what was left out. Pure.
 */
import type { Message, MessageSection } from '../render/message.js';
import { shownSentence } from './summary-sentences.js';
import { droppedFootnote, type VerifiedSummary } from './verify-summary.js';

export interface SectionRules {
  /** Fewest sentences worth showing (a brief: 2; an answer: 1). */
  readonly minKept: number;
  readonly heading: string;
  /** What the model wrote from, for the note: `the points below`. */
  readonly basis: string;
  readonly model: string;
}

/**
 * The section, or undefined when too little survived: fewer than `minKept` sentences, or fewer
 * kept than left out (a reply that fails more often than not is not trusted for the rest).
 */
export function summarySection(verified: VerifiedSummary, rules: SectionRules): MessageSection | undefined {
  const { kept, dropped } = verified;
  if (kept.length < rules.minKept || kept.length < dropped.length) return undefined;
  const checked = `Written by ${rules.model} from ${rules.basis}; every number, name and quote is checked against the sources it cites.`;
  const footnote = droppedFootnote(dropped);
  return {
    heading: rules.heading,
    style: 'plain',
    items: [{ text: kept.map(shownSentence).join(' '), note: footnote ? `${checked}\n${footnote}` : checked }],
  };
}

/** The message with the summary opening it, before the points; unchanged without one. */
export function withSummary(message: Message, section: MessageSection | undefined): Message {
  return section ? { ...message, sections: [section, ...message.sections] } : message;
}

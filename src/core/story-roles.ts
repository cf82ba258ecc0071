/**
 * What a sentence does in the story beyond the facts it gives: an editor's brief says how
 * authorities responded, what caused it (or did not), whether it set a record, and what was
 * pledged next. Coverage alone never asks for these: a response or a pledge is often one
 * article's sentence, in words no other article repeats. Each role is read from the sentence's
 * own words, in patterns of ordinary news English. Who the dead were (where the sentence says so
 * as its subject) is a role too: the human side an editor never leaves out.
 */
import { stem } from './text.js';

/** Authorities act: a state of emergency declared, teams or troops sent, a ground stop or an appeal issued, an inquiry launched. */
export const responseRole = 1;
/** What caused it, or what it was not: "caused by a faulty update", "not a cyberattack". */
export const causeRole = 2;
/** A record or superlative: "the deadliest since …", "one of the largest in history". */
export const recordRole = 4;
/** A pledge of what comes next: "pledged to rebuild within a year". */
export const pledgeRole = 8;
/** Who the dead were: "All of the men who died were immigrants from …". */
export const victimsRole = 16;

/** The roles in the order a brief that lacks them takes them. */
export const storyRoles = [responseRole, causeRole, recordRole, pledgeRole, victimsRole] as const;

const responders = String.raw`(?:teams|troops|rescuers|crews|soldiers|personnel|responders|firefighters)`;
const patterns: readonly (readonly [number, RegExp])[] = [
  [
    responseRole,
    new RegExp(
      String.raw`\b(?:declared (?:an? |the )?(?:[\w-]+ ){0,3}(?:state of emergency|emergency|disaster (?:zone|area))|(?:dispatched|deployed|mobilized|sent)\b[^.;]{0,40}\b(?:${responders}|aid)|${responders}\b[^.;]{0,40}\b(?:were dispatched|were deployed|were mobilized|arrived)|issued (?:an? |the )?[^.;]{0,30}\b(?:ground stop|appeal|evacuation order|warning)s?|launched (?:an? )?(?:[\w-]+ )?(?:investigation|inquiry|probe|appeal)|grounded (?:all )?(?:flights|planes|aircraft))\b`,
      'i',
    ),
  ],
  [causeRole, /\b(?:not (?:a|the result of an?) (?:[\w-]+ )?[\w-]*?(?:attack|incident)|(?:was|were) caused by|the (?:root )?cause of|blamed (?:on|for))\b/i],
  // "Norland's largest port" describes a place: a largest or biggest is a record when it is "one of the" or "ever".
  [
    recordRole,
    /\b(?:deadliest|worst|strongest|costliest|the most\s+(?:powerful|destructive|severe|damaging|intense)|record-breaking|on record|since records began|in (?:modern |recorded )?history|one of the (?:largest|biggest)|the (?:largest|biggest)\b[^.;]{0,40}\b(?:ever|of its kind))\b/i,
  ],
  [pledgeRole, /\b(?:pledged|vowed|promised) to\b[^.;]{0,60}\bwithin (?:a|one|two|three|six|\d+) (?:year|month|week)s?\b|\b(?:pledged|vowed|promised) to (?:rebuild|restore|reopen|replace|repair|compensate|pay)\b/i],
  // Said as the sentence's subject: "…, adding that the victims were a man and a woman" is a detail of a detail; "the
  // dead included 12 people in Kettle Ford" says where, not who.
  [victimsRole, /^(?:(?:all|most|many|some|several|both|nearly all)\s+(?:of\s+)?)?(?:the victims|the dead|those (?:killed|who died)|(?:the\s+)?(?:men|women|people|workers|children) who (?:died|were killed))\s+(?:were|included(?!\s+(?:at least\s+|about\s+|some\s+)?\d[\d,]*\s+(?:people|persons|residents)\b))\b/i],
];

/**
 * Terms without which no pattern can match (as the tokenizer stems them): a sentence with none of
 * them is never read. "the most …" is a stopword pair: its adjective is the cue.
 */
export const roleTerms: ReadonlySet<string> = new Set(
  [
    'declared', 'dispatched', 'deployed', 'mobilized', 'sent', 'arrived', 'issued', 'launched', 'grounded',
    'attack', 'incident', 'cyberattack', 'caused', 'cause', 'blamed',
    'deadliest', 'worst', 'largest', 'biggest', 'strongest', 'costliest', 'powerful', 'destructive', 'severe', 'damaging', 'intense', 'record', 'records', 'history', 'ever',
    'pledged', 'vowed', 'promised',
    'victims', 'dead', 'killed', 'died',
  ].map(stem),
);

/** The roles (bits) sentence `text` plays. */
export function rolesOf(text: string): number {
  let roles = 0;
  for (const [role, re] of patterns) if (re.test(text)) roles |= role;
  return roles;
}

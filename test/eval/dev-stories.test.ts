import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToTotals, devStoriesDir, emptyTotals, findSets, loadSet, missLines, scoreSet, setLine } from '../../bench/score-sets.js';
import { runCli } from '../../src/cli.js';

/**
 * The floor the five dev-story sets must hold, summed over the sets, as `npm run eval` and
 * ../shared/eval/score-sets.mjs count them. Set to what the build reached when this test was written;
 * raise them as the engine improves, never lower them to make a change pass (the words ceiling the
 * other way round).
 */
const thresholds = {
  /** Questions answered (of 50). */
  qa: 50,
  /** Unanswerable questions declined with found: false (of 30). */
  abstain: 30,
  /**
   * Key facts the text brief carries (of 95). 79 until each brief was held to 450 words (the
   * brief gives up the points it keeps least): 78 since, with 235 fewer words over the five; 80
   * once a measure's values were left to Key numbers but for one point; 83 once a brief takes a
   * point for each story role it lacks (a response, a cause, a record, a pledge),
   * 84 once a shorter brief keeps those points longer; 85 once the lead says how widely its
   * value was counted ("in six states"); 86 once a count takes no measure from a coordinated
   * clause after it (", and delayed another 1,700"), which freed a Key numbers line; 87 once a
   * value from before the event ("valued at … before the outage") is background; 88 once who the
   * dead were is a story role.
   */
  facts: 88,
  /** Numbers in a brief that stand in no article: always none. */
  unsupported: 0,
  /**
   * Words of the five text briefs together, at most: lower it as the briefs get shorter. 2,211
   * since the briefs fill the words points of one measure gave up with two more facts.
   */
  words: 2211,
  /** Words of any one text brief, at most (issue 11). */
  briefWords: 450,
} as const;

// The dev stories are third-party, copyrighted news texts kept beside the repository
// (../shared/dev-stories) for evaluation only; they are never copied into the repository, so a
// clone without them skips this test rather than failing it.
const present = existsSync(devStoriesDir);

describe.runIf(present)('dev stories (../shared/dev-stories), scored in-process as score-sets.mjs scores them', () => {
  it(
    'hold the qa, abstain and facts floors and the words ceiling, with no unsupported number',
    async () => {
      const sets = findSets([devStoriesDir]);
      expect(sets.length).toBeGreaterThan(0);
      const total = emptyTotals();
      const report: string[] = [];
      let words = 0;
      for (const dir of sets) {
        const score = await scoreSet(loadSet(dir), runCli);
        addToTotals(total, score);
        words += score.words;
        expect(score.words, `words of ${setLine(score)}`).toBeLessThanOrEqual(thresholds.briefWords);
        report.push(...missLines(score), setLine(score));
      }
      const summary = `\n${report.join('\n')}`;
      expect(total.qa, `qa ${total.qa}/${total.questions}${summary}`).toBeGreaterThanOrEqual(thresholds.qa);
      expect(total.abstained, `abstain ${total.abstained}/${total.unanswerable}${summary}`).toBeGreaterThanOrEqual(thresholds.abstain);
      expect(total.facts, `facts ${total.facts}/${total.factCount}${summary}`).toBeGreaterThanOrEqual(thresholds.facts);
      expect(total.unsupported, `unsupported numbers${summary}`).toBe(thresholds.unsupported);
      expect(words, `words${summary}`).toBeLessThanOrEqual(thresholds.words);
    },
    120_000,
  );
});

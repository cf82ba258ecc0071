import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askCli, devStoriesDir } from '../../bench/score-sets.js';
import { runCli } from '../../src/cli.js';

/**
 * The dev-story and seed questions put in other words (test/eval/paraphrases.json, written for
 * this test; the first 69 were tuned on, the next 32 were not when written, the 47 after them,
 * eight of them questions the set does not answer, were run once before any change for them,
 * and so were the next 20, ten of them unanswerable, and the last 42, twelve of them unanswerable,
 * written by a helper who read only the articles and ran nothing: 24 of 42 at first run). 177
 * once a source asked by its acronym ("the WHO") is found where the set spells it out; 178 once
 * "dismissed them as" and "branded it" name a thing as "called" does. A sixth batch of 48 (16
 * unanswerable), written the same way by a helper, was added untuned: 32 of 48 at first run. 213
 * once an answer must name what the question names (the ship a company owns), a disputed number
 * is not answered with who gave it, and "the names of the dams" wants dams' names; 214 once
 * "what is Norland considering" wants Norland's own sentence; 216 once "how did they get there"
 * wants a sentence that says how (by boat, via a port). A seventh batch of 48 (14 unanswerable),
 * written the same way by a helper, was added untuned: 34 of 48 at first run (250 of 306); 251
 * once a name keeps its particle ("al-Marun") and "who rejected" takes the name before the verb;
 * 252 once a loss is nobody's who is named only to be left out of it; 253 once named structures
 * (a dam, a reservoir) are things whose names are asked; 256 once "defence" meets "defense",
 * "how far did the market value drop" asks a share, and "what were its winds" a number.
 * Scored as the project's questions are: the answer holds one of `expect_any` and none of
 * `expect_none` (a question the set does not answer expects the decline). The floor is what the
 * build reached: raise it as answers improve, never lower it to pass.
 */
const floor = 256;

interface Paraphrase {
  readonly set: string;
  readonly question: string;
  readonly expect_any: readonly string[];
  readonly expect_none: readonly string[];
}

const paraphrases = JSON.parse(readFileSync(join(import.meta.dirname, 'paraphrases.json'), 'utf8')) as Paraphrase[];
const seedDir = join(import.meta.dirname, '../../briefings/north-korea-troops');

describe.runIf(existsSync(devStoriesDir))('paraphrased questions on the dev stories and the seed', () => {
  it(
    `answers at least ${floor} of ${paraphrases.length}`,
    async () => {
      const misses: string[] = [];
      for (const p of paraphrases) {
        const dir = p.set === 'seed' ? seedDir : join(devStoriesDir, p.set);
        const answer = String((await askCli(runCli, dir, p.question)).reply?.answer ?? '').toLowerCase();
        const good = p.expect_any.some((e) => answer.includes(e.toLowerCase())) && !p.expect_none.some((e) => answer.includes(e.toLowerCase()));
        if (!good) misses.push(`${p.set}: ${p.question} -> ${answer.slice(0, 100)}`);
      }
      expect(paraphrases.length - misses.length, misses.join('\n')).toBeGreaterThanOrEqual(floor);
    },
    120_000,
  );
});

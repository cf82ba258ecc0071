import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runLlmEval } from '../../bench/llm-eval.js';
import { devStoriesDir, findSets } from '../../bench/score-sets.js';
import { seedDir } from '../support/seed.js';

// The dev stories live beside the repository, never in it: without them this test is skipped.
const present = existsSync(devStoriesDir);

describe.runIf(present)('the summary check on the dev stories (../shared/dev-stories)', () => {
  it('catches every invented figure among a set\'s own key points and drops none of them', async () => {
    const result = await runLlmEval(findSets([devStoriesDir]));
    const report = result.sets.map((s) => `${s.set}: ${s.invented.caught ?? 'NOT CAUGHT'} · ${s.invented.sentence}${s.droppedFaithful.map((d) => `\n  dropped (${d.reason}): ${d.sentence}`).join('')}`).join('\n');
    expect(result.sets.length).toBeGreaterThan(0);
    expect(result.sets.filter((s) => !s.invented.caught), report).toEqual([]);
    expect(result.sets.flatMap((s) => s.droppedFaithful), report).toEqual([]);
    expect(result.line).toMatch(/^llm-verify: invented caught (\d+)\/\1, faithful dropped 0\/\d+$/);
  }, 60_000);
});

describe('the summary check on the bundled story', () => {
  it('catches the invented figure and keeps every key point', async () => {
    const [set] = (await runLlmEval([seedDir])).sets;
    expect(set!.invented.caught).toMatch(/is in no source$/);
    expect(set!.droppedFaithful).toEqual([]);
    expect(set!.faithful).toBeGreaterThan(5);
  });
});

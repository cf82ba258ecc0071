/**
 * `npm run eval [-- SET_OR_FOLDER_OF_SETS...]`: scores Sitrep the way ../shared/eval/score-sets.mjs does
 * (same rules, same per-set lines, see score-sets.ts), in-process, beside a BM25 best-sentence baseline.
 *
 * Scored: the bundled seed set (briefings/north-korea-troops, with the acceptance questions and facts
 * of ../shared/acceptance or their copy in test/fixtures/acceptance; it has no unanswerable questions,
 * so its abstain reads 0/0), then every set under the folders given, by default ../shared/dev-stories.
 * The total line sums the dev-story sets only, so it reads as the .mjs's total line does; the seed set
 * is pinned by test/core/seed-acceptance.test.ts and is shown on its own line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';
import { scoreBm25 } from './bm25-baseline.js';
import { runLlmEval } from './llm-eval.js';
import {
  addToTotals,
  devStoriesDir,
  emptyTotals,
  findSets,
  loadSet,
  missLines,
  scoreSet,
  setLine,
  totalLine,
  type AnswerScore,
  type EvalFact,
  type EvalQuestion,
  type EvalSet,
  type SetScore,
} from './score-sets.js';

const print = (line: string): void => console.log(line);
const fromRepo = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

function seedSet(): EvalSet {
  const shared = fromRepo('../shared/acceptance');
  const acceptance = existsSync(`${shared}/seed-questions.json`) ? shared : fromRepo('test/fixtures/acceptance');
  const json = <T>(file: string): T => JSON.parse(readFileSync(`${acceptance}/${file}`, 'utf8')) as T;
  return {
    name: 'north-korea-troops (seed)',
    dir: fromRepo('briefings/north-korea-troops'),
    questions: json<EvalQuestion[]>('seed-questions.json'),
    facts: json<EvalFact[]>('seed-facts.json'),
    unanswerable: [],
  };
}

const roots = process.argv.slice(2);
const rootsGiven = roots.length > 0;
if (!rootsGiven) {
  if (existsSync(devStoriesDir)) roots.push(devStoriesDir);
  else print(`dev stories not found at ${devStoriesDir} (they live beside the repository, never in it): scoring the seed set only`);
}
for (const r of roots)
  if (!existsSync(r)) {
    console.error(`no such folder: ${r}`);
    process.exit(2);
  }
const devSets = findSets(roots);
if (rootsGiven && devSets.length === 0) {
  console.error('no set (a folder with questions.json) found');
  process.exit(2);
}

const bm25Line = (b: AnswerScore): string => `bm25 qa ${b.qa}/${b.questions} abstain ${b.abstained}/${b.unanswerable}`;

interface Row {
  readonly score: SetScore;
  readonly bm25: AnswerScore;
}
const rows: Row[] = [];
for (const set of [seedSet(), ...devSets.map(loadSet)]) {
  const score = await scoreSet(set, runCli);
  const bm25 = await scoreBm25(set);
  for (const line of missLines(score)) print(line);
  print(`${setLine(score)} | ${bm25Line(bm25)}`);
  rows.push({ score, bm25 });
}

const [seed, ...dev] = rows;
const counted = dev.length ? dev : [seed!];
const total = counted.reduce((t, r) => addToTotals(t, r.score), emptyTotals());
const bm25Total = counted.reduce<AnswerScore>(
  (t, r) => ({ qa: t.qa + r.bm25.qa, questions: t.questions + r.bm25.questions, abstained: t.abstained + r.bm25.abstained, unanswerable: t.unanswerable + r.bm25.unanswerable, misses: [] }),
  { qa: 0, questions: 0, abstained: 0, unanswerable: 0, misses: [] },
);
const words = counted.reduce((n, r) => n + r.score.words, 0);
print(`${totalLine(total)} | ${bm25Line(bm25Total)}${dev.length ? ` (${dev.length} dev-story sets; seed not counted)` : ' (seed set only)'}`);

const cell = (x: number, n: number): string => `${x}/${n}`;
print('');
print('| set | QA | facts | words | unsupported numbers | boilerplate | abstain | BM25 QA | BM25 abstain |');
print('|---|---|---|---|---|---|---|---|---|');
for (const { score: s, bm25: b } of rows)
  print(`| ${s.set} | ${cell(s.qa, s.questions)} | ${cell(s.facts, s.factCount)} | ${s.words} | ${s.unsupported} | ${s.boilerplate} | ${s.unanswerable ? cell(s.abstained, s.unanswerable) : '–'} | ${cell(b.qa, b.questions)} | ${b.unanswerable ? cell(b.abstained, b.unanswerable) : '–'} |`);
print(
  `| **total${dev.length ? ' (dev stories)' : ' (seed)'}** | ${cell(total.qa, total.questions)} | ${cell(total.facts, total.factCount)} | ${words} | ${total.unsupported} | ${total.boilerplate} | ${cell(total.abstained, total.unanswerable)} | ${cell(bm25Total.qa, bm25Total.questions)} | ${cell(bm25Total.abstained, bm25Total.unanswerable)} |`,
);
print('');
// The summary check on the same sets: each set's key points shuffled plus one invented figure (bench/llm-eval.ts).
print((await runLlmEval(devSets.length ? devSets : [seedSet().dir])).line);

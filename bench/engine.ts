import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/core/answer.js';
import { buildBriefing, tokenizeArticles } from '../src/core/briefing.js';
import { cleanArticleText } from '../src/core/text.js';
import { readArticleSet } from '../src/ingest/read-article-set.js';
import { ms, percentiles, readBbcCorpus, time } from './support.js';

const seedDir = fileURLToPath(new URL('../briefings/north-korea-troops', import.meta.url));
const corpusDir = fileURLToPath(new URL('../../shared/corpora/bbc-news', import.meta.url));

const questions = [
  'latest estimate',
  'How many jobs will be cut?',
  'Who won the election?',
  'What did the chancellor say about the budget?',
  'How much did the company pay for the deal?',
  'Where will the match be played?',
  'Who is the new chief executive?',
  'How many people were killed?',
  'What is the latest unemployment rate?',
  'Which film won the award?',
];

/** The engine figures of `npm run bench`; each line is printed as it is measured. */
export async function benchEngine(print: (line: string) => void): Promise<void> {
  print(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}`);

  const seed = (await readArticleSet(seedDir)).articles;
  const seedBuild = percentiles(time(() => buildBriefing(seed), 50, 5));
  print(`seed set (5 articles): build p50 ${ms(seedBuild.p50)}, p99 ${ms(seedBuild.p99)}`);

  const baseline = await peerSummarizer(seed.map((a) => a.text).join('\n'));
  if (baseline === undefined) print('baseline node-summarizer: not installed (npm i --no-save node-summarizer)');
  else print(`baseline node-summarizer TextRank on the seed set: ${ms(baseline)} (${(baseline / seedBuild.p50).toFixed(1)}× Sitrep's whole build)`);

  // One article of 1 MB on one line, dense with figures, beside the same text cut into sentences: the build stays linear.
  const clauses: string[] = [];
  for (let i = 0, n = 0; n < 1_000_000; i++) {
    const clause = `officials said ${100 + (i % 900)} people were evacuated and ${i % 50} homes destroyed in Alden on day ${i % 30}`;
    clauses.push(clause);
    n += clause.length + 2;
  }
  const oneLine = { id: 'long', origin: 'long.txt', text: clauses.join(', ') };
  const sentenced = { ...oneLine, text: clauses.map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}.`).join(' ') };
  const longBuild = percentiles(time(() => buildBriefing([...seed, oneLine]), 3, 1));
  const splitBuild = percentiles(time(() => buildBriefing([...seed, sentenced]), 3, 1));
  print(`seed + a 1 MB one-line article: build p50 ${ms(longBuild.p50)} = ${(longBuild.p50 / splitBuild.p50).toFixed(2)}× the same text in sentences (${ms(splitBuild.p50)})`);

  const corpus = readBbcCorpus(corpusDir).map((a) => ({ ...a, text: cleanArticleText(a.text) }));
  const tokens = tokenizeArticles(corpus).tokens.reduce((n, t) => n + t.length, 0);
  const words = corpus.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  const tokenizer = percentiles(time(() => tokenizeArticles(corpus), 5, 1));
  let briefing = buildBriefing(corpus);
  const build = percentiles(
    time(() => {
      briefing = buildBriefing(corpus);
    }, 5, 1),
  );
  print(`bbc-news (${corpus.length} articles, ${words.toLocaleString('en')} words, ${briefing.sentenceCount.toLocaleString('en')} sentences, ${briefing.figures.length.toLocaleString('en')} figures):`);
  const wink = percentiles(time(winkPass(corpus.map((a) => a.text)), 3, 1));
  print(`  tokenizer alone: ${ms(tokenizer.p50)} (median of 5)`);
  print(`  wink-nlp pass:   ${ms(wink.p50)} (median of 3; readDoc with its English lite model: tokens, sentences, POS, entities)`);
  print(`  full build:      ${ms(build.p50)} (median of 5) = ${(build.p50 / wink.p50).toFixed(2)}× the wink-nlp pass (target ≤ 1.5×), ${(build.p50 / tokenizer.p50).toFixed(2)}× the tokenizer`);
  print(`  throughput:      ${Math.round(tokens / (build.p50 / 1000)).toLocaleString('en')} tokens/s, ${Math.round(words / (build.p50 / 1000)).toLocaleString('en')} words/s`);

  const latencies: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerQuestion(q, briefing);
      latencies.push(performance.now() - t0);
    }
  }
  const ask = percentiles(latencies.slice(questions.length));
  print(`  ask latency:     p50 ${ms(ask.p50)}, p99 ${ms(ask.p99)} over ${latencies.length - questions.length} questions (target p99 < 10 ms)`);
}

/** A plain wink-nlp pass over the same texts (the baseline the engine's build is held to). */
function winkPass(texts: readonly string[]): () => void {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(text: string): { tokens(): { length(): number } } };
  const nlp = winkNLP(require('wink-eng-lite-web-model'));
  return () => {
    let n = 0;
    for (const t of texts) n += nlp.readDoc(t).tokens().length();
    if (n === 0) throw new Error('wink-nlp read no tokens');
  };
}

interface NodeSummarizer {
  readonly SummarizerManager: new (text: string, sentences: number) => { getSummaryByRank(): Promise<{ summary: string }> };
}

/**
 * node-summarizer's TextRank (the baseline peer), timed on the same text; undefined when it is not
 * installed. It is no dependency: it brings WordNet's 35 MB database into every install for one
 * bench line, so it is installed by hand for a bench run.
 */
async function peerSummarizer(text: string): Promise<number | undefined> {
  const name = 'node-summarizer'; // a variable, so the compiler wants neither the package nor its types
  let loaded: { default: NodeSummarizer };
  try {
    loaded = (await import(name)) as { default: NodeSummarizer };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const { SummarizerManager } = loaded.default;
  await new SummarizerManager(text, 10).getSummaryByRank();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await new SummarizerManager(text, 10).getSummaryByRank();
    runs.push(performance.now() - t0);
  }
  return percentiles(runs).p50;
}

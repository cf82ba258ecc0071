/**
 * Incremental updates: from a new article file in a topic folder to the updated briefing, through
 * the real path (topic library reload), on the seed topic and on a 2,000-article topic; and the
 * engine alone (`updateBriefing` with one article). Each against a full rebuild in the same run.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBriefing } from '../src/core/briefing.js';
import { createBriefingState, updateBriefing } from '../src/core/briefing-builder.js';
import { cleanArticleText } from '../src/core/text.js';
import type { Article } from '../src/core/types.js';
import { createTopicLibrary, loadTopic } from '../src/topics/topic-library.js';
import { bbcCorpusDir, ms, percentiles, readBbcCorpus, time } from './support.js';

const seedDir = fileURLToPath(new URL('../briefings/north-korea-troops', import.meta.url));
const yukosDir = fileURLToPath(new URL('../test/fixtures/yukos', import.meta.url));

interface NewFile {
  readonly name: string;
  readonly text: string;
}

/** The update figures of `npm run bench`; each line is printed as it is measured. */
export async function benchUpdates(print: (line: string) => void): Promise<void> {
  const corpusDir = bbcCorpusDir();
  const corpus = corpusDir ? readBbcCorpus(corpusDir) : [];
  const extra = corpus.length ? corpus.slice(2000, 2030) : await yukosFiles();
  const fileOf = (a: Article, name: string): NewFile => ({ name, text: a.text });

  await benchFolder(print, 'seed topic (5 articles)', (dir) => cp(seedDir, dir, { recursive: true }), extra.slice(0, 20).map((a, i) => fileOf(a, `100_new-${pad(i)}.txt`)));
  if (corpus.length < 2030) {
    print('2,000-article topic: skipped (no BBC corpus beside the repository)');
    return;
  }
  const base = corpus.slice(0, 2000);
  const writeBase = async (dir: string): Promise<void> => {
    await Promise.all(base.map((a, i) => writeFile(join(dir, `bbc-${pad(i)}.txt`), a.text)));
  };
  const atEnd = extra.slice(0, 20).map((a, i) => fileOf(a, `bbc-9${pad(i)}.txt`));
  await benchFolder(print, '2,000-article topic, new files sorting last', writeBase, atEnd);
  const inMiddle = extra.slice(20, 30).map((a, i) => fileOf(a, `bbc-${pad(100 * i + 50)}-new.txt`));
  await benchFolder(print, '2,000-article topic, new files sorting in the middle', writeBase, inMiddle);
  benchEngineUpdate(print, base, extra.slice(0, 20));
}

async function benchFolder(print: (line: string) => void, label: string, fill: (dir: string) => Promise<unknown>, files: readonly NewFile[]): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-bench-update-'));
  try {
    const dir = join(root, 'topic');
    await mkdir(dir);
    await fill(dir);
    const topics = await createTopicLibrary(root);
    const articles = topics.get('topic')!.articles.length;
    const updates: number[] = [];
    for (const file of files) {
      await writeFile(join(dir, file.name), file.text);
      const t0 = performance.now();
      const topic = await topics.reload('topic');
      updates.push(performance.now() - t0);
      if (!topic?.articles.some((a) => a.origin === file.name)) throw new Error(`${file.name} did not reach the briefing`);
    }
    const rebuilds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await loadTopic(dir, 'topic');
      rebuilds.push(performance.now() - t0);
    }
    const update = percentiles(updates.slice(1));
    const rebuild = percentiles(rebuilds);
    print(`${label}: ${articles.toLocaleString('en')} articles + ${files.length} new files, one at a time`);
    print(`  reload → updated briefing: p50 ${ms(update.p50)}, p99 ${ms(update.p99)} (first ${ms(updates[0]!)}, not counted; target < 100 ms)`);
    print(`  full reload of the folder: ${ms(rebuild.p50)} (median of 3) = ${(rebuild.p50 / update.p50).toFixed(1)}× the incremental reload`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function benchEngineUpdate(print: (line: string) => void, base: readonly Article[], extra: readonly Article[]): void {
  const clean = (a: Article): Article => ({ ...a, text: cleanArticleText(a.text) });
  const articles = base.map(clean);
  const added = extra.map(clean);
  let state = createBriefingState(articles);
  const updates: number[] = [];
  for (const a of added) {
    const t0 = performance.now();
    state = updateBriefing(state, { added: [a] });
    updates.push(performance.now() - t0);
  }
  const update = percentiles(updates.slice(1));
  const build = percentiles(time(() => buildBriefing(state.articles), 3, 1));
  print(`engine alone, ${articles.length.toLocaleString('en')} articles + 1: updateBriefing p50 ${ms(update.p50)}, p99 ${ms(update.p99)}; buildBriefing of the same ${state.articles.length.toLocaleString('en')}: ${ms(build.p50)} = ${(build.p50 / update.p50).toFixed(1)}× the update`);
}

async function yukosFiles(): Promise<Article[]> {
  const { readArticleSet } = await import('../src/ingest/read-article-set.js');
  return [...(await readArticleSet(yukosDir)).articles];
}

const pad = (n: number): string => String(n).padStart(4, '0');

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../src/core/types.js';

/** Milliseconds percentiles of a sample. */
export function percentiles(samples: readonly number[]): { p50: number; p90: number; p99: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? NaN, mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length) };
}

/** Runs `fn` `runs` times after `warmup` runs; returns each run's milliseconds. */
export function time(fn: () => void, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** Peak resident memory so far, sampled by `trackMemory`. */
let peakRss = 0;
export function trackMemory(): () => number {
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  sample();
  const timer = setInterval(sample, 20);
  timer.unref();
  return () => {
    sample();
    return peakRss;
  };
}

/** The BBC corpus (CSV: text,category; quoted fields with "" escapes) as one article set. */
export function readBbcCorpus(dir: string): Article[] {
  const articles: Article[] = [];
  for (const file of ['train.csv', 'test.csv', 'val.csv']) {
    const rows = parseCsv(readFileSync(`${dir}/${file}`, 'utf8')).slice(1);
    rows.forEach((row, i) => {
      if (row[0]) articles.push({ id: `${file.replace('.csv', '')}-${i}`, origin: `${file}:${i + 2}`, text: row[0] });
    });
  }
  return articles;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** A worker thread running a TypeScript module (tsx registered inside it: Node 20 workers do not inherit loaders). */
export function tsWorker(module: URL): Worker {
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(source, { eval: true });
}

/** The BBC corpus folder beside the repository (`shared/corpora/bbc-news`), or undefined where it is absent, as in a clean clone. */
export function bbcCorpusDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../shared/corpora/bbc-news', import.meta.url));
  return existsSync(`${dir}/train.csv`) ? dir : undefined;
}

/** The next message a load worker sends; a message `{ error }` (the worker failed) rejects. */
export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (msg: T | { error: string }) => (msg && typeof msg === 'object' && 'error' in msg ? reject(new Error(msg.error)) : resolve(msg as T)));
    worker.once('error', reject);
  });
}

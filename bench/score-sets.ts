/**
 * The project's scorer (../shared/eval/score-sets.mjs) run in-process: the same rules and the same
 * figures, without a process per question. Each set is a folder of article files with questions.json
 * and facts.json, and optionally unanswerable.json (format: ../shared/dev-stories/README.md).
 *
 * Rules, exactly as the .mjs applies them:
 * - a question passes when the `answer` field of `ask --json` contains one of `expect_any` and none of
 *   `expect_none` (case-insensitive substrings; only the direct answer is read, not citations);
 * - an unanswerable question passes when `ask --json` says `found: false` (a guess is a miss);
 * - a fact is carried when the text brief contains one of its `must_mention_any` (case-insensitive);
 * - "unsupported" counts the distinct numbers in the brief (outside its header line and its
 *   "Sources:" list, list numbering, [n] markers and "N sources" counts) that stand in no article file
 *   (read raw, front matter included, thousands separators dropped);
 * - "boilerplate" counts matches of the boilerplate pattern in the brief; "words" its words.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../src/cli.js';

/** How the CLI is run: `runCli` from src/cli.ts, or a stand-in with its shape. */
export type RunCli = (args: readonly string[], io: CliIO) => Promise<number>;

export interface EvalQuestion {
  readonly question: string;
  readonly expect_any: readonly string[];
  readonly expect_none: readonly string[];
  readonly why?: string;
}
export interface EvalFact {
  readonly id: string;
  readonly must_mention_any: readonly string[];
  readonly source_articles?: readonly string[];
}
export interface EvalUnanswerable {
  readonly question: string;
  readonly kind?: string;
  readonly why_unanswerable?: string;
}

/** One set to score: its article folder and its checks (which need not live in that folder). */
export interface EvalSet {
  readonly name: string;
  readonly dir: string;
  readonly questions: readonly EvalQuestion[];
  readonly facts: readonly EvalFact[];
  readonly unanswerable: readonly EvalUnanswerable[];
}

/** What one ask gave, as the .mjs sees it: the parsed JSON reply (null when stdout held none) and stderr when it failed. */
export interface AskOutcome {
  readonly reply: { readonly found?: unknown; readonly answer?: unknown } | null;
  readonly err?: string;
}

/** The questions and unanswerable questions of a set, scored by the .mjs rules. */
export interface AnswerScore {
  readonly qa: number;
  readonly questions: number;
  readonly abstained: number;
  readonly unanswerable: number;
  readonly misses: string[];
}

/** A set's score: the fields (and their order) of one `--json` line of the .mjs. */
export interface SetScore extends AnswerScore {
  readonly set: string;
  readonly facts: number;
  readonly factCount: number;
  readonly words: number;
  readonly unsupported: number;
  readonly boilerplate: number;
  readonly missingFacts: string[];
  readonly unsupportedNumbers: string[];
}

export interface Totals {
  qa: number;
  questions: number;
  facts: number;
  factCount: number;
  unsupported: number;
  boilerplate: number;
  abstained: number;
  unanswerable: number;
}

/** The development sets beside the repository (../shared/dev-stories); third-party texts, never copied into it. */
export const devStoriesDir = fileURLToPath(new URL('../../shared/dev-stories', import.meta.url));

export const boilerplatePattern = /RELATED STORY|Advertisement|Read more|Subscribe|Share (this|on)|Send a link to a friend/gi;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The sets named by folder arguments, as the .mjs finds them: a set itself, or every set one level below. */
export function findSets(roots: readonly string[]): string[] {
  const sets: string[] = [];
  for (const r of roots) {
    const dir = resolve(r);
    if (existsSync(join(dir, 'questions.json'))) sets.push(dir);
    else
      for (const d of readdirSync(dir).sort()) {
        const sub = join(dir, d);
        if (statSync(sub).isDirectory() && existsSync(join(sub, 'questions.json'))) sets.push(sub);
      }
  }
  return sets;
}

/** A set folder in the dev-story format: questions.json, facts.json and optionally unanswerable.json beside the articles. */
export function loadSet(dir: string): EvalSet {
  const unanswerablePath = join(dir, 'unanswerable.json');
  return {
    name: basename(dir),
    dir,
    questions: readJson<EvalQuestion[]>(join(dir, 'questions.json')),
    facts: readJson<EvalFact[]>(join(dir, 'facts.json')),
    unanswerable: existsSync(unanswerablePath) ? readJson<EvalUnanswerable[]>(unanswerablePath) : [],
  };
}

interface CliRun {
  readonly ok: boolean;
  readonly out: string;
  readonly err?: string;
}

/** Runs the CLI in-process and returns what a child process would have printed, as `execFileSync` gives it. */
async function runCaptured(runCli: RunCli, argv: readonly string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (line) => void (out += line + '\n'), stderr: (line) => void (err += line + '\n') };
  try {
    const code = await runCli(argv, io);
    return code === 0 ? { ok: true, out } : { ok: false, out, err: err.trim().slice(0, 200) };
  } catch (error) {
    // A child process would have died with the stack on stderr.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, out, err: (err + message).trim().slice(0, 200) };
  }
}

/** `ask QUESTION --set DIR --json` in-process, parsed. */
export async function askCli(runCli: RunCli, dir: string, question: string): Promise<AskOutcome> {
  const r = await runCaptured(runCli, ['ask', question, '--set', dir, '--json']);
  let reply: AskOutcome['reply'] = null;
  try {
    reply = JSON.parse(r.out) as AskOutcome['reply'];
  } catch {
    // no JSON on stdout: a miss
  }
  return r.err === undefined ? { reply } : { reply, err: r.err };
}

const quote = (s: string, n: number): string => JSON.stringify(s.slice(0, n));

/** Scores a set's questions and unanswerable questions with any way of asking (the CLI, a baseline). */
export async function scoreAnswers(set: EvalSet, ask: (question: string) => Promise<AskOutcome>): Promise<AnswerScore> {
  const misses: string[] = [];
  let qa = 0;
  for (const q of set.questions) {
    const r = await ask(q.question);
    let answer = '';
    if (r.reply) answer = String(r.reply.answer ?? '');
    else misses.push(`ask failed: ${r.err ?? 'no JSON on stdout'}`);
    const low = answer.toLowerCase();
    const good = q.expect_any.some((e) => low.includes(e.toLowerCase())) && !q.expect_none.some((e) => low.includes(e.toLowerCase()));
    if (good) qa++;
    else misses.push(`MISS ${quote(q.question, 80)} -> ${quote(answer, 140)}`);
  }
  let abstained = 0;
  for (const q of set.unanswerable) {
    const r = await ask(q.question);
    if (r.reply && r.reply.found === false) abstained++;
    else misses.push(`GUESS ${quote(q.question, 80)} -> ${quote(String(r.reply?.answer ?? r.err ?? ''), 140)}`);
  }
  return { qa, questions: set.questions.length, abstained, unanswerable: set.unanswerable.length, misses };
}

/** The raw text of a set's article files as the .mjs reads it (front matter included), thousands separators dropped. */
export function sourceText(dir: string): string {
  let source = '';
  for (const f of readdirSync(dir).sort()) if (/\.(txt|md|html)$/.test(f) && !/^README/i.test(f)) source += readFileSync(join(dir, f), 'utf8') + '\n';
  return source.replace(/,/g, '');
}

/** The distinct numbers of a text brief's body that stand in no article of the set, sorted. */
export function unsupportedNumbers(brief: string, source: string): string[] {
  let body = brief
    .split(/^Sources:/m)[0]!
    .split('\n')
    .filter((l) => !l.startsWith('== '))
    .join('\n');
  body = body
    .replace(/^\s*\d+[.)]\s/gm, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\b\d+\s+(sources?|articles?|reports?|outlets?|key points?|key numbers?|quantit(?:y|ies)|figures?)\b/gi, '');
  const numbers = new Set((body.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '').replace(/\.$/, '')));
  return [...numbers].filter((n) => n && !source.includes(n)).sort();
}

/** Scores one set through the CLI, in-process: each question and unanswerable question, then the brief. */
export async function scoreSet(set: EvalSet, runCli: RunCli): Promise<SetScore> {
  const answers = await scoreAnswers(set, (question) => askCli(runCli, set.dir, question));
  const misses = [...answers.misses];
  const b = await runCaptured(runCli, ['brief', '--set', set.dir]);
  if (!b.ok) misses.push(`brief failed: ${b.err ?? ''}`);
  const brief = b.out;
  const low = brief.toLowerCase();
  const missingFacts = set.facts.filter((f) => !f.must_mention_any.some((s) => low.includes(s.toLowerCase()))).map((f) => f.id);
  const unsupported = unsupportedNumbers(brief, sourceText(set.dir));
  return {
    set: set.name,
    qa: answers.qa,
    questions: answers.questions,
    abstained: answers.abstained,
    unanswerable: answers.unanswerable,
    facts: set.facts.length - missingFacts.length,
    factCount: set.facts.length,
    words: brief.split(/\s+/).filter(Boolean).length,
    unsupported: unsupported.length,
    boilerplate: (brief.match(boilerplatePattern) ?? []).length,
    misses,
    missingFacts,
    unsupportedNumbers: unsupported,
  };
}

export const emptyTotals = (): Totals => ({ qa: 0, questions: 0, facts: 0, factCount: 0, unsupported: 0, boilerplate: 0, abstained: 0, unanswerable: 0 });

export function addToTotals(total: Totals, r: SetScore): Totals {
  total.qa += r.qa;
  total.questions += r.questions;
  total.facts += r.facts;
  total.factCount += r.factCount;
  total.unsupported += r.unsupported;
  total.boilerplate += r.boilerplate;
  total.abstained += r.abstained;
  total.unanswerable += r.unanswerable;
  return total;
}

/** The lines the .mjs prints under a set before its score line. */
export function missLines(r: SetScore): string[] {
  const lines = r.misses.map((m) => `  ${m}`);
  if (r.missingFacts.length) lines.push(`  facts missing: ${r.missingFacts.join(', ')}`);
  if (r.unsupportedNumbers.length) lines.push(`  numbers in no article: ${r.unsupportedNumbers.slice(0, 15).join(' ')}`);
  return lines;
}

/** The .mjs's score line of a set. */
export const setLine = (r: SetScore): string =>
  `${r.set}: qa ${r.qa}/${r.questions} facts ${r.facts}/${r.factCount} words ${r.words} unsupported ${r.unsupported} boilerplate ${r.boilerplate} abstain ${r.abstained}/${r.unanswerable}`;

/** The .mjs's total line. */
export const totalLine = (t: Totals): string =>
  `total: qa ${t.qa}/${t.questions} facts ${t.facts}/${t.factCount} unsupported ${t.unsupported} boilerplate ${t.boilerplate} abstain ${t.abstained}/${t.unanswerable}`;

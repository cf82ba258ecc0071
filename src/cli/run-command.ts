/**
 * The commands themselves: load the set, build its briefing, print text, Markdown or JSON.
 * Imported only once the command line is read, so `--help` and `--version` load no engine.
 */
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { answerQuestion } from '../core/answer.js';
import type { Briefing } from '../core/types.js';
import { parseSince, renderDigestForCli } from '../digests/render-digest-for-cli.js';
import { renderAnswerMessage } from '../render/answer-message.js';
import { renderBriefingMessage, renderNumbersMessage, renderSourcesMessage, type FileProblem } from '../render/briefing-message.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { renderText } from '../render/render-text.js';
import { loadTopic } from '../topics/topic-library.js';
import { briefingJson, entryJson, timelineJson } from './cli-json.js';
import type { Options } from './parse-options.js';
import { UsageError } from './usage-error.js';

export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/** Runs `command` (one of brief, ask, numbers, sources, digest) on the set the options name. */
export async function runCommand(command: string, options: Options, io: CliIO): Promise<number> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  if (since && 'error' in since) throw new UsageError(since.error);
    const dir = options.set ? resolve(options.set) : await defaultSet();
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`article set not found: ${dir}`);
    const topic = await loadTopic(dir);
    for (const p of topic.problems) io.stderr(`${p.kept ? 'warning' : 'skipped'} ${p.path}: ${p.reason}`);
    if (topic.articles.length === 0) throw new UsageError(`no readable articles in ${dir}`);
    if (command === 'chart') {
      const { writeChart } = await import('./write-chart.js');
      return writeChart(topic.briefing, options.positional.join(' ').trim() || undefined, options.out, io);
    }
    return print(command, options, since, topic.title, topic.briefing, topic.problems, io);
}

async function defaultSet(): Promise<string> {
  const root = resolve('briefings');
  const dirs = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (!dirs[0]) throw new UsageError(`no topic folders in ${root}`);
  return resolve(root, dirs[0]);
}

function print(command: string, options: Options, since: Date | undefined, title: string, briefing: Briefing, problems: readonly FileProblem[], io: CliIO): number {
  const print = (message: Parameters<typeof renderText>[0], json: unknown): void => {
    if (options.format === 'json') io.stdout(JSON.stringify(json, null, 2));
    else io.stdout(options.format === 'markdown' ? renderMarkdown(message) : renderText(message));
  };
  switch (command) {
    case 'brief':
      print(renderBriefingMessage(title, briefing), briefingJson(title, briefing));
      return 0;
    case 'numbers':
      print(renderNumbersMessage(title, briefing), { title, timelines: briefing.timelines.map(timelineJson) });
      return 0;
    case 'sources': {
      const line = (p: FileProblem): string => `${p.path}: ${p.reason}`;
      print(renderSourcesMessage(title, briefing, problems), {
        title,
        sources: briefing.sources,
        skipped: problems.filter((p) => !p.kept).map(line),
        warnings: problems.filter((p) => p.kept).map(line),
      });
      return 0;
    }
    case 'ask': {
      const question = options.positional.join(' ').trim();
      if (!question) throw new UsageError('ask needs a question: sitrep ask "latest estimate"');
      const answer = answerQuestion(question, briefing);
      const label = (id: string): string => briefing.sources.find((s) => s.articleId === id)?.label ?? id;
      print(renderAnswerMessage(question, answer, briefing), {
        question,
        found: answer.found,
        answer: answer.answer,
        citations: answer.citations.map((c) => ({ source: label(c.articleId), article: c.articleId, quote: c.quote })),
        ...(answer.found
          ? {
              figure: answer.figure ? entryJson(answer.figure.entry) : null,
              earlier: answer.earlier.map(entryJson),
              related: answer.related.map(entryJson),
            }
          : { suggestions: answer.suggestions }),
      });
      return 0;
    }
    case 'digest': {
      const message = renderDigestForCli(title, briefing, since);
      print(message, { title, since: since?.toISOString() ?? null, digest: message });
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try: brief, ask, numbers, sources, digest, chart)`);
  }
}

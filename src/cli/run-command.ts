/**
 * The commands themselves: load the set, then print what the chat command layer answers for it
 * (as text or Markdown), or the JSON of `--json`; `digest` and `chart` are the CLI's own.
 * Imported only once the command line is read, so `--help` and `--version` load no engine.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandName } from '../commands/command-request.js';
import { executeCommand, type CommandDeps } from '../commands/execute-command.js';
import { answerQuestion } from '../core/answer.js';
import type { Briefing } from '../core/types.js';
import { parseSince, renderDigestForCli } from '../digests/render-digest-for-cli.js';
import { silentLogger } from '../logger.js';
import type { FileProblem } from '../render/briefing-message.js';
import type { Message } from '../render/message.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { renderText } from '../render/render-text.js';
import { fixedTopicLibrary, loadTopic, topicFolders, type Topic } from '../topics/topic-library.js';
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
    return await print(command, options, since, topic, io);
}

/** The first topic folder of briefings/, as the topic library finds them. */
async function defaultSet(): Promise<string> {
  const root = resolve('briefings');
  const [first] = await topicFolders(root);
  if (!first) throw new UsageError(`no topic folders in ${root}`);
  return first;
}

/**
 * What the chat command layer answers for `name` on this one topic, as the console would get it.
 * A command that fails inside is not a reply here: its error is thrown, as any other bug of the CLI.
 */
async function commandMessage(name: CommandName, text: string, topic: Topic): Promise<Message> {
  let failure: unknown;
  const deps: CommandDeps = { topics: fixedTopicLibrary(topic), logger: { ...silentLogger, error: (_msg, fields) => (failure = fields?.['error']) } };
  const context = { platform: 'console' as const, channelId: 'cli', userId: 'cli', canManageChannel: false, now: new Date() };
  const reply = await executeCommand({ name, text, public: false }, context, deps);
  if (failure !== undefined) throw failure;
  return reply.message;
}

async function print(command: string, options: Options, since: Date | undefined, topic: Topic, io: CliIO): Promise<number> {
  const { title, briefing, problems } = topic;
  const print = async (message: () => Message | Promise<Message>, json: () => unknown): Promise<void> => {
    if (options.format === 'json') io.stdout(JSON.stringify(json(), null, 2));
    else io.stdout(options.format === 'markdown' ? renderMarkdown(await message()) : renderText(await message()));
  };
  switch (command) {
    case 'brief':
      await print(() => commandMessage('brief', '', topic), () => briefingJson(title, briefing));
      return 0;
    case 'numbers':
      await print(() => commandMessage('numbers', '', topic), () => ({ title, timelines: briefing.timelines.map(timelineJson) }));
      return 0;
    case 'sources': {
      const line = (p: FileProblem): string => `${p.path}: ${p.reason}`;
      await print(() => commandMessage('sources', '', topic), () => ({
        title,
        sources: briefing.sources,
        skipped: problems.filter((p) => !p.kept).map(line),
        warnings: problems.filter((p) => p.kept).map(line),
      }));
      return 0;
    }
    case 'ask': {
      const question = options.positional.join(' ').trim();
      // As the command layer: one character is no question (it would answer with a chat hint).
      if (question.length < 2) throw new UsageError('ask needs a question: sitrep ask "latest estimate"');
      await print(() => commandMessage('ask', question, topic), () => askJson(question, briefing));
      return 0;
    }
    case 'digest': {
      const message = renderDigestForCli(title, briefing, since);
      await print(() => message, () => ({ title, since: since?.toISOString() ?? null, digest: message }));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try: brief, ask, numbers, sources, digest, chart)`);
  }
}

/** The JSON of `ask --json`: the answer, its citations and the figure behind it. */
function askJson(question: string, briefing: Briefing): unknown {
  const answer = answerQuestion(question, briefing);
  const label = (id: string): string => briefing.sources.find((s) => s.articleId === id)?.label ?? id;
  return {
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
  };
}

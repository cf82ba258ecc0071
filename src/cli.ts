/**
 * `sitrep brief | ask | numbers | sources | digest` — one-shot commands for people and scripts.
 * A contract other tools rely on: JSON shapes are stable; errors are one line on stderr, exit 1.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { answerQuestion } from './core/answer.js';
import type { Briefing, TimelineEntry } from './core/types.js';
import { parseSince, renderDigestForCli } from './digests/render-digest-for-cli.js';
import { renderAnswerMessage } from './render/answer-message.js';
import { renderBriefingMessage, renderNumbersMessage, renderSourcesMessage, type FileProblem } from './render/briefing-message.js';
import { renderMarkdown } from './render/render-markdown.js';
import { renderText } from './render/render-text.js';
import { loadTopic } from './topics/topic-library.js';

export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const usage = `Usage:
  sitrep brief   [--set DIR] [--format text|markdown|json]
  sitrep ask "QUESTION" [--set DIR] [--json]
  sitrep numbers [--set DIR] [--json]
  sitrep sources [--set DIR] [--json]
  sitrep digest  [--set DIR] [--since DATE] [--format text|markdown|json]
  sitrep COMMAND --help · sitrep --version
DIR defaults to the first topic folder of briefings/.`;

/** `sitrep COMMAND --help`: its usage line, then what it prints. */
const commandHelp: Record<string, string> = {
  brief: help('brief [--set DIR] [--format text|markdown|json]', 'The key points of the set, merged across sources, with the key numbers and the sources.'),
  ask: help('ask "QUESTION" [--set DIR] [--json]', 'A direct answer with its citation, then earlier values and projections.'),
  numbers: help('numbers [--set DIR] [--json]', 'Every key number: latest value, earlier values, projections, who said it.'),
  sources: help('sources [--set DIR] [--json]', 'The articles of the set, the files skipped and those read with a warning.'),
  digest: help(
    'digest [--set DIR] [--since DATE] [--format text|markdown|json]',
    'The digest that would be posted: with --since (a date, UTC unless it says otherwise), what the articles published since then changed; without it, where the story stands.',
  ),
};

function help(synopsis: string, what: string): string {
  return `Usage: sitrep ${synopsis}\n\n${what}\nDIR defaults to the first topic folder of briefings/.`;
}

interface Options {
  set?: string;
  since?: Date;
  format: 'text' | 'markdown' | 'json';
  help: boolean;
  version: boolean;
  positional: string[];
}

class UsageError extends Error {}

const optionSpec = {
  set: { type: 'string' },
  since: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * GNU-style options through `node:util` parseArgs (`--format json`, `--format=json`, `-h`, `--`),
 * checked token by token so every mistake gets one line naming the option.
 */
function parseOptions(args: readonly string[]): Options {
  const options: Options = { format: 'text', help: false, version: false, positional: [] };
  const { tokens } = parseArgs({ args: [...args], options: optionSpec, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') options.positional.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = (optionSpec as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!spec) throw new UsageError(`unknown option ${token.rawName}`);
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`${token.rawName} takes no value`);
      setFlag(options, token.name);
      continue;
    }
    const value = token.value;
    // `--set --json` is a missing value, not a folder named "--json".
    if (value === undefined || (!token.inlineValue && value.startsWith('-'))) throw new UsageError(`${token.rawName} needs a value`);
    setValue(options, token.name, value);
  }
  return options;
}

function setFlag(options: Options, name: string): void {
  if (name === 'json') options.format = 'json';
  else if (name === 'help') options.help = true;
  else if (name === 'version') options.version = true;
}

function setValue(options: Options, name: string, value: string): void {
  if (name === 'set') options.set = value;
  else if (name === 'since') {
    const since = parseSince(value);
    if ('error' in since) throw new UsageError(since.error);
    options.since = since;
  } else if (value === 'text' || value === 'markdown' || value === 'json') options.format = value;
  else throw new UsageError(`--format must be text, markdown or json (got "${value}")`);
}

/** The version in package.json, one folder up from this file in src/ and in dist/ alike. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function defaultSet(): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const root = resolve('briefings');
  const dirs = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (!dirs[0]) throw new UsageError(`no topic folders in ${root}`);
  return resolve(root, dirs[0]);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const options = parseOptions(argv);
    const [command, ...positional] = options.positional;
    options.positional = positional;
    if (options.version) {
      io.stdout(packageVersion());
      return 0;
    }
    if (!command || command === 'help') {
      const topic = command ? positional[0] : undefined;
      io.stdout(topic && Object.hasOwn(commandHelp, topic) ? commandHelp[topic]! : usage);
      return command || options.help ? 0 : 1;
    }
    if (!Object.hasOwn(commandHelp, command)) throw new UsageError(`unknown command "${command}" (try: brief, ask, numbers, sources, digest)`);
    if (options.help) {
      io.stdout(commandHelp[command]!);
      return 0;
    }
    const dir = options.set ? resolve(options.set) : await defaultSet();
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`article set not found: ${dir}`);
    const topic = await loadTopic(dir);
    for (const p of topic.problems) io.stderr(`${p.kept ? 'warning' : 'skipped'} ${p.path}: ${p.reason}`);
    if (topic.articles.length === 0) throw new UsageError(`no readable articles in ${dir}`);
    return run(command, options, topic.title, topic.briefing, topic.problems, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sitrep: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function run(command: string, options: Options, title: string, briefing: Briefing, problems: readonly FileProblem[], io: CliIO): number {
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
      const message = renderDigestForCli(title, briefing, options.since);
      print(message, { title, since: options.since?.toISOString() ?? null, digest: message });
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try: brief, ask, numbers, sources, digest)`);
  }
}

function entryJson(e: TimelineEntry): Record<string, unknown> {
  return {
    value: e.value,
    display: e.display,
    kind: e.kind,
    qualifier: e.qualifier,
    speaker: e.speaker,
    via: e.via,
    when: e.when,
    superseded: e.superseded,
    citations: e.figures.map((f) => ({ article: f.citation.articleId, quote: f.citation.quote, counts: f.counts })),
  };
}

function timelineJson(t: Briefing['timelines'][number]): Record<string, unknown> {
  return {
    quantity: t.quantity,
    label: t.label,
    unit: t.unit,
    latest: Object.fromEntries(Object.entries(t.latest).map(([k, e]) => [k, entryJson(e)])),
    entries: t.entries.map(entryJson),
    disagreements: t.disagreements.map((g) => g.map(entryJson)),
  };
}

function briefingJson(title: string, b: Briefing): Record<string, unknown> {
  return {
    title,
    keyPoints: b.keyPoints.map((p) => ({ text: p.text, sourceCount: p.sourceCount, fresh: p.fresh, citations: p.citations })),
    timelines: b.timelines.map(timelineJson),
    sources: b.sources,
  };
}

// Run directly (`tsx src/cli.ts …`, `npm run sitrep -- …`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
  });
}

/**
 * `sitrep brief | ask | numbers | sources | digest | chart` — one-shot commands for people and scripts.
 * A contract other tools rely on: JSON shapes are stable; errors are one line on stderr, exit 1.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CliIO } from './cli/run-command.js';
import { parseOptions } from './cli/parse-options.js';
import { UsageError } from './cli/usage-error.js';

export type { CliIO };

const usage = `Usage:
  sitrep brief   [--set DIR] [--format text|markdown|json]
  sitrep ask "QUESTION" [--set DIR] [--json]
  sitrep numbers [--set DIR] [--json]
  sitrep sources [--set DIR] [--json]
  sitrep digest  [--set DIR] [--since DATE] [--format text|markdown|json]
  sitrep chart   [MEASURE] [--set DIR] --out FILE.png
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
  chart: help(
    'chart [MEASURE] [--set DIR] --out FILE.png',
    'A chart (PNG, 1600×800) of how a key number moved: the series MEASURE names (deaths, troops…), else the main one. Prints the file\'s path.',
  ),
};

function help(synopsis: string, what: string): string {
  return `Usage: sitrep ${synopsis}\n\n${what}\nDIR defaults to the first topic folder of briefings/.`;
}

/** The version in package.json, one folder up from this file in src/ and in dist/ alike. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
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
    if (!Object.hasOwn(commandHelp, command)) throw new UsageError(`unknown command "${command}" (try: brief, ask, numbers, sources, digest, chart)`);
    if (options.help) {
      io.stdout(commandHelp[command]!);
      return 0;
    }
    const { runCommand } = await import('./cli/run-command.js');
    return await runCommand(command, options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sitrep: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

// Run directly (`tsx src/cli.ts …`, `npm run sitrep -- …`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(line + '\n'),
    stderr: (line) => process.stderr.write(line + '\n'),
  });
}

import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export interface Options {
  set?: string;
  /** As given; read by the command (so parsing needs no date code). */
  since?: string;
  /** Where `chart` writes its PNG. */
  out?: string;
  format: 'text' | 'markdown' | 'json';
  help: boolean;
  version: boolean;
  positional: string[];
}

const optionSpec = {
  set: { type: 'string' },
  since: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * GNU-style options through `node:util` parseArgs (`--format json`, `--format=json`, `-h`, `--`),
 * checked token by token so every mistake gets one line naming the option.
 */
export function parseOptions(args: readonly string[]): Options {
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
  else if (name === 'since') options.since = value;
  else if (name === 'out') options.out = value;
  else if (value === 'text' || value === 'markdown' || value === 'json') options.format = value;
  else throw new UsageError(`--format must be text, markdown or json (got "${value}")`);
}

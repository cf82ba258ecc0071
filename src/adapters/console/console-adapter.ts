import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandLine } from '../../commands/command-request.js';
import { executeCommand, type CommandDeps } from '../../commands/execute-command.js';
import type { ChannelPoster } from '../../digests/channel-poster.js';
import { errorMessage } from '../../render/help-message.js';
import { renderText } from '../../render/render-text.js';

export interface ConsoleAdapterOptions {
  readonly deps: CommandDeps;
  readonly input: Readable;
  readonly output: Writable;
  /** Show a prompt (interactive terminals). */
  readonly interactive: boolean;
  readonly now?: () => Date;
}

export interface ConsoleAdapter {
  /** Resolves when input ends (or `stop` is called). */
  run(): Promise<void>;
  stop(): void;
  readonly poster: ChannelPoster;
}

/**
 * The embedded default: commands typed (or piped) on stdin, replies as plain text on stdout.
 * Every line gets an answer, bad ones a hint; nothing a user types can crash it.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  const { deps, input, output, interactive } = options;
  const now = options.now ?? (() => new Date());
  const write = (text: string): void => void output.write(text.endsWith('\n') ? text : `${text}\n`);
  const rl = createInterface({ input, ...(interactive ? { output, prompt: 'sitrep> ' } : {}), terminal: interactive });
  const context = { platform: 'console' as const, channelId: 'console', userId: 'console', canManageChannel: true };

  const handle = async (line: string): Promise<void> => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    if (/^\/?(quit|exit)$/i.test(trimmed)) {
      rl.close();
      return;
    }
    const request = parseCommandLine(trimmed, deps.topics.names());
    if ('error' in request) {
      write(renderText(errorMessage('Not a command', `${request.error} Type /help for the list.`)) + '\n');
      return;
    }
    const reply = await executeCommand(request, { ...context, now: now() }, deps);
    write(renderText(reply.message) + '\n');
  };

  return {
    async run() {
      if (interactive) rl.prompt();
      // Lines are answered strictly in order, even when piped faster than they are answered.
      for await (const line of rl) {
        await handle(line);
        if (interactive) rl.prompt();
      }
    },
    stop: () => rl.close(),
    poster: {
      platform: 'console',
      async post(_channelId, message) {
        write(renderText(message) + '\n');
        return { ok: true, messageIds: [] };
      },
    },
  };
}

import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandLine } from '../../commands/command-request.js';
import { executeCommand, type CommandDeps } from '../../commands/execute-command.js';
import type { ChannelPoster } from '../../chat/chat-port.js';
import { errorMessage } from '../../render/help-message.js';
import type { Message } from '../../render/message.js';
import { renderText } from '../../render/render-text.js';
import { writeConsoleChart } from './write-console-chart.js';

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
  /**
   * Runs `print` (which writes a log line or a digest to the terminal) above the prompt: the prompt
   * and what the user has typed so far are cleared first and redrawn after, so neither is broken up.
   */
  printAbove(print: () => void): void;
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
  const context = { platform: 'console' as const, channelId: 'console', userId: 'console', canManageChannel: true };
  // Made in `run`, right before it is read: lines that arrive before an async iterator exists are lost.
  let rl: Interface | undefined;
  let closed = false;
  // `/quit` or `stop`: lines still buffered are dropped. The end of input only closes: what was piped is all answered.
  let quit = false;
  // The prompt is on screen only while waiting for a line; during a command the reply owns the screen.
  let prompting = false;
  const markClosed = (): void => {
    closed = true;
    prompting = false;
  };
  const close = (): void => {
    quit = true;
    markClosed();
    rl?.close();
  };
  const prompt = (): void => {
    // After `/quit` (or `stop`) the interface is closed: prompting again would resume stdin and keep the process alive.
    if (!interactive || closed || !rl) return;
    prompting = true;
    rl.prompt();
  };
  const printAbove = (print: () => void): void => {
    if (!prompting || !rl) return print();
    clearLine(output, 0);
    cursorTo(output, 0);
    print();
    rl.prompt(true);
  };

  const handle = async (line: string): Promise<void> => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    if (/^\/?(quit|exit)$/i.test(trimmed)) return close();
    const request = parseCommandLine(trimmed, deps.topics.names());
    if ('error' in request) {
      write(renderText(errorMessage('Not a command', `${request.error} Type /help for the list.`)) + '\n');
      return;
    }
    const reply = await executeCommand(request, { ...context, now: now() }, deps);
    write(renderText(reply.message) + '\n');
    const chart = await chartLine(reply.message);
    if (chart) write(chart + '\n');
  };
  const chartLine = (message: Message): Promise<string | undefined> => (message.chart ? writeConsoleChart(message.chart, deps.logger) : Promise.resolve(undefined));

  return {
    async run() {
      if (closed) return;
      rl = createInterface({ input, ...(interactive ? { output, prompt: 'sitrep> ' } : {}), terminal: interactive });
      // Ctrl-C and Ctrl-D close the interface too.
      rl.on('close', markClosed);
      prompt();
      // Lines are answered strictly in order, even when piped faster than they are answered.
      for await (const line of rl) {
        prompting = false;
        await handle(line);
        if (quit) break;
        prompt();
      }
    },
    stop: close,
    printAbove,
    poster: {
      platform: 'console',
      async post(_channelId, message) {
        printAbove(() => write(renderText(message) + '\n'));
        const chart = await chartLine(message);
        if (chart) printAbove(() => write(chart + '\n'));
        return { ok: true, messageIds: [] };
      },
    },
  };
}

import type { Message } from '../render/message.js';
import { renderText } from '../render/render-text.js';
import type { ChannelPoster } from './channel-poster.js';

/**
 * Posts digests to the terminal (platform `console`, channel `console`), for `digest subscribe`
 * typed at the console adapter. `write` gets the rendered text (main passes stdout).
 */
export function createConsolePoster(write: (text: string) => void): ChannelPoster {
  return {
    platform: 'console',
    async post(_channelId: string, message: Message) {
      write(`${renderText(message)}\n`);
      return { ok: true, messageIds: [] };
    },
  };
}

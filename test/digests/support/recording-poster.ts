import type { ChannelPoster, PostFailure, PostOutcome } from '../../../src/chat/chat-port.js';
import type { Message } from '../../../src/render/message.js';

export interface RecordedPost {
  readonly channelId: string;
  readonly message: Message;
  readonly deliveryKey: string;
}

export interface RecordingPoster extends ChannelPoster {
  /** Posts that landed. */
  readonly posts: RecordedPost[];
  /** Every call, landed or not. */
  readonly attempts: RecordedPost[];
  /** The next `times` posts (to `channelId`, or anywhere) fail with `failure`. */
  failNext(failure: PostFailure, options?: { channelId?: string; times?: number }): void;
  /** Posts to `channelId` fail with `failure` from now on. */
  failAlways(channelId: string, failure: PostFailure): void;
  /** Posts wait for `release()` before landing (to race two services). */
  hold(): { release: () => void };
}

/** A ChannelPoster test double that records what it was asked to post and can be told to fail. */
export function createRecordingPoster(platform: ChannelPoster['platform'] = 'slack'): RecordingPoster {
  const posts: RecordedPost[] = [];
  const attempts: RecordedPost[] = [];
  const once: { failure: PostFailure; channelId?: string; left: number }[] = [];
  const always = new Map<string, PostFailure>();
  let gate: Promise<void> | undefined;
  return {
    platform,
    posts,
    attempts,
    failNext(failure, options = {}) {
      once.push({ failure, left: options.times ?? 1, ...(options.channelId ? { channelId: options.channelId } : {}) });
    },
    failAlways(channelId, failure) {
      always.set(channelId, failure);
    },
    hold() {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return { release };
    },
    async post(channelId, message, deliveryKey): Promise<PostOutcome> {
      const record = { channelId, message, deliveryKey };
      attempts.push(record);
      if (gate) await gate;
      const planned = once.find((f) => f.left > 0 && (!f.channelId || f.channelId === channelId));
      const failure = always.get(channelId) ?? (planned ? (planned.left--, planned.failure) : undefined);
      if (failure) return { ok: false, failure, detail: `test double: ${failure}` };
      posts.push(record);
      return { ok: true, messageIds: [`m${posts.length}`] };
    },
  };
}

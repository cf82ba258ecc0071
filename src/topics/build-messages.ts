import type { ArticleRef } from './article-refs.js';
import type { Topic } from './load-topic-folder.js';

/** Main thread → build worker: (re)load the folder `dir` as topic `name`. */
export interface BuildRequest {
  readonly id: number;
  readonly dir: string;
  readonly name: string;
  /** Build from nothing rather than update the worker's last state of this topic. */
  readonly fresh: boolean;
}

/**
 * Build worker → main thread: the topic (its articles sent as `articles`), that the folder is as
 * the worker's last build of it read it, or why it could not be loaded.
 */
export type BuildReply =
  | { readonly id: number; readonly name: string; readonly topic: Omit<Topic, 'articles'>; readonly articles: readonly ArticleRef[] }
  | { readonly id: number; readonly name: string; readonly unchanged: true }
  | { readonly id: number; readonly error: string };

/**
 * The build worker's entry (a `node:worker_threads` thread): reads topic folders and builds their
 * briefings, so a 300,000-character article or a 2,000-article folder never holds up the thread
 * that acknowledges Slack and Discord commands. It keeps each topic's briefing state, so a reload
 * is an incremental update; the finished `Topic` goes back by structured clone.
 */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../core/types.js';
import { toArticleRefs } from './article-refs.js';
import type { BuildReply, BuildRequest } from './build-messages.js';
import { loadTopicFolder, type LoadedFolder } from './load-topic-folder.js';
import { errorText } from '../shared/error-text.js';

const port = parentPort;
if (!port) throw new Error('build-worker.ts runs as a worker thread (see create-build-worker.ts)');

const folders = new Map<string, LoadedFolder>();
/** Per topic, the articles last sent: the main thread has these values already. */
const sent = new Map<string, readonly Article[]>();

port.on('message', (request: BuildRequest) => {
  void build(request).then((reply) => port.postMessage(reply));
});

async function build({ id, dir, name, fresh }: BuildRequest): Promise<BuildReply> {
  try {
    const previous = folders.get(name);
    const next = await loadTopicFolder(dir, name, !fresh && previous?.topic.dir === dir ? previous : undefined);
    // Nothing changed: nothing built, nothing sent but the answer.
    if (next === previous) return { id, name, unchanged: true };
    folders.set(name, next);
    const { articles, ...topic } = next.topic;
    const refs = toArticleRefs(articles, fresh ? undefined : sent.get(name));
    sent.set(name, articles);
    return { id, name, topic, articles: refs };
  } catch (error) {
    return { id, error: errorText(error) };
  }
}

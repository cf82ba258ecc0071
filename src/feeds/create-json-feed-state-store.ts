import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { topicFeedStateSchema, type FeedStateStore } from './feed-state-store.js';

/** The state file's name: a dot-file, so ingest and the folder watcher ignore it. */
export const feedStateFileName = '.feeds-state.json';

/**
 * Keeps each topic's feed state in `<topic>/.feeds-state.json`, written atomically (temporary
 * file, then rename). A missing file is a fresh start; an unreadable or invalid one is logged and
 * replaced at the next save rather than stopping the feeds.
 */
export function createJsonFeedStateStore(logger: Logger): FeedStateStore {
  return {
    async load(topic) {
      const path = join(topic.dir, feedStateFileName);
      let raw: string;
      try {
        raw = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('feed state cannot be read; starting fresh', { topic: topic.name, path, error });
        return topicFeedStateSchema.parse({});
      }
      try {
        const parsed = topicFeedStateSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
        logger.warn('feed state is invalid; starting fresh', { topic: topic.name, path, issue: parsed.error.issues[0]?.message });
      } catch (error) {
        logger.warn('feed state is not valid JSON; starting fresh', { topic: topic.name, path, error });
      }
      return topicFeedStateSchema.parse({});
    },
    async save(topic, state) {
      const path = join(topic.dir, feedStateFileName);
      const tmp = `${path}.tmp`;
      await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
      await rename(tmp, path);
    },
  };
}

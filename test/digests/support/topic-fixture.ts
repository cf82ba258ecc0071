import type { Briefing } from '../../../src/core/types.js';
import type { Topic, TopicLibrary } from '../../../src/topics/topic-library.js';
import { defaultTopicSettings, type TopicSettings } from '../../../src/topics/topic-settings.js';

export type DigestEntry = TopicSettings['digests'][number];

export function makeTopic(name: string, title: string, briefing: Briefing, digests: readonly Partial<DigestEntry>[] = []): Topic {
  return {
    name,
    title,
    dir: `/topics/${name}`,
    settings: {
      ...defaultTopicSettings,
      title,
      digests: digests.map((d) => ({ cron: '0 8 * * *', timezone: 'UTC', slack: [], discord: [], quietWhenUnchanged: false, ...d })),
    },
    articles: [],
    briefing,
    problems: [],
  };
}

/** An in-memory topic library; `put` replaces a topic as incremental updates do. */
export function makeTopics(...list: Topic[]): TopicLibrary {
  const topics = new Map(list.map((t) => [t.name, t]));
  return {
    names: () => [...topics.keys()],
    defaultName: () => [...topics.keys()][0],
    get: (name) => topics.get(name),
    reload: async (name) => topics.get(name),
    update: async (name) => {
      const topic = topics.get(name);
      return topic && { topic, previous: topic };
    },
    put: (topic) => void topics.set(topic.name, topic),
  };
}

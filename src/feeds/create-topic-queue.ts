/** Who asked for a piece of work: a person waiting for a reply goes before the feed poller. */
export type QueuePriority = 'person' | 'feed';

/** Runs work one piece at a time per topic, people's work first. */
export interface TopicQueue {
  run<T>(topic: string, priority: QueuePriority, task: () => Promise<T>): Promise<T>;
}

interface Job {
  readonly priority: QueuePriority;
  readonly start: () => Promise<void>;
}

/**
 * One lane per topic: at most one task of a topic runs at a time; a waiting `person` task is
 * started before every waiting `feed` task (in arrival order within each priority). A task's
 * failure is its caller's and does not stop the lane. Lanes with nothing to do are dropped.
 */
export function createTopicQueue(): TopicQueue {
  const lanes = new Map<string, { busy: boolean; waiting: Job[] }>();

  const next = (topic: string): void => {
    const lane = lanes.get(topic);
    const job = lane?.waiting.shift();
    if (!lane || !job) {
      lanes.delete(topic);
      return;
    }
    lane.busy = true;
    void job.start().finally(() => {
      lane.busy = false;
      next(topic);
    });
  };

  return {
    run(topic, priority, task) {
      return new Promise((resolve, reject) => {
        let lane = lanes.get(topic);
        if (!lane) lanes.set(topic, (lane = { busy: false, waiting: [] }));
        const job: Job = { priority, start: () => task().then(resolve, reject) };
        const firstFeed = priority === 'person' ? lane.waiting.findIndex((j) => j.priority === 'feed') : -1;
        if (firstFeed < 0) lane.waiting.push(job);
        else lane.waiting.splice(firstFeed, 0, job);
        if (!lane.busy) next(topic);
      });
    },
  };
}

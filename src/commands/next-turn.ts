/**
 * One command's work per turn of the event loop. A command's work (reading a briefing, ranking
 * sentences, rendering) runs without a break once it starts; started straight after its ack, it
 * would hold every request that arrived meanwhile until it ends, and fifty commands in flight would
 * queue each new request behind fifty commands' work. `nextTurn` hands out turns one per
 * `setImmediate`, so between two commands' work the loop reads its sockets: a new request is
 * parsed, checked and acknowledged after at most one command's work.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function release(): void {
  scheduled = false;
  waiting.shift()?.();
  // The next turn is queued from inside this one, so it runs after the loop has polled its sockets.
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  scheduled = true;
  setImmediate(release);
}

/** Resolves when it is this caller's turn: after the loop has polled for I/O, one caller at a time. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) schedule();
  });
}

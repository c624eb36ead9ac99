// Counting event-loop turns under a test clock. Code that gives the event loop back "once 8 ms
// have passed" reads performance.now(): a clock that moves a fixed step per reading makes its
// yields exact on any machine, and an immediate that re-arms itself runs once per turn.

/** Runs `run` with performance.now() reading `start`, then moving `step` ms a reading. */
export async function withClock<T>(start: number, step: number, run: () => Promise<T>): Promise<T> {
  const realNow = performance.now;
  let clock = start - step;
  performance.now = () => (clock += step);
  try {
    return await run();
  } finally {
    performance.now = realNow;
  }
}

/** Event-loop turns taken while `run` goes, and what it gave. */
export async function turnsDuring<T>(run: () => Promise<T>): Promise<{ turns: number; value: T }> {
  let turns = 0;
  let immediate = setImmediate(function turn() {
    turns++;
    immediate = setImmediate(turn);
  });
  try {
    const value = await run();
    return { turns, value };
  } finally {
    clearImmediate(immediate);
  }
}

/** turnsDuring(run) under withClock(start, step). */
export function turnsWithClock<T>(start: number, step: number, run: () => Promise<T>): Promise<{ turns: number; value: T }> {
  return withClock(start, step, () => turnsDuring(run));
}

/**
 * The pause between two polls of a live watcher, which a bus notification or
 * an abort cuts short. A `wake()` outside a pause does nothing: the next poll
 * reads the current state anyway.
 */
export function wakeableSleep() {
  let wake: (() => void) | null = null;
  return {
    wake: () => wake?.(),
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wake = done;
      }),
  };
}

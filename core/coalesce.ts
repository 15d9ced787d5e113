/** Wraps a task so calls never overlap: a call while it runs asks for one more pass
 * afterwards (it may have started before the caller's change) and gets the running promise. */
export function coalesce<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let again = false;
  const run = (): Promise<T> => {
    if (running) {
      again = true;
      return running;
    }
    running = task().finally(() => {
      running = null;
      if (again) {
        again = false;
        void run().catch(() => undefined); // the next pass reports its own failures
      }
    });
    return running;
  };
  return run;
}

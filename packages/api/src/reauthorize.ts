/**
 * Subscriptions outlive the request that authorised them: a dashboard watch or
 * a notification bell stays open for hours. `reauthorizing` passes a
 * subscription's items through unchanged and, every `everyMs` (whether or not
 * items flow), runs `recheck`, which signs the caller in again from the same
 * credentials and checks the procedure's permission afresh. When it throws
 * (token or session revoked, user deactivated, role or membership gone), the
 * subscription ends with that error, so the client hears why.
 */
export async function* reauthorizing<T>(source: AsyncIterable<T>, recheck: () => Promise<void>, everyMs: number): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  // A next() still waiting when a recheck is due is kept and awaited again: an iterator must not be asked twice at once.
  let pending: Promise<IteratorResult<T>> | null = null;
  let due = Date.now() + everyMs;
  let done = false;
  try {
    for (;;) {
      pending ??= it.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const due$ = new Promise<null>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, due - Date.now()), null);
        timer.unref?.();
      });
      const step = await Promise.race([pending, due$]).finally(() => clearTimeout(timer));
      if (step === null) {
        await recheck();
        due = Date.now() + everyMs;
        continue;
      }
      pending = null;
      if (step.done) {
        done = true;
        return;
      }
      yield step.value;
    }
  } finally {
    // Ended early (refused, or the client left): let the source clean up. Not awaited: a source
    // blocked on its next item finishes that first, or when the request's signal aborts.
    if (!done) void Promise.resolve(it.return?.()).catch(() => {});
  }
}

/**
 * Exponential backoff with jitter: the delay before attempt `n + 1` after
 * attempt `n` failed. Pure; `random` is injectable for tests.
 */
import type { RetryPolicy } from '../definition';

export function backoffDelayMs(policy: Pick<RetryPolicy, 'backoffMs' | 'maxBackoffMs' | 'jitter'>, failedAttempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempt - 1);
  // 2 ** 60 already dwarfs any cap; stop there so the product stays finite.
  const base = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.min(exponent, 60));
  // ± jitter × base, so the retries of many steps that failed together spread out.
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(policy.maxBackoffMs, base + spread)));
}

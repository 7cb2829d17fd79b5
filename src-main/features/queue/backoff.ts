/**
 * Exponential backoff with full jitter (AWS "Exponential Backoff and Jitter"): the wait before attempt
 * n+1 is uniform in [0, min(cap, base·2^(n−1))). The jitter spreads out 39 communes that all come back
 * online after the same provincial outage.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

export function backoffDelay(attempts: number, policy: BackoffPolicy, random: () => number = Math.random, retryAfterMs = 0): number {
  const n = Math.max(1, Math.floor(attempts));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  return Math.max(Math.floor(random() * ceiling), Math.min(retryAfterMs, policy.capMs));
}

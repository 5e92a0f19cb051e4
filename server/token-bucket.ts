/** A token bucket over an injected clock: `ratePerSec` tokens refill per second up to `burst`. */
export interface TokenBucket {
  tokens: number;
  lastMs: number;
}

export function createBucket(burst: number, nowMs: number): TokenBucket {
  return { tokens: burst, lastMs: nowMs };
}

/** Takes one token if there is one; returns false when the caller is over its rate. */
export function takeToken(bucket: TokenBucket, ratePerSec: number, burst: number, nowMs: number): boolean {
  const elapsed = nowMs - bucket.lastMs;
  if (elapsed > 0) {
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed * ratePerSec) / 1000);
    bucket.lastMs = nowMs;
  }
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
